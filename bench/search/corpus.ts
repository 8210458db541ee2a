// The search bench's corpus: 10,000 articles and 2,000 episodes with 240-cue transcripts of Zipf-distributed made-up
// words, written through the same search-index statements as the editor, cached in bench/.cache/.
import { mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import {
  articleSearchStatements,
  episodeSearchStatements,
  transcriptSearchStatements,
} from '../../src/catalog/search/search-index.ts';
import type { Database } from '../../src/db/database.ts';
import { articles, episodes, sections } from '../../src/db/schema.ts';
import { addArchiveEpisodes, openDemoDatabase } from '../archive.ts';

export const ARTICLES = 10_000;
export const EPISODES = 2_000;
/** A 20-minute episode, a cue every 5 seconds. */
export const CUES_PER_EPISODE = 240;
export const CACHE = fileURLToPath(new URL('../.cache/', import.meta.url));
export const CORPUS_PATH = `${CACHE}search-bench-v1.db`;

/** A small deterministic generator (mulberry32), so every run searches the same corpus. */
export function random(seed: number) {
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
export const VOCABULARY = Array.from({ length: 8_000 }, (_, i) => {
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

export async function buildCorpus(): Promise<void> {
  await mkdir(CACHE, { recursive: true });
  await rm(CORPUS_PATH, { force: true });
  const opened = await openDemoDatabase(CORPUS_PATH);
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
