// Bench: the podcast feed of a 300-episode show rendered uncached inside workerd (`wrangler dev`, local D1 and
// R2) and on Node (`npm start`, libSQL), the Worker's first (cold) request, and the Free plan's 10 ms of CPU.
// Times are wall-clock from a client on loopback: they include local D1/SQLite reads, so they are an upper
// bound on the CPU time Cloudflare would bill.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { seedDemo } from '../src/catalog/seed.ts';
import { SERVER_NODE_FLAGS } from '../src/cli/serve-command.ts';
import type { Database } from '../src/db/database.ts';
import { episodes, mediaAssets, shows } from '../src/db/schema.ts';
import { createFsMediaStore } from '../src/node/fs-media-store.ts';
import { createLibsqlDb } from '../src/node/libsql-db.ts';
import { migrateDatabase } from '../src/node/migrate.ts';
import { BUNDLED_MEDIA_DIR } from '../src/node/server.ts';
import { startWorker } from '../test/helpers/worker-harness.ts';
import { freePort } from './tools.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EPISODES = 300;
const TOKEN = 'bench-admin-token-0123456789';
const FEED = '/podcasts/courier-conversations/feed.xml';
const ROUNDS = 15;

async function addArchive(db: Database): Promise<void> {
  const [show] = await db.select().from(shows).where(eq(shows.slug, 'courier-conversations'));
  const [audio] = await db
    .select()
    .from(mediaAssets)
    .where(eq(mediaAssets.key, 'demo/briefing-01-tide-mill-people.mp3'));
  const at = new Date('2026-01-01T00:00:00Z');
  const rows = Array.from({ length: EPISODES - 2 }, (_, i) => ({
    showId: show!.id,
    guid: `edge-${i}`,
    slug: `archive-${i}`,
    title: `Archive episode ${i}`,
    summary: `From the archive, episode ${i}.`,
    contentHtml: `<p>From the archive, episode ${i}: the newsroom talks to the people behind the week's stories, <a href="/articles/x-${i}">from the harbour</a> to the council chamber and back.</p><ul><li>Part one</li><li>Part two ${i}</li></ul>`,
    status: 'published' as const,
    publishedAt: new Date(Date.UTC(2000, 0, 1) + i * 86_400_000),
    number: i + 3,
    season: 1,
    audioAssetId: audio!.id,
    createdAt: at,
    updatedAt: at,
  }));
  // D1 binds at most 100 parameters per statement: 5 rows at a time.
  for (let i = 0; i < rows.length; i += 5) await db.insert(episodes).values(rows.slice(i, i + 5));
}

async function timed(url: string, init?: RequestInit): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, init);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return performance.now() - started;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** Uncached: each round changes the show (a new catalogue version) and fetches the feed. */
async function measure(base: string) {
  const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
  const cold = await timed(`${base}${FEED}`);
  const uncached: number[] = [];
  const cached: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    await fetch(`${base}/api/v1/shows/1`, {
      method: 'PATCH',
      headers: auth,
      body: JSON.stringify({ subtitle: `round ${i}` }),
    });
    await new Promise((r) => setTimeout(r, 5));
    uncached.push(await timed(`${base}${FEED}`));
    cached.push(await timed(`${base}${FEED}`));
  }
  return { cold, uncached: median(uncached), cached: median(cached) };
}

const dir = await mkdtemp(join(tmpdir(), 'podwire-edge-bench-'));
const children: ChildProcess[] = [];
try {
  // Node: npm start over a libSQL file with the same content.
  const opened = await createLibsqlDb(`file:${join(dir, 'edge.db')}`);
  await migrateDatabase(opened.db, opened.location);
  await seedDemo({
    db: opened.db,
    media: await createFsMediaStore({ root: BUNDLED_MEDIA_DIR }),
    now: () => new Date(),
  });
  await addArchive(opened.db);
  opened.close();
  const port = await freePort();
  const node = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--import', 'tsx', 'src/node/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${join(dir, 'edge.db')}`,
      ADMIN_TOKEN: TOKEN,
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  children.push(node);
  const nodeUrl = `http://127.0.0.1:${port}`;
  for (
    let i = 0;
    i < 100 &&
    !(await fetch(`${nodeUrl}/healthz`).then(
      (r) => r.ok,
      () => false,
    ));
    i++
  ) {
    await new Promise((r) => setTimeout(r, 100));
  }
  const onNode = await measure(nodeUrl);

  // The Worker: wrangler dev with the demo and the same archive in local D1 and R2.
  const { openLocalBindings } = await import('../test/helpers/platform-proxy.ts');
  const { createD1Db } = await import('../src/worker/d1-db.ts');
  const warmup = await startWorker({ BASE_URL: 'https://news.example' }, { keepState: true });
  const persist = warmup.persist;
  await warmup.dispose();
  const proxy = await openLocalBindings(join(persist, 'v3'));
  await addArchive(createD1Db(proxy.env.DB));
  await proxy.dispose();
  const worker = await startWorker(
    { BASE_URL: 'https://news.example', ADMIN_TOKEN: TOKEN, LOG_LEVEL: 'warn' },
    { persist },
  );
  const onWorker = await measure(worker.url);
  await worker.dispose();
  await rm(persist, { recursive: true, force: true });

  const ms = (n: number) => `${n.toFixed(1)} ms`;
  console.log(
    `\nedge: the podcast feed of a ${EPISODES}-episode show (median of ${ROUNDS}; wall time from a loopback client)`,
  );
  console.log(
    `  uncached render   workerd ${ms(onWorker.uncached).padStart(9)}   Node ${ms(onNode.uncached).padStart(9)}   workerd/Node ${(onWorker.uncached / onNode.uncached).toFixed(2)}x   Free plan CPU limit 10 ms: ${onWorker.uncached <= 10 ? 'within' : 'over, as wall time'}`,
  );
  console.log(
    `  cached            workerd ${ms(onWorker.cached).padStart(9)}   Node ${ms(onNode.cached).padStart(9)}`,
  );
  // A cached response costs no rendering and no queries: what the uncached one adds is the feed's own work.
  const workerWork = onWorker.uncached - onWorker.cached;
  const nodeWork = onNode.uncached - onNode.cached;
  console.log(
    `  render over cached workerd ${ms(workerWork).padStart(8)}   Node ${ms(nodeWork).padStart(9)}   workerd/Node ${(workerWork / nodeWork).toFixed(2)}x   (queries + rendering, without the transport)`,
  );
  console.log(
    `  first request     workerd ${ms(onWorker.cold).padStart(9)}   Node ${ms(onNode.cold).padStart(9)}   (cold: module start-up, first render, nothing memoised)`,
  );
} finally {
  for (const child of children) child.kill('SIGTERM');
  await rm(dir, { recursive: true, force: true });
}
