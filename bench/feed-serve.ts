// Bench: a cached ~2.4 MB podcast feed served by podwire (Node) against nginx serving the same gzip bytes
// as a static file (one worker, gzip_static, sendfile), 64 connections on loopback with wrk: 200s and 304s.
import { type ChildProcess, execFileSync } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addArchiveEpisodes, openDemoDatabase } from './archive.ts';
import { ensureTools, startNginx, startServer, wrk } from './tools.ts';

const EPISODES = 950;
const FEED_PATH = '/podcasts/courier-conversations/feed.xml';

ensureTools({ nginx: 'nginx', wrk: 'wrk' });
const dir = await mkdtemp(join(tmpdir(), 'podwire-bench-'));
// nginx's worker runs as an unprivileged user: it must be able to read the files.
await chmod(dir, 0o755);
const children: ChildProcess[] = [];
try {
  // A show with a long archive, in a real database file.
  const opened = await openDemoDatabase(join(dir, 'bench.db'));
  // Show notes that compress like real ones (about 7:1 with gzip), from a seeded word generator.
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

  // podwire, as `npm start` runs it (info logs to /dev/null).
  const { child: podwire, base } = await startServer(
    { DATABASE_URL: `file:${join(dir, 'bench.db')}`, LOG_LEVEL: 'info' },
    { readyPath: FEED_PATH },
  );
  children.push(podwire);
  const podwireUrl = `${base}${FEED_PATH}`;
  const identity = new Uint8Array(await (await fetch(podwireUrl)).arrayBuffer());
  const gzipResponse = await fetch(podwireUrl, { headers: { 'accept-encoding': 'gzip' } });
  const podwireEtag = gzipResponse.headers.get('etag') ?? '';
  // fetch decodes gzip; take the exact bytes podwire sends with curl
  const gzipped = execFileSync('curl', ['-s', '-H', 'Accept-Encoding: gzip', podwireUrl]);

  // nginx serving the same bytes as a static gzip file.
  const root = join(dir, 'www');
  const feedDir = join(root, 'podcasts', 'courier-conversations');
  execFileSync('mkdir', ['-p', feedDir]);
  await writeFile(join(feedDir, 'feed.xml'), identity);
  await writeFile(join(feedDir, 'feed.xml.gz'), gzipped);
  const nginx = await startNginx(dir, {
    http: `  tcp_nopush on;
  keepalive_requests 100000;
  types { application/rss+xml xml; }`,
    server: `    root ${root};
    gzip_static on;
    etag on;`,
    readyPath: FEED_PATH,
  });
  children.push(nginx.child);
  const nginxUrl = `${nginx.base}${FEED_PATH}`;
  const nginxEtag =
    execFileSync('curl', ['-sI', '-H', 'Accept-Encoding: gzip', nginxUrl])
      .toString()
      .match(/etag: (\S+)/i)?.[1] ?? '';

  console.log(
    `\nfeed-serve: ${(identity.byteLength / 1048576).toFixed(2)} MB feed (${(gzipped.byteLength / 1024).toFixed(0)} KB gzip), wrk -t1 -c64 -d5s on loopback`,
  );
  const gz = { 'Accept-Encoding': 'gzip' };
  for (const [label, podwireHeaders, nginxHeaders] of [
    ['200 gzip', gz, gz],
    ['304 If-None-Match', { ...gz, 'If-None-Match': podwireEtag }, { ...gz, 'If-None-Match': nginxEtag }],
  ] as const) {
    wrk(podwireUrl, podwireHeaders, { connections: 64, seconds: 1 }); // warm up
    const ours = wrk(podwireUrl, podwireHeaders);
    const theirs = wrk(nginxUrl, nginxHeaders);
    console.log(
      `  ${label.padEnd(20)} podwire ${ours.rps.toFixed(0).padStart(7)} req/s (${ours.transfer}/s)   nginx ${theirs.rps
        .toFixed(0)
        .padStart(7)} req/s (${theirs.transfer}/s)   ratio ${(ours.rps / theirs.rps).toFixed(2)}x` +
        (ours.errors + theirs.errors > 0 ? `   errors: podwire ${ours.errors}, nginx ${theirs.errors}` : ''),
    );
  }
} finally {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 300));
  await rm(dir, { recursive: true, force: true });
}
