// search_texts: the plain text site search reads (FTS5 table search_fts indexes it; see drizzle/0006_search.sql).
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
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
