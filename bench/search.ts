// Site search latency and index size over a generated 10,000-article, 2,000-episode corpus with transcripts: libSQL in
// process, D1 in local workerd (platform proxy), the Worker under `wrangler dev`. `npm run bench search`
// (`-- --rebuild` regenerates the cached corpora; `SEARCH_RUNS=N` queries per kind, 200; `SEARCH_D1=0` skips workerd).
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { siteSearch } from '../src/catalog/search/site-search.ts';
import type { Database } from '../src/db/database.ts';
import { createLibsqlDb } from '../src/node/libsql-db.ts';
import { createD1Db } from '../src/worker/d1-db.ts';
import { openLocalBindings } from '../test/helpers/platform-proxy.ts';
import {
  ARTICLES,
  buildCorpus,
  CORPUS_PATH,
  CUES_PER_EPISODE,
  EPISODES,
  random,
  VOCABULARY,
} from './search/corpus.ts';
import { prepareD1Corpus } from './search/d1-corpus.ts';
import { measureWorkerSearch } from './search/worker-http.ts';

const RUNS = Number(process.env.SEARCH_RUNS ?? 200);
const rebuild = process.argv.includes('--rebuild');

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

if (rebuild || !existsSync(CORPUS_PATH)) {
  const started = performance.now();
  console.log(
    `building the corpus (${ARTICLES} articles, ${EPISODES} episodes × ${CUES_PER_EPISODE} cues)...`,
  );
  await buildCorpus();
  console.log(`  built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

const now = new Date('2027-01-01T00:00:00Z');
/** Query kinds from rare to common words (rank 0 appears in most texts, rank 5,000 in a few), drawn from `seed`. */
const mixes = (seed: number): readonly [string, () => string][] => {
  const next = random(seed);
  const pick = (from: number, to: number) => VOCABULARY[from + Math.floor(next() * (to - from))] as string;
  return [
    ['rare word (rank 3000-8000)', () => pick(3000, 8000)],
    ['mid word (rank 300-3000)', () => pick(300, 3000)],
    ['two words (rank 50-2000)', () => `${pick(50, 2000)} ${pick(50, 2000)}`],
    [
      'phrase-like, 3 words (rank 100-1000)',
      () => `${pick(100, 1000)} ${pick(100, 1000)} ${pick(100, 1000)}`,
    ],
    ['common word (rank 10-50)', () => pick(10, 50)],
    ['most common word (rank 0)', () => VOCABULARY[0] as string],
    ['most common + mid word (rank 0, 300-3000)', () => `${VOCABULARY[0]} ${pick(300, 3000)}`],
  ];
};

/**
 * p50 and p95 of siteSearch() end to end (plan, rank, visibility, snippets; page 1) for each query
 * kind: wall time, and with `cpu` this process's CPU time too (libSQL works synchronously in this
 * thread, so its CPU time is what the wall time would be on an idle machine; 2 shared cores are not).
 */
async function measureSearch(db: Database, runs: number, cpu: boolean) {
  const ms = (sorted: readonly number[], p: number) => percentile(sorted, p).toFixed(2).padStart(7);
  // The same queries on every database: the same seed.
  for (const [name, query] of mixes(99)) {
    const times: number[] = [];
    const cpuTimes: number[] = [];
    let found = 0;
    for (let i = 0; i < Math.min(20, runs); i++)
      await siteSearch({ db, baseUrl: 'https://b.example', now }, query(), 1);
    for (let i = 0; i < runs; i++) {
      const q = query();
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      const page = await siteSearch({ db, baseUrl: 'https://b.example', now }, q, 1);
      times.push(performance.now() - started);
      const used = process.cpuUsage(cpuBefore);
      cpuTimes.push((used.user + used.system) / 1000);
      found += page.total;
    }
    times.sort((a, b) => a - b);
    cpuTimes.sort((a, b) => a - b);
    const cpuText = cpu ? `  CPU p50 ${ms(cpuTimes, 50)} ms  p95 ${ms(cpuTimes, 95)} ms` : '';
    console.log(
      `  ${name.padEnd(42)} wall p50 ${ms(times, 50)} ms  p95 ${ms(times, 95)} ms${cpuText}  (avg ${(found / runs).toFixed(0)} found)`,
    );
  }
}

const opened = await createLibsqlDb(`file:${CORPUS_PATH}`);
const [counts] = await opened.db.all<{ texts: number }>(sql`SELECT count(*) AS texts FROM search_texts`);
console.log(
  `\nsite search on libSQL (Node, in process): ${counts?.texts} indexed texts, ${RUNS} queries of each kind`,
);
await measureSearch(opened.db, RUNS, true);
const sizes = await opened.db
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
  `\nindex size: FTS5 index ${mb(fts)}, search_texts (with its indexes) ${mb(texts)}; whole database file ${mb(statSync(CORPUS_PATH).size)}`,
);
opened.close();

if (process.env.SEARCH_D1 !== '0') {
  const state = await prepareD1Corpus(CORPUS_PATH, rebuild);
  const proxy = await openLocalBindings(join(state, 'v3'));
  try {
    const db = createD1Db(proxy.env.DB);
    // Each D1 call crosses from Node into workerd and back: the floor is that hop for a query that reads nothing.
    const floor: number[] = [];
    for (let i = 0; i < 200; i++) {
      const started = performance.now();
      await db.all(sql`SELECT 1`);
      floor.push(performance.now() - started);
    }
    floor.sort((a, b) => a - b);
    console.log(
      `\nsite search on D1 (local workerd through wrangler's platform proxy; 3 to 4 D1 calls per search, each a hop of p50 ${percentile(floor, 50).toFixed(2)} ms, p95 ${percentile(floor, 95).toFixed(2)} ms for SELECT 1)`,
    );
    await measureSearch(db, Math.min(RUNS, 100), false);
  } finally {
    await proxy.dispose();
  }
  const http = await measureWorkerSearch(state, mixes(99), Math.min(RUNS, 100));
  const f = (n: number) => n.toFixed(2).padStart(7);
  console.log(
    `\nsite search in the Worker (wrangler dev, workerd, local D1), GET /search?format=json over loopback; the same stack answers /robots.txt in p50 ${f(http.floor.p50)} ms, p95 ${f(http.floor.p95)} ms`,
  );
  for (const { name, times } of http.kinds) {
    console.log(
      `  ${name.padEnd(42)} wall p50 ${f(times.p50)} ms  p95 ${f(times.p95)} ms  (less the robots.txt p50: ${f(times.p50 - http.floor.p50)} / ${f(times.p95 - http.floor.p50)} ms)`,
    );
  }
}
