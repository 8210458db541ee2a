// Site search latency and index size over a generated 10,000-article, 2,000-episode corpus with transcripts (libSQL).
// `npm run bench search` (`-- --rebuild` regenerates the cached corpus in bench/.cache/).
import { existsSync, statSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import {
  articleSearchStatements,
  episodeSearchStatements,
  transcriptSearchStatements,
} from '../src/catalog/search/search-index.ts';
import { siteSearch } from '../src/catalog/search/site-search.ts';
import type { Database } from '../src/db/database.ts';
import { articles, episodes, sections } from '../src/db/schema.ts';
import { createLibsqlDb } from '../src/node/libsql-db.ts';
import { addArchiveEpisodes, openDemoDatabase } from './archive.ts';

const ARTICLES = 10_000;
const EPISODES = 2_000;
/** A 20-minute episode, a cue every 5 seconds. */
const CUES_PER_EPISODE = 240;
const CACHE = fileURLToPath(new URL('./.cache/', import.meta.url));
const PATH = `${CACHE}search-bench-v1.db`;

/** A small deterministic generator (mulberry32), so every run searches the same corpus. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ter',
  'san',
  'dor',
  'vel',
  'qua',
  'rin',
  'bo',
  'sel',
  'tha',
  'nor',
  'pe',
  'gru',
  'hal',
];
/** 8,000 made-up words; word i is drawn with Zipf weight 1/(i+1), as words of running text are. */
const VOCABULARY = Array.from({ length: 8_000 }, (_, i) => {
  let word = '';
  for (let n = i + 7; n > 0; n = Math.floor(n / SYLLABLES.length)) word += SYLLABLES[n % SYLLABLES.length];
  return word;
});
const CUMULATIVE = (() => {
  let sum = 0;
  return VOCABULARY.map((_, i) => (sum += 1 / (i + 1)));
})();
function words(next: () => number, count: number): string {
  const total = CUMULATIVE.at(-1) as number;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const target = next() * total;
    let lo = 0;
    let hi = CUMULATIVE.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((CUMULATIVE[mid] as number) < target) lo = mid + 1;
      else hi = mid;
    }
    out.push(VOCABULARY[lo] as string);
  }
  return out.join(' ');
}

async function runBatches(db: Database, statements: BatchItem<'sqlite'>[]) {
  for (let i = 0; i < statements.length; i += 400) {
    const [first, ...rest] = statements.slice(i, i + 400);
    if (first) await db.batch([first, ...rest]);
  }
}

async function buildCorpus(): Promise<void> {
  await mkdir(CACHE, { recursive: true });
  await rm(PATH, { force: true });
  const opened = await openDemoDatabase(PATH);
  const { db } = opened;
  const next = random(17);
  const [section] = await db.select().from(sections).where(eq(sections.slug, 'town'));
  const at = new Date('2026-01-01T00:00:00Z');
  const articleRows = Array.from({ length: ARTICLES }, (_, i) => ({
    slug: `bench-${i}`,
    guid: `urn:bench:${i}`,
    headline: words(next, 8),
    standfirst: words(next, 25),
    bodyHtml: Array.from({ length: 8 }, () => `<p>${words(next, 50)}</p>`).join(''),
    sectionId: section?.id as number,
    status: 'published' as const,
    publishedAt: new Date(Date.UTC(2000, 0, 1) + i * 3_600_000),
    createdAt: at,
    updatedAt: at,
  }));
  for (let i = 0; i < articleRows.length; i += 500) {
    const slice = articleRows.slice(i, i + 500);
    const ids = await db.insert(articles).values(slice).returning({ id: articles.id });
    await runBatches(
      db,
      ids.flatMap((row, j) => articleSearchStatements(db, row.id, slice[j] as (typeof slice)[number])),
    );
  }
  await addArchiveEpisodes(db, {
    count: EPISODES,
    guidPrefix: 'urn:bench-episode:',
    text: () => ({
      title: words(next, 7),
      summary: words(next, 30),
      contentHtml: `<p>${words(next, 120)}</p>`,
    }),
    rowsPerInsert: 500,
  });
  const rows = await db
    .select({
      id: episodes.id,
      title: episodes.title,
      summary: episodes.summary,
      contentHtml: episodes.contentHtml,
    })
    .from(episodes)
    .where(sql`${episodes.guid} LIKE 'urn:bench-episode:%'`);
  for (let i = 0; i < rows.length; i += 20) {
    const statements = rows.slice(i, i + 20).flatMap((row) => [
      ...episodeSearchStatements(db, row.id, row),
      ...transcriptSearchStatements(db, row.id, {
        cues: Array.from({ length: CUES_PER_EPISODE }, (_, c) => ({
          startSeconds: c * 5,
          text: words(next, 12),
        })),
      }),
    ]);
    await runBatches(db, statements);
  }
  await db.run(sql`INSERT INTO search_fts (search_fts) VALUES ('optimize')`);
  await opened.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
  await opened.client.execute('VACUUM');
  opened.close();
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

if (process.argv.includes('--rebuild') || !existsSync(PATH)) {
  const started = performance.now();
  console.log(
    `building the corpus (${ARTICLES} articles, ${EPISODES} episodes × ${CUES_PER_EPISODE} cues)...`,
  );
  await buildCorpus();
  console.log(`  built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

const opened = await createLibsqlDb(`file:${PATH}`);
const { db } = opened;
const now = new Date('2027-01-01T00:00:00Z');
const next = random(99);
const pick = (from: number, to: number) => VOCABULARY[from + Math.floor(next() * (to - from))] as string;
/** Query kinds from rare to common words: rank 0 appears in most texts, rank 5,000 in a few. */
const MIXES: readonly [string, () => string][] = [
  ['rare word (rank 3000-8000)', () => pick(3000, 8000)],
  ['mid word (rank 300-3000)', () => pick(300, 3000)],
  ['two words (rank 50-2000)', () => `${pick(50, 2000)} ${pick(50, 2000)}`],
  ['phrase-like, 3 words (rank 100-1000)', () => `${pick(100, 1000)} ${pick(100, 1000)} ${pick(100, 1000)}`],
  ['common word (rank 10-50)', () => pick(10, 50)],
  ['most common word (rank 0)', () => VOCABULARY[0] as string],
];
const RUNS = 200;
const [counts] = await db.all<{ texts: number }>(sql`SELECT count(*) AS texts FROM search_texts`);
console.log(
  `\nsite search on libSQL (Node): ${counts?.texts} indexed texts, siteSearch() end to end (ranking + snippets, page 1)`,
);
for (const [name, query] of MIXES) {
  const times: number[] = [];
  let found = 0;
  for (let i = 0; i < 20; i++) await siteSearch({ db, baseUrl: 'https://b.example', now }, query(), 1);
  for (let i = 0; i < RUNS; i++) {
    const q = query();
    const started = performance.now();
    const page = await siteSearch({ db, baseUrl: 'https://b.example', now }, q, 1);
    times.push(performance.now() - started);
    found += page.total;
  }
  times.sort((a, b) => a - b);
  console.log(
    `  ${name.padEnd(38)} p50 ${percentile(times, 50).toFixed(2).padStart(7)} ms  p95 ${percentile(times, 95).toFixed(2).padStart(7)} ms  (avg ${(found / RUNS).toFixed(0)} items found)`,
  );
}
const sizes = await db
  .all<{ name: string; bytes: number }>(
    sql`SELECT name, sum(pgsize) AS bytes FROM dbstat WHERE name LIKE 'search%' GROUP BY name ORDER BY name`,
  )
  .catch(() => []);
const mb = (n: number) => `${(n / 1_048_576).toFixed(1)} MB`;
const fts = sizes.filter((s) => s.name.startsWith('search_fts')).reduce((sum, s) => sum + Number(s.bytes), 0);
const texts = sizes
  .filter((s) => !s.name.startsWith('search_fts'))
  .reduce((sum, s) => sum + Number(s.bytes), 0);
console.log(
  `\nindex size: FTS5 index ${mb(fts)}, search_texts (with its indexes) ${mb(texts)}; whole database file ${mb(statSync(PATH).size)}`,
);
opened.close();
