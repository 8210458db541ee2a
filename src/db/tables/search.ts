// search_texts: the plain text site search reads (FTS5 table search_fts indexes it; see drizzle/0006_search.sql).
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { oneOf } from './columns.ts';
import { jobColumns } from './job-columns.ts';
import { articles } from './news.ts';
import { episodes } from './podcasts.ts';

/** What a search text is: an article, an episode's title and notes, or one cue of its transcript. */
export const SEARCH_KINDS = ['article', 'episode', 'transcript'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/**
 * One searchable text, already plain (markup stripped, entities decoded) so matches and snippets are
 * words a reader sees. The FTS5 table `search_fts` (external content, declared in the migration:
 * drizzle-kit cannot declare virtual tables) indexes `title` and `body`, kept in step by triggers on
 * this table. Rows go with their article or episode (ON DELETE CASCADE, which fires those triggers).
 * Visibility is not stored: a search joins the live rule (db/queries/visibility.ts) at read time, so
 * publishing, scheduling and unpublishing never touch the index.
 */
export const searchTexts = sqliteTable(
  'search_texts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: SEARCH_KINDS }).notNull(),
    articleId: integer('article_id').references(() => articles.id, { onDelete: 'cascade' }),
    episodeId: integer('episode_id').references(() => episodes.id, { onDelete: 'cascade' }),
    /** Where a transcript cue starts, in milliseconds; null for other kinds and untimed transcripts. */
    startMs: integer('start_ms'),
    title: text('title').notNull().default(''),
    body: text('body').notNull().default(''),
  },
  (t) => [
    check(
      'search_texts_owner',
      sql`(${t.kind} = 'article' AND ${t.articleId} IS NOT NULL AND ${t.episodeId} IS NULL) OR (${t.kind} IN ('episode', 'transcript') AND ${t.episodeId} IS NOT NULL AND ${t.articleId} IS NULL)`,
    ),
    check('search_texts_start', sql`${t.startMs} IS NULL OR ${t.startMs} >= 0`),
    uniqueIndex('search_texts_article').on(t.articleId),
    index('search_texts_episode').on(t.episodeId, t.kind),
  ],
);

/** A reindex job's states: running until every step is done, or failed with the reason. */
export const REINDEX_STATUSES = ['running', 'done', 'failed'] as const;
/** Where a reindex job stands: each kind's items in id order, then FTS5's rebuild and merge. */
export const REINDEX_PHASES = ['articles', 'episodes', 'index', 'done'] as const;

/**
 * A search index rebuild asked for through the API (`POST /api/v1/search/reindex`), run in bounded
 * steps: on Workers a request's waitUntil and then the cron trigger carry it on, so a remote D1 is
 * rebuilt without one long invocation. The cursor (`phase`, `after_id`) is saved after every page,
 * so an interrupted run goes on where it stopped.
 */
export const searchReindexJobs = sqliteTable(
  'search_reindex_jobs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Every item's text rewritten and the index rebuilt, or only items that have no text yet. */
    missingOnly: integer('missing_only', { mode: 'boolean' }).notNull().default(false),
    status: text('status', { enum: REINDEX_STATUSES }).notNull().default('running'),
    phase: text('phase', { enum: REINDEX_PHASES }).notNull().default('articles'),
    /** The last id of the current phase's kind written so far. */
    afterId: integer('after_id').notNull().default(0),
    articles: integer('articles').notNull().default(0),
    episodes: integer('episodes').notNull().default(0),
    transcripts: integer('transcripts').notNull().default(0),
    error: text('error'),
    ...jobColumns(),
  },
  (t) => [
    check('search_reindex_status', oneOf('status', REINDEX_STATUSES)),
    check('search_reindex_phase', oneOf('phase', REINDEX_PHASES)),
    // One running job at a time: two would only repeat each other's work.
    uniqueIndex('search_reindex_one_running').on(t.status).where(sql`status = 'running'`),
  ],
);
