// Bench: a mixed workload (pages, feeds with and without If-None-Match, media ranges, API writes) against
// `npm start` on a fresh demo database for a bounded time, and against a bare node:http server replaying the
// same bytes; req/s and latency by class, errors, resident memory. `--soak` (or LOAD_SECONDS=600): ten
// minutes, and whether memory grows. Exits 1 on any unexpected answer, socket error, timeout, server error
// log, leftover record, memory growth or unclean shutdown. LOAD_CONNECTIONS, LOAD_SAMPLE_SECONDS, LOAD_SEED
// and LOAD_MEMORY_CSV (a file for every memory sample) adjust it.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runLoad, send } from './load/client.ts';
import { type MemorySample, mb, readMemory } from './load/memory.ts';
import { CONDITIONAL, createWorkload, MIX, RANGE_BYTES, seededRandom } from './load/mix.ts';
import { databaseBytes, recordSite } from './load/recording.ts';
import { memoryTrend, printClasses, printErrors, printTrend } from './load/report.ts';
import { discoverSite, readApi, type Site } from './load/site.ts';
import { freePort, startServer, waitFor } from './tools.ts';

const SOAK = process.argv.includes('--soak');
const SECONDS = Number(process.env.LOAD_SECONDS ?? (SOAK ? 600 : 20));
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 32);
const SAMPLE_EVERY = Number(process.env.LOAD_SAMPLE_SECONDS ?? (SECONDS >= 120 ? 10 : 1));
const BASELINE_SECONDS = Math.min(SECONDS, 10);
const WARM_UP_SECONDS = 2;
const TIMEOUT_MS = 10_000;
const SEED = Number(process.env.LOAD_SEED ?? 1);
const TOKEN = 'load-bench-admin-token-0123456789';
const kb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en-US')} KB`;
const HERE = fileURLToPath(new URL('.', import.meta.url));

/** Runs the mix against `target` with a fresh workload (its own ETags and created records). */
async function drive(
  target: string,
  site: Site,
  seconds: number,
  seed: number,
  progress?: { requests: number },
) {
  const workload = createWorkload(site, TOKEN, seededRandom(seed));
  const result = await runLoad({
    base: target,
    connections: CONNECTIONS,
    seconds,
    timeoutMs: TIMEOUT_MS,
    next: () => workload.next(),
    ...(progress ? { progress } : {}),
  });
  return { result, workload };
}

/** Deletes what a run created and has not deleted yet. */
async function cleanUp(target: string, workload: ReturnType<typeof createWorkload>): Promise<void> {
  const agent = new Agent({ keepAlive: true });
  for (const spec of workload.cleanup()) {
    const wrong = spec.check(await send(agent, new URL(target), spec, TIMEOUT_MS));
    if (wrong) throw new Error(`cleaning up: ${spec.method} ${spec.path}: ${wrong}`);
  }
  agent.destroy();
}

const dir = await mkdtemp(join(tmpdir(), 'podwire-load-'));
const children: ChildProcess[] = [];
let failures = 0;
try {
  // podwire logs at info as in production; grep drops the request lines and passes on warnings and errors.
  const logFilter = spawn('grep', ['--line-buffered', '-v', '"level":"info"'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  children.push(logFilter);
  const serverLog: string[] = [];
  logFilter.stdout
    .setEncoding('utf8')
    .on('data', (text: string) => serverLog.push(...text.split('\n').filter(Boolean)));
  await mkdir(join(dir, 'media'));
  const database = join(dir, 'load.db');
  const { child: podwire, base } = await startServer(
    {
      DATABASE_URL: `file:${database}`,
      MEDIA_DIR: join(dir, 'media'),
      ADMIN_TOKEN: TOKEN,
      LOG_LEVEL: 'info',
    },
    { stdout: logFilter.stdin },
  );
  children.push(podwire);
  logFilter.stdin.destroy(); // podwire holds the pipe's write end now: grep ends when podwire does
  const pid = podwire.pid as number;
  const memoryAtStart = await readMemory(pid, 0);
  const databaseAtStart = await databaseBytes(database);
  const site = await discoverSite(base, TOKEN);

  // The baseline: the same client, mix and seed against bare node:http replaying podwire's bytes.
  await writeFile(
    join(dir, 'recording.json'),
    JSON.stringify(await recordSite(base, site, join(dir, 'media'))),
  );
  const replayPort = await freePort();
  const replayScript = join(HERE, 'load', 'replay-server.ts');
  const replay = spawn(process.execPath, ['--import', 'tsx', replayScript, join(dir, 'recording.json')], {
    env: { PATH: process.env.PATH, PORT: String(replayPort) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.push(replay);
  const replayBase = `http://127.0.0.1:${replayPort}`;
  await waitFor(`${replayBase}/healthz`);
  const replayWarmUp = await drive(replayBase, site, WARM_UP_SECONDS, SEED + 1);
  const baseline = await drive(replayBase, site, BASELINE_SECONDS, SEED);
  replay.kill('SIGTERM');

  // podwire, its memory sampled every SAMPLE_EVERY seconds (and reported each minute on long runs).
  const warmUp = await drive(base, site, WARM_UP_SECONDS, SEED + 1);
  await cleanUp(base, warmUp.workload);
  const samples: MemorySample[] = [];
  const progress = { requests: 0 };
  const started = performance.now();
  let reported = { at: 0, requests: 0 };
  const sampler = setInterval(() => {
    const at = (performance.now() - started) / 1000;
    void readMemory(pid, at).then((sample) => {
      samples.push(sample);
      if (SECONDS < 120 || at - reported.at < 59.5) return;
      const rps = (progress.requests - reported.requests) / (at - reported.at);
      console.log(`  [${Math.round(at)} s] ${Math.round(rps)} req/s, RSS ${mb(sample.rss)}`);
      reported = { at, requests: progress.requests };
    });
  }, SAMPLE_EVERY * 1000);
  const ours = await drive(base, site, SECONDS, SEED, progress);
  clearInterval(sampler);
  const memoryAtEnd = await readMemory(pid, ours.result.seconds);
  samples.push(memoryAtEnd);

  // The catalogue must be as seeded once the run's leftovers are deleted; then a clean shutdown.
  await cleanUp(base, ours.workload);
  const sectionsAfter = (await readApi(base, TOKEN, '/api/v1/sections')).items.length;
  const episodesAfter = (await readApi(base, TOKEN, '/api/v1/episodes')).total;
  const databaseAtEnd = await databaseBytes(database);
  await waitFor(`${base}/healthz`);
  const stopping = performance.now();
  const exitCode = await new Promise<number | null>((resolve) => {
    const force = setTimeout(() => resolve(null), 15_000);
    podwire.once('exit', (code) => {
      clearTimeout(force);
      resolve(code);
    });
    podwire.kill('SIGTERM');
  });
  const shutdownMs = performance.now() - stopping;

  const shares = (kind: string) =>
    MIX.filter((m) => m.kind === kind)
      .map((m) => `${m.name} ${m.weight}`)
      .join(', ');
  console.log(
    `\nload: \`npm start\` on a fresh demo database (ADMIN_TOKEN set, info logs), ${CONNECTIONS} keep-alive connections for ${SECONDS} s on loopback, closed loop`,
  );
  console.log(
    `  per 1,000 requests: ${shares('pages')}; ${shares('feeds')} (with the last ETag in If-None-Match: pages ${CONDITIONAL.pages * 100}%, feeds ${CONDITIONAL.feeds * 100}%); ` +
      `${shares('media')} (bytes=a-b, ${RANGE_BYTES.min / 1024} KB to ${RANGE_BYTES.max / 1048576} MB at random, ${site.media.length} demo MP3s); ${shares('writes')}`,
  );
  console.log(
    `  baseline: bare node:http in its own process replaying podwire's recorded bytes (ranges sliced from memory, every write changes its ETags), same client, mix and seed, ${BASELINE_SECONDS} s`,
  );
  printClasses(ours.result, baseline.result);
  printErrors('podwire', ours.result);
  printErrors('baseline', baseline.result);
  for (const [label, run] of [
    ['podwire warm-up', warmUp],
    ['baseline warm-up', replayWarmUp],
  ] as const) {
    if (run.result.errorCount > 0) printErrors(label, run.result);
    failures += run.result.errorCount;
  }
  failures += ours.result.errorCount + baseline.result.errorCount;
  console.log(
    `  memory (VmRSS): ${mb(memoryAtStart.rss)} at start (seeded, idle), peak ${mb(memoryAtEnd.peak)} (VmHWM), ${mb(memoryAtEnd.rss)} at end: end/start ${(memoryAtEnd.rss / memoryAtStart.rss).toFixed(2)}x`,
  );
  if (process.env.LOAD_MEMORY_CSV) {
    const rows = samples.map((m) => `${m.at.toFixed(1)},${m.rss},${m.peak}`);
    await writeFile(process.env.LOAD_MEMORY_CSV, `seconds,vmrss,vmhwm\n${rows.join('\n')}\n`);
  }
  const trend = memoryTrend(samples);
  if (trend) {
    printTrend(trend, SAMPLE_EVERY);
    if (trend.growing) failures++;
  }
  const restored = sectionsAfter === site.sections && episodesAfter === site.episodeCount;
  console.log(
    `  writes: ${ours.workload.created.sections} sections and ${ours.workload.created.episodes} draft episodes created and deleted; ` +
      `catalogue ${restored ? 'back to' : 'NOT back to'} ${site.sections} sections and ${site.episodeCount} episodes; database file + WAL ${kb(databaseAtStart.main)} + ${kb(databaseAtStart.wal)} -> ${kb(databaseAtEnd.main)} + ${kb(databaseAtEnd.wal)}`,
  );
  if (!restored) failures++;
  console.log(
    `  shutdown: ${exitCode === 0 ? `exited 0 in ${Math.round(shutdownMs)} ms after SIGTERM` : `FAILED (exit code ${exitCode} after SIGTERM)`}`,
  );
  if (exitCode !== 0) failures++;
  await new Promise((r) => setTimeout(r, 100)); // the log pipe drains
  if (serverLog.length > 0) {
    console.log(`  server logged ${serverLog.length} warning(s) or error(s), the first:`);
    for (const line of serverLog.slice(0, 10)) console.log(`    ${line.slice(0, 400)}`);
    failures += serverLog.filter((line) => line.includes('"level":"error"')).length;
  }
} finally {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 300));
  await rm(dir, { recursive: true, force: true });
}
if (failures > 0) {
  console.error(`load: FAILED, ${failures} unexpected event(s) (see above)`);
  process.exitCode = 1;
}
