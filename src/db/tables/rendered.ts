// rendered_documents and rendered_bodies: feeds rendered when the catalogue changes, stored so reads only stream bytes.
import { sql } from 'drizzle-orm';
import { blob, check, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * One row per stored document (a podcast feed, a page of a news feed): what a read needs to
 * answer, without rendering. The body lives apart, by content hash (rendered_bodies on Node, R2 on
 * Workers), so a row stays small and a 20 MB feed never passes through a database row on D1.
 */
export const renderedDocuments = sqliteTable(
  'rendered_documents',
  {
    /** The document, e.g. `podcast\nshow-slug` or `news\nsection\nrss\n1`. */
    key: text('key').primaryKey(),
    /** Lower-case hex SHA-256 of the body: its entity tag and where the body is stored. */
    hash: text('hash').notNull(),
    /** The catalogue revision read before rendering: a later render never loses to an earlier one. */
    revision: integer('revision').notNull(),
    /** Settings and renderer the body was made with: a body made under others is not served. */
    configTag: text('config_tag').notNull(),
    status: integer('status').notNull().default(200),
    contentType: text('content_type').notNull(),
    /** Extra response headers (such as Location for a moved feed), as JSON. */
    headers: text('headers', { mode: 'json' }).$type<Record<string, string>>().notNull().default({}),
    lastModified: integer('last_modified', { mode: 'timestamp_ms' }).notNull(),
    /** When something scheduled goes live and the body must be made again; null: not before a write. */
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }),
    sizeBytes: integer('size_bytes').notNull(),
    renderedAt: integer('rendered_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    check('rendered_documents_hash', sql`length(${t.hash}) = 64`),
    check('rendered_documents_status', sql`${t.status} IN (200, 301)`),
  ],
);

/** Bodies of stored documents on Node (Workers keep them in R2), by content hash. */
export const renderedBodies = sqliteTable(
  'rendered_bodies',
  {
    hash: text('hash').primaryKey(),
    body: blob('body', { mode: 'buffer' }).$type<Uint8Array>().notNull(),
  },
  (t) => [check('rendered_bodies_hash', sql`length(${t.hash}) = 64`)],
);
