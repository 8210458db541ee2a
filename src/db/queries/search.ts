// Site search reads: a page of live hits (one per article or episode, with marked snippets) from bounded candidate texts.
import { type SQL, sql } from 'drizzle-orm';
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

/** `match` in the title column only (https://sqlite.org/fts5.html#fts5_column_filters). */
export const titlesOnly = (match: string) => `{title} : (${match})`;

/**
 * How the candidate texts are chosen (see planSearch, which picks one from bounded counts):
 * - `ranked`: every matching text scored by bm25, the best kept;
 * - `titles`: the same over headlines and titles only (a match too broad to score whole);
 * - `newest`: no scoring at all: matches in headlines and titles among the `window` most recently
 *   indexed matching texts, newest published first. bm25 reads every matching row's column sizes,
 *   and before its first score it counts each word's texts in full (its idf): 7 ms for a word in
 *   74% of the bench corpus, 230 ms to score them all; this mode reads at most `window` entries.
 */
export type SearchMode = 'ranked' | 'titles' | 'newest';

export interface SearchSpec {
  /** An FTS5 expression of quoted words. */
  readonly match: string;
  readonly mode: SearchMode;
  readonly now: Date;
  /** Most candidate texts joined to their articles and episodes; past them, totals are a floor. */
  readonly candidates: number;
  /** For `newest`: how many of the most recent matching texts are looked through. */
  readonly window: number;
}

/** The match that marks words in snippets: the words searched for, in the columns searched. */
export const snippetMatch = (spec: Pick<SearchSpec, 'match' | 'mode'>) =>
  spec.mode === 'ranked' ? spec.match : titlesOnly(spec.match);

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
  /** How many candidate texts there were: `candidates` when there may be more. */
  readonly candidates: number;
  /**
   * JSON of [title, body]: the title highlighted whole and a fragment of the body around the matched
   * words, the words between MARK_OPEN and MARK_CLOSE (https://sqlite.org/fts5.html#the_snippet_function).
   */
  readonly marked: string | null;
}

/** The candidate texts (id, score) for `spec`: at most `spec.candidates`, read from FTS5 alone. */
function candidateTexts(spec: SearchSpec): SQL {
  if (spec.mode === 'newest') {
    // FTS5 walks a doclist in rowid order and honours rowid bounds, so both reads stop early.
    const floor = sql`coalesce((SELECT rowid FROM search_fts WHERE search_fts MATCH ${spec.match}
      ORDER BY rowid DESC LIMIT 1 OFFSET ${spec.window - 1}), 0)`;
    return sql`SELECT rowid AS id, 0.0 AS score FROM search_fts
      WHERE search_fts MATCH ${titlesOnly(spec.match)} AND rowid >= ${floor}
      ORDER BY rowid DESC LIMIT ${spec.candidates}`;
  }
  const match = spec.mode === 'titles' ? titlesOnly(spec.match) : spec.match;
  return sql`SELECT rowid AS id, ${BM25} AS score FROM search_fts
    WHERE search_fts MATCH ${match} ORDER BY score LIMIT ${spec.candidates}`;
}

/**
 * The candidates joined to their articles and episodes: each article or episode once, by its best
 * text (a transcript cue, its notes, its title), and only if it is live. Texts are grouped before
 * visibility is read, so an episode with many matching cues is looked up once.
 */
const liveBest = (spec: SearchSpec) => sql`
  top AS MATERIALIZED (${candidateTexts(spec)}),
  owned AS (
    SELECT top.id, top.score, t.kind, t.start_ms, t.article_id, t.episode_id,
      row_number() OVER (PARTITION BY t.article_id, t.episode_id ORDER BY top.score, top.id) AS n
    FROM top JOIN search_texts t ON t.id = top.id
  ),
  best AS (
    SELECT o.*, coalesce(${articles.publishedAt}, ${episodes.publishedAt}) AS published_at
    FROM owned o
    LEFT JOIN ${articles} ON ${articles.id} = o.article_id
    LEFT JOIN ${episodes} ON ${episodes.id} = o.episode_id
    WHERE o.n = 1
      AND CASE WHEN o.article_id IS NOT NULL THEN ${isLive(articles, spec.now)} ELSE ${isLive(episodes, spec.now)} END
      -- a subscribers-only show's transcripts are its subscribers' (pages do not show them either)
      AND (o.kind <> 'transcript' OR NOT EXISTS (
        SELECT 1 FROM ${shows} WHERE ${shows.id} = ${episodes.showId} AND ${shows.access} = 'subscribers'))
  )`;

/** Best first, ties broken by id so pages never overlap; `newest` has no scores: newest first. */
const order = (spec: SearchSpec, alias: string) =>
  sql.raw(
    spec.mode === 'newest' ? `${alias}.published_at DESC, ${alias}.id DESC` : `${alias}.score, ${alias}.id`,
  );

/** One page of live hits for `spec`, with the total found among the candidates. */
export async function searchLive(
  db: Database,
  spec: SearchSpec,
  page: { limit: number; offset: number },
): Promise<SearchHit[]> {
  return db.all<SearchHit>(sql`
    WITH ${liveBest(spec)},
    ranked AS (
      SELECT b.*, count(*) OVER () AS total FROM best b
      ORDER BY ${order(spec, 'b')} LIMIT ${page.limit} OFFSET ${page.offset}
    )
    SELECT r.id, r.kind, r.start_ms AS startMs, r.score, r.total,
      (SELECT count(*) FROM top) AS candidates,
      -- FTS5 marks words only within a MATCH query: one lookup by rowid for each of the page's rows.
      (SELECT json_array(highlight(search_fts, 0, ${MARK_OPEN}, ${MARK_CLOSE}),
          snippet(search_fts, 1, ${MARK_OPEN}, ${MARK_CLOSE}, '…', 32))
        FROM search_fts WHERE search_fts MATCH ${snippetMatch(spec)} AND rowid = r.id) AS marked,
      a.slug AS articleSlug, a.headline, a.published_at AS articlePublishedAt,
      e.slug AS episodeSlug, e.title AS episodeTitle, e.published_at AS episodePublishedAt,
      s.slug AS showSlug, s.title AS showTitle
    FROM ranked r
    LEFT JOIN articles a ON a.id = r.article_id
    LEFT JOIN episodes e ON e.id = r.episode_id
    LEFT JOIN shows s ON s.id = e.show_id
    ORDER BY ${order(spec, 'r')}
  `);
}

/** The total and candidates for a page past the last, which has no rows to carry them. */
export async function countLive(
  db: Database,
  spec: SearchSpec,
): Promise<{ total: number; candidates: number }> {
  const [row] = await db.all<{ total: number; candidates: number }>(sql`
    WITH ${liveBest(spec)}
    SELECT (SELECT count(*) FROM best) AS total, (SELECT count(*) FROM top) AS candidates
  `);
  return { total: Number(row?.total ?? 0), candidates: Number(row?.candidates ?? 0) };
}
