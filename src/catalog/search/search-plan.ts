// planSearch: how to search for a query's words so that no search reads more than a bounded part of the index.

import type { Database } from '../../db/database.ts';
import type { SearchMode } from '../../db/queries/search.ts';
import { countMatchesUpTo, countWordsUpTo } from '../../db/queries/search-counts.ts';
import { matchOf } from './search-query.ts';

/**
 * The bounds on one search's work. What a search costs grows with the texts it reads from the index
 * (bench/search.ts: about 28 ns per matching text to walk, 0.75 µs per text to score with bm25, and
 * bm25 walks every searched word's texts once before its first score), so each bound caps one of them.
 */
export interface SearchLimits {
  /** Most matching texts scored with bm25; a match with more is ranked on headlines and titles alone. */
  readonly rankedTexts: number;
  /**
   * A word in more texts than this is very common ("the"): it is left out of a query that has other
   * words, and a query of only such words lists the newest items with them in the headline or title,
   * from this many of the most recent matching texts.
   */
  readonly commonWordTexts: number;
  /** Most candidate texts joined to their articles and episodes; past them, totals are a floor. */
  readonly candidates: number;
}

/** Measured on the bench corpus (492,034 texts) so that each query class stays under 20 ms at p95. */
export const DEFAULT_SEARCH_LIMITS: SearchLimits = {
  rankedTexts: 5_000,
  commonWordTexts: 50_000,
  candidates: 1_000,
};

export interface SearchPlan {
  /** The FTS5 expression searched for: the query's words, without the very common ones. */
  readonly match: string;
  readonly mode: SearchMode;
  /** The words left out as very common (empty when every word was searched for). */
  readonly leftOut: readonly string[];
}

/**
 * Counts, up to the limits, the texts with each word and (if none is very common) with all of them,
 * in one statement; then leaves very common words out and picks the mode: `ranked` when bm25 may
 * score every match, `titles` when there are too many, `newest` when every word is very common.
 */
export async function planSearch(
  db: Database,
  terms: readonly string[],
  limits: SearchLimits,
): Promise<SearchPlan> {
  const all = matchOf(terms);
  const counts = await countWordsUpTo(
    db,
    terms.map((term) => matchOf([term])),
    limits.commonWordTexts,
    { match: all, cap: limits.rankedTexts },
  );
  const common = terms.filter((_, i) => (counts.words[i] ?? 0) > limits.commonWordTexts);
  if (common.length === terms.length) return { match: all, mode: 'newest', leftOut: [] };
  const kept = terms.filter((term) => !common.includes(term));
  const match = matchOf(kept);
  const matched =
    kept.length === 1
      ? (counts.words[terms.indexOf(kept[0] as string)] ?? 0)
      : common.length === 0
        ? (counts.all ?? 0)
        : await countMatchesUpTo(db, match, limits.rankedTexts);
  return { match, mode: matched > limits.rankedTexts ? 'titles' : 'ranked', leftOut: common };
}
