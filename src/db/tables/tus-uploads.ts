// tus_uploads: resumable uploads (tus 1.0) in progress or finished, with what each runtime needs to resume them.
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './accounts.ts';
import { createdAt } from './columns.ts';
import { mediaAssets } from './media-assets.ts';

export const tusUploads = sqliteTable(
  'tus_uploads',
  {
    /** The random id in the upload URL (`/api/v1/uploads/<id>`). */
    id: text('id').primaryKey(),
    /** The user who created it (null: the operator's ADMIN_TOKEN); only they may continue it. */
    userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** Upload-Length: the whole file's size in bytes. */
    length: integer('length').notNull(),
    /** Upload-Offset: bytes stored so far. */
    offset: integer('offset').notNull().default(0),
    /** Upload-Metadata, decoded (filename, filetype), as JSON. */
    metadata: text('metadata', { mode: 'json' }).$type<Record<string, string>>().notNull().default({}),
    /** Where the bytes go meanwhile (a temporary media key, or the R2 object of a multipart upload). */
    tempKey: text('temp_key').notNull(),
    /** Runtime-specific resume state as JSON (R2: the multipart upload id and parts so far). */
    state: text('state', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    /** Upload-Expires: an unfinished upload is removed after this (tus expiration extension). */
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    /** Set once the last byte is in and the file is probed and stored. */
    assetId: integer('asset_id').references(() => mediaAssets.id, { onDelete: 'set null' }),
  },
  (t) => [
    check('tus_uploads_length', sql`${t.length} >= 0`),
    check('tus_uploads_offset', sql`${t.offset} >= 0 AND ${t.offset} <= ${t.length}`),
    index('tus_uploads_expiry_idx').on(t.expiresAt),
  ],
);
