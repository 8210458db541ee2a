// The one SQLite schema for libSQL (Node) and Cloudflare D1: tables, keys and constraints.
import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  unique,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import {
  type Author,
  type Chapter,
  EPISODE_TYPES,
  type FundingLink,
  type Person,
  type PodrollItem,
  PUBLICATION_STATUSES,
  SHOW_MEDIUMS,
  SHOW_TYPES,
  type ShowCategory,
  type TxtRecord,
  type UpdateFrequency,
} from '../domain/vocabulary.ts';

const slugCheck = (column: string) =>
  sql.raw(
    `length(${column}) BETWEEN 1 AND 200 AND ${column} NOT GLOB '*[^a-z0-9-]*' AND ${column} NOT GLOB '-*'`,
  );
const statusCheck = sql.raw(`status IN (${PUBLICATION_STATUSES.map((s) => `'${s}'`).join(', ')})`);
const createdAt = () => integer('created_at', { mode: 'timestamp_ms' }).notNull();
const updatedAt = () => integer('updated_at', { mode: 'timestamp_ms' }).notNull();

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

export const sections = sqliteTable(
  'sections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [check('sections_slug', slugCheck('slug')), check('sections_name', sql`length(${t.name}) > 0`)],
);

export const articles = sqliteTable(
  'articles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull().unique(),
    headline: text('headline').notNull(),
    standfirst: text('standfirst').notNull().default(''),
    /** The body as the editor wrote it; sanitised on the way out, the original kept. */
    bodyHtml: text('body_html').notNull().default(''),
    authors: text('authors', { mode: 'json' }).$type<Author[]>().notNull().default([]),
    sectionId: integer('section_id')
      .notNull()
      .references(() => sections.id, { onDelete: 'restrict' }),
    tags: text('tags', { mode: 'json' }).$type<string[]>().notNull().default([]),
    imageAssetId: integer('image_asset_id').references(() => mediaAssets.id, { onDelete: 'set null' }),
    imageAlt: text('image_alt').notNull().default(''),
    status: text('status', { enum: PUBLICATION_STATUSES }).notNull().default('draft'),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('articles_slug', slugCheck('slug')),
    check('articles_headline', sql`length(${t.headline}) > 0`),
    check('articles_status', statusCheck),
    check('articles_published_at', sql`${t.status} = 'draft' OR ${t.publishedAt} IS NOT NULL`),
    index('articles_listing_idx').on(t.status, t.publishedAt),
    index('articles_section_idx').on(t.sectionId, t.status, t.publishedAt),
  ],
);

export const shows = sqliteTable(
  'shows',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull().unique(),
    /** `podcast:guid`: UUIDv5 of the first feed URL, stored once so it survives moves. */
    podcastGuid: text('podcast_guid').notNull().unique(),
    title: text('title').notNull(),
    subtitle: text('subtitle').notNull().default(''),
    description: text('description').notNull(),
    language: text('language').notNull().default('en'),
    /** Website of the show; the show page when empty. */
    link: text('link'),
    author: text('author').notNull(),
    ownerName: text('owner_name'),
    ownerEmail: text('owner_email'),
    artworkAssetId: integer('artwork_asset_id').references(() => mediaAssets.id, { onDelete: 'restrict' }),
    categories: text('categories', { mode: 'json' }).$type<ShowCategory[]>().notNull().default([]),
    explicit: integer('explicit', { mode: 'boolean' }).notNull().default(false),
    type: text('type', { enum: SHOW_TYPES }).notNull().default('episodic'),
    copyright: text('copyright'),
    locked: integer('locked', { mode: 'boolean' }).notNull().default(false),
    funding: text('funding', { mode: 'json' }).$type<FundingLink[]>().notNull().default([]),
    /** Set when the show moves to another feed URL: `itunes:new-feed-url` and a 301. */
    newFeedUrl: text('new_feed_url'),
    complete: integer('complete', { mode: 'boolean' }).notNull().default(false),
    block: integer('block', { mode: 'boolean' }).notNull().default(false),
    medium: text('medium', { enum: SHOW_MEDIUMS }).notNull().default('podcast'),
    persons: text('persons', { mode: 'json' }).$type<Person[]>().notNull().default([]),
    txt: text('txt', { mode: 'json' }).$type<TxtRecord[]>().notNull().default([]),
    podroll: text('podroll', { mode: 'json' }).$type<PodrollItem[]>().notNull().default([]),
    updateFrequency: text('update_frequency', { mode: 'json' }).$type<UpdateFrequency>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('shows_slug', slugCheck('slug')),
    check('shows_title', sql`length(${t.title}) > 0`),
    check('shows_description', sql`length(${t.description}) > 0`),
    check('shows_author', sql`length(${t.author}) > 0`),
    check('shows_language', sql`length(${t.language}) BETWEEN 2 AND 35`),
    check('shows_type', sql.raw(`type IN (${SHOW_TYPES.map((s) => `'${s}'`).join(', ')})`)),
    check('shows_guid', sql`length(${t.podcastGuid}) = 36`),
  ],
);

export const episodes = sqliteTable(
  'episodes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    showId: integer('show_id')
      .notNull()
      .references(() => shows.id, { onDelete: 'restrict' }),
    /** The item `guid`: set once, never changed after publication (podcast apps key on it). */
    guid: text('guid').notNull().unique(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    /** Plain-text summary (`itunes:summary`, `description` fallback). */
    summary: text('summary').notNull().default(''),
    /** Show notes as HTML (`content:encoded`), sanitised on the way out. */
    contentHtml: text('content_html').notNull().default(''),
    status: text('status', { enum: PUBLICATION_STATUSES }).notNull().default('draft'),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
    season: integer('season'),
    number: integer('number'),
    type: text('type', { enum: EPISODE_TYPES }).notNull().default('full'),
    /** null: inherits the show's setting. */
    explicit: integer('explicit', { mode: 'boolean' }),
    imageAssetId: integer('image_asset_id').references(() => mediaAssets.id, { onDelete: 'set null' }),
    audioAssetId: integer('audio_asset_id').references(() => mediaAssets.id, { onDelete: 'restrict' }),
    transcriptAssetId: integer('transcript_asset_id').references(() => mediaAssets.id, {
      onDelete: 'set null',
    }),
    /** Editor-supplied chapters document; when null, chapters come from the audio file. */
    chaptersAssetId: integer('chapters_asset_id').references(() => mediaAssets.id, { onDelete: 'set null' }),
    persons: text('persons', { mode: 'json' }).$type<Person[]>().notNull().default([]),
    block: integer('block', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('episodes_show_slug').on(t.showId, t.slug),
    check('episodes_slug', slugCheck('slug')),
    check('episodes_title', sql`length(${t.title}) > 0`),
    check('episodes_guid', sql`length(${t.guid}) > 0`),
    check('episodes_status', statusCheck),
    check('episodes_published_at', sql`${t.status} = 'draft' OR ${t.publishedAt} IS NOT NULL`),
    // An episode goes out with an enclosure or not at all.
    check('episodes_audio', sql`${t.status} = 'draft' OR ${t.audioAssetId} IS NOT NULL`),
    check('episodes_season', sql`${t.season} IS NULL OR ${t.season} > 0`),
    check('episodes_number', sql`${t.number} IS NULL OR ${t.number} > 0`),
    check('episodes_type', sql.raw(`type IN (${EPISODE_TYPES.map((s) => `'${s}'`).join(', ')})`)),
    index('episodes_listing_idx').on(t.showId, t.status, t.publishedAt),
  ],
);

/** Ordered many-to-many pairing: an article carries episodes in `position` order. */
export const articleEpisodes = sqliteTable(
  'article_episodes',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    episodeId: integer('episode_id')
      .notNull()
      .references(() => episodes.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.episodeId] }),
    uniqueIndex('article_episodes_position').on(t.articleId, t.position),
    index('article_episodes_episode_idx').on(t.episodeId),
    check('article_episodes_position_check', sql`${t.position} >= 0`),
  ],
);

export type MediaAsset = typeof mediaAssets.$inferSelect;
export type NewMediaAsset = typeof mediaAssets.$inferInsert;
export type Section = typeof sections.$inferSelect;
export type NewSection = typeof sections.$inferInsert;
export type Article = typeof articles.$inferSelect;
export type NewArticle = typeof articles.$inferInsert;
export type Show = typeof shows.$inferSelect;
export type NewShow = typeof shows.$inferInsert;
export type Episode = typeof episodes.$inferSelect;
export type NewEpisode = typeof episodes.$inferInsert;
export type ArticleEpisode = typeof articleEpisodes.$inferSelect;
