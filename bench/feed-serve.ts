// Bench: cached feeds (the tiny demo feed and a ~2.4 MB archive) from podwire (`npm start`, LOG_LEVEL=info into a
// file) vs bare node:http replaying the same bytes (no log) and nginx (one worker, gzip_static, sendfile, access
// log buffered as in production): 64 connections on loopback with wrk, 200s and 304s, ratios from the same run,
// and each server's CPU time per request.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, openSync, writeFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addArchiveEpisodes, openDemoDatabase } from './archive.ts';
import { childPids, cpuSeconds, ensureTools, freePort, startNginx, startServer, wrk } from './tools.ts';

const EPISODES = 950;
const FEED_PATH = '/podcasts/courier-conversations/feed.xml';
const SECONDS = 5;
const RAW_SERVER = fileURLToPath(new URL('raw-node-server.ts', import.meta.url));
const GZIP = { 'Accept-Encoding': 'gzip' };

ensureTools({ nginx: 'nginx', wrk: 'wrk' });
const dir = await mkdtemp(join(tmpdir(), 'podwire-bench-'));
// nginx's worker runs as an unprivileged user: it must be able to read the files.
await chmod(dir, 0o755);
const children = new Set<ChildProcess>();
let lostLines = false;
try {
  const tiny = join(dir, 'tiny.db');
  (await openDemoDatabase(tiny)).close();
  const archive = join(dir, 'archive.db');
  await makeArchive(archive);

  console.log(
    `\nfeed-serve: wrk -t1 -c64 -d${SECONDS}s on loopback. podwire: \`npm start\`, LOG_LEVEL=info into a file; ` +
      'raw node: node:http replaying its recorded gzip response, no log; nginx: one worker, gzip_static, ' +
      'sendfile, access_log buffer=64k',
  );
  for (const [name, database] of [
    ['tiny demo feed', tiny],
    ['archive feed', archive],
  ] as const) {
    const feedDir = join(dir, name.split(' ')[0] as string);
    await mkdir(feedDir, { mode: 0o755 });
    await chmod(feedDir, 0o755);
    await benchFeed(name, database, feedDir);
  }
  if (!lostLines) console.log("  podwire's log held a request line for every request wrk counted");
} finally {
  await Promise.all([...children].map(stop));
  await rm(dir, { recursive: true, force: true });
}

/** The demo show with a long archive, with show notes that compress like real ones (about 7:1 with gzip). */
async function makeArchive(path: string): Promise<void> {
  const opened = await openDemoDatabase(path);
  const WORDS =
    'harbour council mill tide ferry market choir quarry meteor library seed weather station volunteer wheel stone flour sluice gate oak wallower spur lorry barn county trust river creek pond silt bucket winter spring autumn ledger miller family grandchildren restoration newsroom reporter interview archive programme listener'.split(
      ' ',
    );
  let seed = 42;
  const word = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return WORDS[seed % WORDS.length] as string;
  };
  const sentence = (n: number) => Array.from({ length: n }, word).join(' ');
  await addArchiveEpisodes(opened.db, {
    count: EPISODES,
    guidPrefix: 'bench-',
    text: (i) => ({
      title: `Archive episode ${i}: ${sentence(4)}`,
      summary: `From the archive, episode ${i}: ${sentence(12)}.`,
      contentHtml: `<p>${sentence(60)}.</p><ul><li>${sentence(6)}</li><li>${sentence(6)}</li></ul><p>${sentence(40)} (${i * 7919}).</p>`,
    }),
    rowsPerInsert: 200,
  });
  opened.close();
}

/** Serves the feed in `database` three ways and prints each server's rate for 200s and 304s. */
async function benchFeed(name: string, database: string, feedDir: string): Promise<void> {
  const logPath = join(feedDir, 'podwire.log');
  const logFd = openSync(logPath, 'a');
  const podwire = await startServer(
    { DATABASE_URL: `file:${database}`, LOG_LEVEL: 'info' },
    { readyPath: FEED_PATH, stdout: logFd },
  ).finally(() => closeSync(logFd));
  children.add(podwire.child);
  const podwireUrl = `${podwire.base}${FEED_PATH}`;
  const recorded = record(podwireUrl, feedDir);
  const identity = new Uint8Array(await (await fetch(podwireUrl)).arrayBuffer());

  const raw = await startRawNode(feedDir);
  const root = join(feedDir, 'www');
  const nginxFeedDir = join(root, 'podcasts', 'courier-conversations');
  await mkdir(nginxFeedDir, { recursive: true });
  execFileSync('chmod', ['-R', 'a+rX', root]);
  await writeFile(join(nginxFeedDir, 'feed.xml'), identity);
  await writeFile(join(nginxFeedDir, 'feed.xml.gz'), await readFile(join(feedDir, 'body.gz')));
  const nginx = await startNginx(feedDir, {
    http: `  tcp_nopush on;
  keepalive_requests 100000;
  types { application/rss+xml xml; }`,
    server: `    root ${root};
    gzip_static on;
    etag on;`,
    readyPath: FEED_PATH,
    accessLog: 'combined buffer=64k flush=1s',
  });
  children.add(nginx.child);
  const nginxUrl = `${nginx.base}${FEED_PATH}`;
  const nginxEtag =
    /etag: (\S+)/i.exec(
      execFileSync('curl', ['-sI', '-H', 'Accept-Encoding: gzip', nginxUrl]).toString(),
    )?.[1] ?? '';

  console.log(`  ${name}: ${kb(identity.byteLength)} (${kb(recorded.gzipBytes)} gzip)`);
  for (const [label, conditional] of [
    ['200 gzip', false],
    ['304 If-None-Match', true],
  ] as const) {
    const headersFor = (etag: string) => (conditional ? { ...GZIP, 'If-None-Match': etag } : GZIP);
    const pids = [podwire.child.pid, raw.child.pid, childPids(nginx.child.pid as number)[0]];
    const targets = [
      [podwireUrl, headersFor(recorded.etag)],
      [raw.url, headersFor(recorded.etag)],
      [nginxUrl, headersFor(nginxEtag)],
    ] as const;
    for (const [url, headers] of targets) wrk(url, headers, { connections: 64, seconds: 1 }); // warm up
    await truncate(logPath, 0);
    const [ours, bare, theirs] = targets.map(([url, headers], i) => {
      // CPU per request: the server's own cost, which other load on the machine changes less than req/s.
      const pid = pids[i] as number;
      const before = cpuSeconds(pid);
      const result = wrk(url, headers, { connections: 64, seconds: SECONDS });
      return { ...result, cpuMicros: ((cpuSeconds(pid) - before) * 1e6) / result.requests };
    }) as [Measured, Measured, Measured];
    const logged = countLines(logPath, '"msg":"request"');
    if (logged < ours.requests) {
      lostLines = true;
      console.log(`    podwire logged ${logged} request lines for ${ours.requests} requests`);
    }
    const errors = ours.errors + bare.errors + theirs.errors;
    console.log(
      `    ${label.padEnd(18)} podwire ${rate(ours.rps)}   raw node ${rate(bare.rps)}   nginx ${rate(theirs.rps)}` +
        `   podwire/nginx ${(ours.rps / theirs.rps).toFixed(2)}x   podwire/raw node ${(ours.rps / bare.rps).toFixed(2)}x` +
        (errors > 0 ? `   errors: ${ours.errors}, ${bare.errors}, ${theirs.errors}` : ''),
    );
    console.log(
      `    ${''.padEnd(18)} CPU per request: podwire ${micros(ours.cpuMicros)}, raw node ${micros(bare.cpuMicros)}, nginx ${micros(theirs.cpuMicros)}`,
    );
  }
  await Promise.all([podwire.child, raw.child, nginx.child].map(stop));
}

/** podwire's gzip response for `url`: body saved as body.gz, headers as response.json for the raw server. */
function record(url: string, feedDir: string) {
  const head = execFileSync('curl', [
    '-s',
    '-H',
    'Accept-Encoding: gzip',
    '-D',
    '-',
    '-o',
    join(feedDir, 'body.gz'),
    url,
  ]).toString();
  const skip = new Set(['date', 'connection', 'keep-alive', 'x-request-id', 'transfer-encoding']);
  const headers = head
    .split('\r\n')
    .slice(1)
    .filter((line) => line.includes(':'))
    .map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()] as const;
    })
    .filter(([name]) => !skip.has(name));
  const etag = headers.find(([name]) => name === 'etag')?.[1] ?? '';
  const gzipBytes = Number(headers.find(([name]) => name === 'content-length')?.[1] ?? 0);
  writeFileSync(join(feedDir, 'response.json'), JSON.stringify({ headers, etag }));
  return { etag, gzipBytes };
}

/** bench/raw-node-server.ts on a free port, replaying what record() saved. */
async function startRawNode(feedDir: string): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', RAW_SERVER, String(port), join(feedDir, 'response.json'), join(feedDir, 'body.gz')],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  children.add(child);
  const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
  if (!String(chunk).includes('ready')) throw new Error(`raw node server: ${chunk}`);
  return { child, url: `http://127.0.0.1:${port}${FEED_PATH}` };
}

async function stop(child: ChildProcess): Promise<void> {
  children.delete(child);
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

function countLines(path: string, containing: string): number {
  return Number(
    execFileSync('bash', ['-c', 'grep -cF -- "$1" "$2" || true', '-', containing, path]).toString(),
  );
}

function kb(bytes: number): string {
  return bytes >= 1048576 ? `${(bytes / 1048576).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}

type Measured = ReturnType<typeof wrk> & { cpuMicros: number };

function micros(value: number): string {
  return `${value.toFixed(1)} µs`;
}

function rate(rps: number): string {
  return `${rps.toFixed(0).padStart(6)} req/s`;
}
