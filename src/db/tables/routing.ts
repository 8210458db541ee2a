// redirects and gone_paths: what became of URLs that changed (301) or were deleted (410).
import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns.ts';

/** A renamed slug or moved feed: requests for `from_path` get a 301 to `to_path` (a path or an absolute URL). */
export const redirects = sqliteTable(
  'redirects',
  {
    fromPath: text('from_path').primaryKey(),
    toPath: text('to_path').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    check('redirects_from', sql`${t.fromPath} LIKE '/%'`),
    check(
      'redirects_to',
      sql`${t.toPath} LIKE '/%' OR ${t.toPath} LIKE 'https://%' OR ${t.toPath} LIKE 'http://%'`,
    ),
  ],
);

/** Deleted pages and media: requests get a 410 Gone rather than a 404, so apps and crawlers let go. */
export const gonePaths = sqliteTable(
  'gone_paths',
  {
    path: text('path').primaryKey(),
    goneAt: integer('gone_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [check('gone_paths_path', sql`${t.path} LIKE '/%'`)],
);

/**
 * One row: a revision counter that triggers (drizzle/0001) raise on every change to the catalogue,
 * so caches can tell in one cheap read whether anything changed.
 */
export const catalogState = sqliteTable(
  'catalog_state',
  {
    id: integer('id').primaryKey(),
    revision: integer('revision').notNull().default(0),
  },
  (t) => [check('catalog_state_single_row', sql`${t.id} = 1`)],
);
