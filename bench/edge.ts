// Bench: the podcast feed of a 300- and a 10,000-episode show read right after a write (which renders and stores
// it) inside workerd (`wrangler dev`, local D1 and R2) and on Node (`npm start`, libSQL): the CPU of each request
// against the goal of 2 ms and the Free plan's 10 ms; the write's own CPU; the Worker's start-up.
// workerd's CPU is read from the kernel (/proc/<pid>/task/*/schedstat, nanoseconds, every thread of the workerd
// processes of that `wrangler dev`): everything workerd does for a request, the local D1 and R2 simulators
// included, which Cloudflare does not bill. So the same reads are also served by a reference Worker
// (bench/edge-reference: one D1 row and the R2 body handed to the Response, nothing else) over the same state:
// podwire's own CPU per read is its figure less the reference's. Node's is process.cpuUsage() through its
// inspector (SQLite included). For continuity, a batch is also profiled with workerd's V8 sampling profiler,
// the method of the first version of this bench, which overstates (see the README).
import { type ChildProcess, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OFFLINE_WRANGLER_ENV } from '../src/cli/offline-wrangler.ts';
import type { Database } from '../src/db/database.ts';
import { startWorker, WRANGLER } from '../test/helpers/worker-harness.ts';
import { addArchiveEpisodes, openDemoDatabase } from './archive.ts';
import { type CpuProfiler, connectProfiler, processGroupClock } from './cpu-profiler.ts';
import { freePort, startServer } from './tools.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Show sizes measured: EDGE_EPISODES=300 runs one. */
const SIZES = (process.env.EDGE_EPISODES ?? '300,10000').split(',').map(Number);
const TOKEN = 'bench-admin-token-0123456789';
const FEED = '/podcasts/courier-conversations/feed.xml';
const ROUNDS = 15;
/** The demo's article with the show's two episodes: a page with its Podcasts block and two players. */
const ARTICLE = '/articles/tide-mill-turns-again';
const BATCH = 200;

async function addArchive(db: Database, episodes: number, rowsPerInsert: number): Promise<void> {
  await addArchiveEpisodes(db, {
    count: episodes - 2,
    guidPrefix: 'edge-',
    text: (i) => ({
      title: `Archive episode ${i}`,
      summary: `From the archive, episode ${i}.`,
      contentHtml: `<p>From the archive, episode ${i}: the newsroom talks to the people behind the week's stories, <a href="/articles/x-${i}">from the harbour</a> to the council chamber and back.</p><ul><li>Part one</li><li>Part two ${i}</li></ul>`,
    }),
    rowsPerInsert, // D1 binds at most 100 parameters a statement
  });
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

interface Figures {
  readonly cold: { wall: number; cpu: number };
  readonly uncached: { wall: number; cpu: number };
  readonly cached: { wall: number; cpu: number };
  readonly write: { wall: number; cpu: number };
  /** The mean of BATCH reads profiled together. */
  readonly batch: { wall: number; cpu: number };
  /** The mean of BATCH requests for robots.txt: what the stack costs before any feed work. */
  readonly floor: { wall: number; cpu: number };
  /** The mean of BATCH reads of an article page with its two players (rendered once per change, then cached). */
  readonly page: { wall: number; cpu: number };
}

/** The mean of `count` reads of `path` measured together. */
async function batchOf(
  base: string,
  profiler: CpuProfiler,
  path: string,
  count: number,
  saveTo?: string,
): Promise<{ wall: number; cpu: number }> {
  let wall = 0;
  const cpu = await profiler.cpuOf(async () => {
    const started = performance.now();
    for (let i = 0; i < count; i++) {
      await timed(`${base}${path}`, { headers: { 'accept-encoding': 'identity' } });
    }
    wall = performance.now() - started;
  }, saveTo);
  return { wall: wall / count, cpu: cpu / count };
}

/** The median of ROUNDS reads of the feed, each after a pause (the stored row is no longer remembered). */
async function spacedReads(base: string, profiler: CpuProfiler): Promise<{ wall: number; cpu: number }> {
  const reads: { wall: number; cpu: number }[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    await new Promise((r) => setTimeout(r, 1100));
    let wall = 0;
    const cpu = await profiler.cpuOf(async () => {
      wall = await timed(`${base}${FEED}`, { headers: { 'accept-encoding': 'identity' } });
    });
    reads.push({ wall, cpu });
  }
  return { wall: median(reads.map((r) => r.wall)), cpu: median(reads.map((r) => r.cpu)) };
}

/**
 * Each round changes the show (the write renders its feed and stores it) and fetches the feed
 * twice: right after the write (no cache of any reader has it: the stored bytes are read), then again.
 */
async function measure(base: string, profiler: CpuProfiler, batch: number): Promise<Figures> {
  const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
  const sample = async () => {
    let wall = 0;
    const cpu = await profiler.cpuOf(async () => {
      // Uncompressed on both: Workers leave compression to Cloudflare's edge, outside the Worker's CPU.
      wall = await timed(`${base}${FEED}`, { headers: { 'accept-encoding': 'identity' } });
    });
    return { wall, cpu };
  };
  const cold = await sample();
  const uncached: { wall: number; cpu: number }[] = [];
  const cached: { wall: number; cpu: number }[] = [];
  const writes: { wall: number; cpu: number }[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    let wall = 0;
    const cpu = await profiler.cpuOf(async () => {
      const started = performance.now();
      const patched = await fetch(`${base}/api/v1/shows/1`, {
        method: 'PATCH',
        headers: auth,
        body: JSON.stringify({ subtitle: `round ${i}` }),
      });
      await patched.arrayBuffer();
      if (!patched.ok) throw new Error(`PATCH: ${patched.status}`);
      wall = performance.now() - started;
    });
    writes.push({ wall, cpu });
    await new Promise((r) => setTimeout(r, 1100)); // the catalogue version is read at most once a second
    uncached.push(await sample());
    cached.push(await sample());
  }
  const pick = (list: { wall: number; cpu: number }[]) => ({
    wall: median(list.map((x) => x.wall)),
    cpu: median(list.map((x) => x.cpu)),
  });
  return {
    cold,
    uncached: pick(uncached),
    cached: pick(cached),
    write: pick(writes),
    batch: await batchOf(base, profiler, FEED, batch),
    // The floor: the same stack answering robots.txt (a few bytes from memory, no database).
    floor: await batchOf(base, profiler, '/robots.txt', batch),
    page: await batchOf(base, profiler, ARTICLE, batch),
  };
}

/** CPU milliseconds a process has used so far (user + system), from /proc. */
async function processCpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in USER_HZ (100)
}

/** The Worker's start-up CPU (module evaluation) as `wrangler check startup` profiles it. */
function workerStartupMs(dir: string): number {
  const out = execFileSync(
    process.execPath,
    [WRANGLER, 'check', 'startup', '--outfile', join(dir, 'startup.cpuprofile')],
    { cwd: ROOT, env: { ...process.env, ...OFFLINE_WRANGLER_ENV }, encoding: 'utf8' },
  );
  const active = /Active: ([\d.]+) ms/.exec(out)?.[1];
  if (!active) throw new Error(`wrangler check startup printed no figure:\n${out}`);
  return Number(active);
}

const ms = (n: number) => `${n.toFixed(2)} ms`.padStart(10);
const dir = await mkdtemp(join(tmpdir(), 'podwire-edge-bench-'));
const children: ChildProcess[] = [];
try {
  let workerStartup: number | undefined;
  for (const episodes of SIZES) {
    // 20 MB reads take a while: fewer of them at 10,000 episodes.
    const batch = episodes > 1000 ? 40 : BATCH;
    // Node: npm start over a libSQL file with the same content, its inspector open.
    const database = join(dir, `edge-${episodes}.db`);
    const opened = await openDemoDatabase(database);
    await addArchive(opened.db, episodes, 200);
    opened.close();
    const nodeInspector = await freePort();
    const { child: node, base: nodeUrl } = await startServer(
      { DATABASE_URL: `file:${database}`, ADMIN_TOKEN: TOKEN, LOG_LEVEL: 'warn' },
      { extraFlags: [`--inspect=127.0.0.1:${nodeInspector}`] },
    );
    children.push(node);
    const nodeStartup = { cpu: await processCpuMs(node.pid as number) };
    const nodeProfiler = await connectProfiler(nodeInspector, 'process');
    const onNode = await measure(nodeUrl, nodeProfiler, batch);
    nodeProfiler.close();
    node.kill('SIGTERM');

    // The Worker: wrangler dev with the demo and the same archive in local D1 and R2.
    const { openLocalBindings } = await import('../test/helpers/platform-proxy.ts');
    const { createD1Db } = await import('../src/worker/d1-db.ts');
    const warmup = await startWorker({ BASE_URL: 'https://news.example' }, { keepState: true });
    const persist = warmup.persist;
    await warmup.dispose();
    const proxy = await openLocalBindings(join(persist, 'v3'));
    await addArchive(createD1Db(proxy.env.DB), episodes, 5);
    await proxy.dispose();
    const workerInspector = await freePort();
    // Requests go to workerd's own socket (userWorkerUrl), not through wrangler's Node proxy.
    const worker = await startWorker(
      { BASE_URL: 'https://news.example', ADMIN_TOKEN: TOKEN, LOG_LEVEL: 'warn' },
      { persist, inspectorPort: workerInspector, userWorker: true },
    );
    const workerUrl = worker.userWorkerUrl ?? worker.url;
    const workerClock = await processGroupClock(worker.pid, 'workerd');
    const onWorker = await measure(workerUrl, workerClock, batch);
    const workerSpaced = await spacedReads(workerUrl, workerClock);
    // The first version's method, for continuity: workerd's V8 sampling profiler over a batch of reads.
    const profiler = await connectProfiler(workerInspector);
    const keep = process.env.EDGE_PROFILES;
    const sampled = await batchOf(
      workerUrl,
      profiler,
      FEED,
      batch,
      keep ? join(keep, `workerd-${episodes}-batch.cpuprofile`) : undefined,
    );
    profiler.close();
    await worker.dispose();
    // The reference Worker over the same state: what serving the stored feed costs the platform itself.
    const reference = await startWorker(
      {},
      { persist, userWorker: true, config: join(ROOT, 'bench/edge-reference/wrangler.toml') },
    );
    const referenceUrl = reference.userWorkerUrl ?? reference.url;
    const referenceClock = await processGroupClock(reference.pid, 'workerd');
    await batchOf(referenceUrl, referenceClock, FEED, 20); // warm-up
    const onReference = {
      spaced: await spacedReads(referenceUrl, referenceClock),
      batch: await batchOf(referenceUrl, referenceClock, FEED, batch),
      floor: await batchOf(referenceUrl, referenceClock, '/robots.txt', batch),
    };
    await reference.dispose();
    await rm(persist, { recursive: true, force: true });
    workerStartup ??= workerStartupMs(dir);

    const row = (label: string, w: number, n: number, note = '') =>
      console.log(`  ${label.padEnd(30)} workerd ${ms(w)}   Node ${ms(n)}${note}`);
    console.log(`\nedge: the podcast feed of a ${episodes}-episode show (median of ${ROUNDS} rounds)`);
    console.log(
      '  CPU per request (workerd: all its threads, local D1 and R2 included; Node: process.cpuUsage(), SQLite included)',
    );
    row('after a write (stored)', onWorker.uncached.cpu, onNode.uncached.cpu, '   Free plan limit 10 ms');
    row('again (stored / memory)', onWorker.cached.cpu, onNode.cached.cpu);
    row(`mean of ${batch} reads`, onWorker.batch.cpu, onNode.batch.cpu);
    row(`robots.txt, mean of ${batch}`, onWorker.floor.cpu, onNode.floor.cpu);
    row('first request after start', onWorker.cold.cpu, onNode.cold.cpu);
    row(
      `article page, mean of ${batch}`,
      onWorker.page.cpu,
      onNode.page.cpu,
      '   (rendered once a change, then cached)',
    );
    row('the write (PATCH, renders)', onWorker.write.cpu, onNode.write.cpu);
    row(
      'start-up',
      workerStartup,
      nodeStartup.cpu,
      '   (Worker: module evaluation; Node: process to first /healthz, feeds rendered)',
    );
    const own = onWorker.batch.cpu - onReference.batch.cpu;
    const ownSpaced = workerSpaced.cpu - onReference.spaced.cpu;
    console.log(
      '  the reference Worker (one D1 row, the R2 body handed to the Response) over the same state:',
    );
    console.log(
      `  ${'the feed, each after a pause'.padEnd(30)} reference ${ms(onReference.spaced.cpu)}   podwire ${ms(workerSpaced.cpu)}`,
    );
    console.log(
      `  ${`the feed, mean of ${batch} reads`.padEnd(30)} reference ${ms(onReference.batch.cpu)}   podwire ${ms(onWorker.batch.cpu)}`,
    );
    console.log(
      `  ${'robots.txt'.padEnd(30)} reference ${ms(onReference.floor.cpu)}   podwire ${ms(onWorker.floor.cpu)}`,
    );
    console.log(
      `  podwire's own CPU per read (podwire less the reference): after a pause ${ms(ownSpaced)}, mean ${ms(own)}` +
        `   goal 2 ms: ${Math.max(own, ownSpaced) <= 2 ? 'met' : 'missed'}`,
    );
    console.log(
      `  V8 sampling profiler (the first version's method; counts wall time between samples): mean ${ms(sampled.cpu)}`,
    );
    console.log('  wall time from a loopback client (includes local D1 or SQLite)');
    row('after a write (stored)', onWorker.uncached.wall, onNode.uncached.wall);
    row('again', onWorker.cached.wall, onNode.cached.wall);
    row(`mean of ${batch} reads`, onWorker.batch.wall, onNode.batch.wall);
    row('reference Worker, mean', onReference.batch.wall, Number.NaN);
    row('first request after start', onWorker.cold.wall, onNode.cold.wall);
    row('the write (PATCH, renders)', onWorker.write.wall, onNode.write.wall);
  }
} finally {
  for (const child of children) child.kill('SIGTERM');
  await rm(dir, { recursive: true, force: true });
}
