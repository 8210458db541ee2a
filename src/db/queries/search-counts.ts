// Bounded match counts for site search: how many texts an FTS5 match finds, read no further than a cap.
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../database.ts';

/**
 * The texts `match` finds, counted up to `cap` plus one (so "more than cap" is told apart from
 * "exactly cap"). FTS5 returns matches in rowid order straight from its doclists and stops at the
 * LIMIT, so a count costs at most `cap` doclist entries however common the words: counting a word
 * in 364,000 texts whole took 10 ms on the bench corpus, up to 20,001 about 0.6 ms (bench/search.ts).
 */
const countUpTo = (match: string, cap: number): SQL =>
  sql`(SELECT count(*) FROM (SELECT 1 FROM search_fts WHERE search_fts MATCH ${match} LIMIT ${cap + 1}))`;

/** How many texts `match` finds, up to `cap` plus one. */
export async function countMatchesUpTo(db: Database, match: string, cap: number): Promise<number> {
  const [row] = await db.all<{ n: number }>(sql`SELECT ${countUpTo(match, cap)} AS n`);
  return Number(row?.n ?? 0);
}

/**
 * In one statement: the texts with each of `words` (FTS5 strings), up to `wordCap` plus one, and the
 * texts with all of them, up to `allCap` plus one, but only when no word is over `wordCap`: that
 * count is skipped otherwise (SQLite evaluates a CASE branch only when it is taken), as a match
 * with a very common word walks that word's whole doclist (3 ms for a word in 74% of the bench corpus).
 */
export async function countWordsUpTo(
  db: Database,
  words: readonly string[],
  wordCap: number,
  all: { match: string; cap: number },
): Promise<{ words: number[]; all: number | undefined }> {
  const name = (i: number) => sql.raw(`w${i}`);
  const columns = words.map((match, i) => sql`${countUpTo(match, wordCap)} AS ${name(i)}`);
  const none = sql.join(
    words.map((_, i) => sql`${name(i)} <= ${wordCap}`),
    sql` AND `,
  );
  const [row] = await db.all<Record<string, number | null>>(sql`
    WITH counted AS MATERIALIZED (SELECT ${sql.join(columns, sql`, `)})
    SELECT *, CASE WHEN ${none} THEN ${countUpTo(all.match, all.cap)} END AS whole FROM counted
  `);
  return {
    words: words.map((_, i) => Number(row?.[`w${i}`] ?? 0)),
    all: row?.whole === null || row?.whole === undefined ? undefined : Number(row.whole),
  };
}
