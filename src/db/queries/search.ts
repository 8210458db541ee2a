// Site search reads: live hits ranked by bm25 (one per article or episode), and snippets for a page of them.
import { sql } from 'drizzle-orm';
import type { Database } from '../database.ts';
import { articles, episodes, type SearchKind, shows } from '../schema.ts';
import { isLive } from './visibility.ts';

/**
 * bm25 weights of the FTS5 columns (title, body): a word in a headline or episode title counts ten
 * times one in running text (https://sqlite.org/fts5.html#the_bm25_function).
 */
const BM25 = sql.raw('bm25(search_fts, 10.0, 1.0)');

/** Marks around highlighted words in snippets: control characters, which the indexed text never holds. */
export const MARK_OPEN = '\u0002';
export const MARK_CLOSE = '\u0003';

/**
 * How many of the best-ranked texts a search considers. FTS5 ranks every text that matches before it
 * can return the best (bm25 needs each one's score), and joining each to its article or episode for
 * visibility cost far more than ranking: for a word in most texts that was over a second on the
 * bench corpus (bench/search.ts). Only the best texts are joined; past them, totals are a floor.
 */
export const SEARCH_CANDIDATES = 1000;

/**
 * Above this many matching texts, a match is too broad to rank whole (a word in most texts, like
 * "the": bm25 over 360,000 texts took 300 ms on the bench corpus), and is matched in titles alone
 * (headlines, episode titles), a set that ranks in milliseconds. Counting the matches first costs a
 * few milliseconds at most.
 */
export const BROAD_MATCH_TEXTS = 20_000;

/** `match` in the title column only (https://sqlite.org/fts5.html#fts5_column_filters). */
export const titlesOnly = (match: string) => `{title} : (${match})`;

/** How many texts match `match` (cheap: FTS5 counts from its doclists, scoring nothing). */
export async function countMatches(db: Database, match: string): Promise<number> {
  const [row] = await db.all<{ n: number }>(
    sql`SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH ${match}`,
  );
  return Number(row?.n ?? 0);
}

export interface SearchHit {
  readonly id: number;
  readonly kind: SearchKind;
  readonly startMs: number | null;
  readonly score: number;
  readonly articleSlug: string | null;
  readonly headline: string | null;
  readonly articlePublishedAt: number | null;
  readonly episodeSlug: string | null;
  readonly episodeTitle: string | null;
  readonly episodePublishedAt: number | null;
  readonly showSlug: string | null;
  readonly showTitle: string | null;
  /** Live articles and episodes found among the candidates. */
  readonly total: number;
  /** How many texts the match ranked as candidates: SEARCH_CANDIDATES when there may be more. */
  readonly candidates: number;
}

/**
 * The best SEARCH_CANDIDATES texts for `match`, joined to their articles and episodes, live ones
 * only, each article or episode once, by its best text (a transcript cue, its notes, its title).
 */
const liveBest = (match: string, now: Date, broad: boolean) => sql`
  top AS (
    SELECT rowid AS id, ${BM25} AS score FROM search_fts
    WHERE search_fts MATCH ${broad ? titlesOnly(match) : match} ORDER BY score LIMIT ${SEARCH_CANDIDATES}
  ),
  hits AS (
    SELECT t.id, t.kind, t.start_ms, top.score, t.article_id, t.episode_id
    FROM top
    JOIN search_texts t ON t.id = top.id
    LEFT JOIN ${articles} ON ${articles.id} = t.article_id
    LEFT JOIN ${episodes} ON ${episodes.id} = t.episode_id
    WHERE CASE WHEN t.article_id IS NOT NULL THEN ${isLive(articles, now)} ELSE ${isLive(episodes, now)} END
      -- a subscribers-only show's transcripts are its subscribers' (pages do not show them either)
      AND (t.kind <> 'transcript' OR NOT EXISTS (
        SELECT 1 FROM ${shows} WHERE ${shows.id} = ${episodes.showId} AND ${shows.access} = 'subscribers'))
  ),
  best AS (
    SELECT *, row_number() OVER (PARTITION BY article_id, episode_id ORDER BY score, id) AS n FROM hits
  )`;

/**
 * One page of hits for `match` (an FTS5 expression of quoted words) among what the public may see
 * now, best first, ties broken by id so pages never overlap.
 */
export async function searchLive(
  db: Database,
  args: { match: string; now: Date; broad: boolean; limit: number; offset: number },
): Promise<SearchHit[]> {
  return db.all<SearchHit>(sql`
    WITH ${liveBest(args.match, args.now, args.broad)},
    ranked AS (
      SELECT *, count(*) OVER () AS total FROM best WHERE n = 1
      ORDER BY score, id LIMIT ${args.limit} OFFSET ${args.offset}
    )
    SELECT r.id, r.kind, r.start_ms AS startMs, r.score, r.total,
      (SELECT count(*) FROM top) AS candidates,
      a.slug AS articleSlug, a.headline, a.published_at AS articlePublishedAt,
      e.slug AS episodeSlug, e.title AS episodeTitle, e.published_at AS episodePublishedAt,
      s.slug AS showSlug, s.title AS showTitle
    FROM ranked r
    LEFT JOIN articles a ON a.id = r.article_id
    LEFT JOIN episodes e ON e.id = r.episode_id
    LEFT JOIN shows s ON s.id = e.show_id
    ORDER BY r.score, r.id
  `);
}

/** The total and candidates for a page past the last, which has no rows to carry them. */
export async function countLive(
  db: Database,
  args: { match: string; now: Date; broad: boolean },
): Promise<{ total: number; candidates: number }> {
  const [row] = await db.all<{ total: number; candidates: number }>(sql`
    WITH ${liveBest(args.match, args.now, args.broad)}
    SELECT (SELECT count(*) FROM best WHERE n = 1) AS total, (SELECT count(*) FROM top) AS candidates
  `);
  return { total: Number(row?.total ?? 0), candidates: Number(row?.candidates ?? 0) };
}

/**
 * The title highlighted whole and a fragment of the body around the matched words, for the rows
 * `ids` (a page of hits): FTS5 computes these only within a MATCH query, so they are read apart
 * from the ranking, for the few rows shown (https://sqlite.org/fts5.html#the_snippet_function).
 */
export async function searchSnippets(
  db: Database,
  args: { match: string; ids: readonly number[] },
): Promise<Map<number, { title: string; body: string }>> {
  if (args.ids.length === 0) return new Map();
  const rows = await db.all<{ id: number; title: string; body: string }>(sql`
    SELECT rowid AS id,
      highlight(search_fts, 0, ${MARK_OPEN}, ${MARK_CLOSE}) AS title,
      snippet(search_fts, 1, ${MARK_OPEN}, ${MARK_CLOSE}, '…', 32) AS body
    FROM search_fts
    WHERE search_fts MATCH ${args.match} AND rowid IN (${sql.join(
      args.ids.map((id) => sql`${id}`),
      sql`, `,
    )})
  `);
  return new Map(rows.map((r) => [Number(r.id), { title: r.title ?? '', body: r.body ?? '' }]));
}
