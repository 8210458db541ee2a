// media_assets: stored files (audio, artwork, transcripts, chapters) with the facts probed from them.
import { sql } from 'drizzle-orm';
import { check, index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { Chapter } from '../../domain/vocabulary.ts';
import { createdAt } from './columns.ts';

/** Stored files: audio, artwork, transcripts, chapter documents. Probed once, when stored. */
export const mediaAssets = sqliteTable(
  'media_assets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Key in the media store (a relative path such as `demo/episode-1.mp3`). */
    key: text('key').notNull().unique(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    /** Lower-case hex SHA-256 of the content: the strong ETag and the cache-busting URL part. */
    sha256: text('sha256').notNull(),
    durationSeconds: real('duration_seconds'),
    bitrate: integer('bitrate'),
    container: text('container'),
    codec: text('codec'),
    sampleRate: integer('sample_rate'),
    channels: integer('channels'),
    lossless: integer('lossless', { mode: 'boolean' }),
    /**
     * Bytes a listener must receive to have the file's header and tags plus its first minute of
     * audio (the whole file when it is shorter): an IAB download's threshold, exact per file, read
     * from the frames by the probe. Null for records probed before it was known.
     */
    minuteBytes: integer('minute_bytes'),
    chapters: text('chapters', { mode: 'json' }).$type<Chapter[]>().notNull().default([]),
    width: integer('width'),
    height: integer('height'),
    /** Modification time of the source file when it was scanned, to notice changes cheaply. */
    sourceMtime: integer('source_mtime', { mode: 'timestamp_ms' }),
    probedAt: integer('probed_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [
    check(
      'media_assets_key',
      sql`length(${t.key}) > 0 AND ${t.key} NOT LIKE '/%' AND instr(${t.key}, '..') = 0`,
    ),
    check('media_assets_size', sql`${t.sizeBytes} >= 0`),
    check('media_assets_sha256', sql`length(${t.sha256}) = 64`),
    check('media_assets_duration', sql`${t.durationSeconds} IS NULL OR ${t.durationSeconds} >= 0`),
    // Feeds and pages never open media files, so an audio asset must arrive with its probed length.
    check(
      'media_assets_audio_probed',
      sql`${t.mimeType} NOT LIKE 'audio/%' OR ${t.durationSeconds} IS NOT NULL`,
    ),
    index('media_assets_sha256_idx').on(t.sha256),
  ],
);
