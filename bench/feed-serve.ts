// Bench: a cached ~2.4 MB podcast feed served by podwire (Node) against nginx serving the same gzip bytes
// as a static file (one worker, gzip_static, sendfile), 64 connections on loopback with wrk: 200s and 304s.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { seedDemo } from '../src/catalog/seed.ts';
import { episodes, mediaAssets, shows } from '../src/db/schema.ts';
import { createFsMediaStore } from '../src/node/fs-media-store.ts';
import { createLibsqlDb } from '../src/node/libsql-db.ts';
import { migrateDatabase } from '../src/node/migrate.ts';
import { BUNDLED_MEDIA_DIR } from '../src/node/server.ts';
import { ensureTools, freePort, startServer, wrk } from './tools.ts';

const EPISODES = 950;
const FEED_PATH = '/podcasts/courier-conversations/feed.xml';

ensureTools({ nginx: 'nginx', wrk: 'wrk' });
const dir = await mkdtemp(join(tmpdir(), 'podwire-bench-'));
// nginx's worker runs as an unprivileged user: it must be able to read the files.
await chmod(dir, 0o755);
const children: ChildProcess[] = [];
try {
  // A show with a long archive, in a real database file.
  const opened = await createLibsqlDb(`file:${join(dir, 'bench.db')}`);
  await migrateDatabase(opened.db, opened.location);
  await seedDemo({
    db: opened.db,
    media: await createFsMediaStore({ root: BUNDLED_MEDIA_DIR }),
    now: () => new Date(),
  });
  const [show] = await opened.db.select().from(shows).where(eq(shows.slug, 'courier-conversations'));
  const [audio] = await opened.db
    .select()
    .from(mediaAssets)
    .where(eq(mediaAssets.key, 'demo/briefing-01-tide-mill-people.mp3'));
  const at = new Date('2026-01-01T00:00:00Z');
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
  const rows = Array.from({ length: EPISODES }, (_, i) => ({
    showId: show!.id,
    guid: `bench-${i}`,
    slug: `archive-${i}`,
    title: `Archive episode ${i}: ${sentence(4)}`,
    summary: `From the archive, episode ${i}: ${sentence(12)}.`,
    contentHtml: `<p>${sentence(60)}.</p><ul><li>${sentence(6)}</li><li>${sentence(6)}</li></ul><p>${sentence(40)} (${i * 7919}).</p>`,
    status: 'published' as const,
    publishedAt: new Date(Date.UTC(2000, 0, 1) + i * 86_400_000),
    number: i + 3,
    season: 1,
    audioAssetId: audio!.id,
    createdAt: at,
    updatedAt: at,
  }));
  for (let i = 0; i < rows.length; i += 200) await opened.db.insert(episodes).values(rows.slice(i, i + 200));
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
  const nginxPort = await freePort();
  await writeFile(
    join(dir, 'nginx.conf'),
    `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log ${dir}/nginx-access.log;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  types { application/rss+xml xml; }
  server {
    listen 127.0.0.1:${nginxPort};
    root ${root};
    gzip_static on;
    etag on;
  }
}
`,
  );
  const nginx = spawn('nginx', ['-c', join(dir, 'nginx.conf'), '-p', dir], { stdio: 'inherit' });
  children.push(nginx);
  await new Promise((r) => setTimeout(r, 500));
  const nginxUrl = `http://127.0.0.1:${nginxPort}${FEED_PATH}`;
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
