// Bench: one 1 GB media file downloaded by 50 clients at once from podwire (`npm start`) and from nginx (one
// worker, sendfile), on loopback with wrk: throughput ratio, and podwire's memory before, after one client, and at
// its peak.
import { type ChildProcess, execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { episodes, mediaAssets, shows } from '../src/db/schema.ts';
import { createLibsqlDb } from '../src/node/libsql-db.ts';
import { migrateDatabase } from '../src/node/migrate.ts';
import { ensureTools, startNginx, startServer, wrk } from './tools.ts';

const SIZE = 1024 * 1024 * 1024;
const CLIENTS = 50;
const KEY = 'bench/one-gigabyte.mp3';
const SHA = 'e'.repeat(64);

async function memoryOf(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

ensureTools({ nginx: 'nginx', wrk: 'wrk' });
const dir = await mkdtemp(join(tmpdir(), 'podwire-media-bench-'));
await chmod(dir, 0o755);
const children: ChildProcess[] = [];
try {
  // A 1 GB file (sparse: its pages come from the page cache, so disks do not decide the result).
  await mkdir(join(dir, 'media', 'bench'), { recursive: true });
  await writeFile(join(dir, 'media', KEY), '');
  await truncate(join(dir, 'media', KEY), SIZE);
  const opened = await createLibsqlDb(`file:${join(dir, 'bench.db')}`);
  await migrateDatabase(opened.db, opened.location);
  const at = new Date('2026-01-01T00:00:00Z');
  const [asset] = await opened.db
    .insert(mediaAssets)
    .values({
      key: KEY,
      mimeType: 'audio/mpeg',
      sizeBytes: SIZE,
      sha256: SHA,
      durationSeconds: 1,
      createdAt: at,
    })
    .returning();
  // Only media of published items is served to the public: the file is a published episode's audio.
  const [show] = await opened.db
    .insert(shows)
    .values({
      slug: 'bench',
      podcastGuid: '00000000-0000-5000-8000-000000000000',
      title: 'Bench',
      description: 'One big file',
      author: 'bench',
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  await opened.db.insert(episodes).values({
    showId: show!.id,
    guid: 'bench-1',
    slug: 'one-gigabyte',
    title: 'One gigabyte',
    status: 'published',
    publishedAt: at,
    audioAssetId: asset!.id,
    createdAt: at,
    updatedAt: at,
  });
  opened.close();

  const path = `/media/${SHA.slice(0, 16)}/${KEY}`;
  const { child: podwire, base } = await startServer(
    {
      DATABASE_URL: `file:${join(dir, 'bench.db')}`,
      MEDIA_DIR: join(dir, 'media'),
      SEED_DEMO: 'false',
      LOG_LEVEL: 'info',
    },
    { readyPath: path, readyMethod: 'HEAD' },
  );
  children.push(podwire);
  const url = `${base}${path}`;
  const before = await memoryOf(podwire.pid as number);
  // One client first: what serving media at all costs once (code, heap and allocator warming up),
  // so what the 50 clients add can be told apart from it.
  wrk(url, {}, { connections: 1, seconds: 2 });
  const warm = await memoryOf(podwire.pid as number);

  const nginx = await startNginx(dir, {
    http: '  types { audio/mpeg mp3; }',
    server: `    root ${join(dir, 'media')};`,
    readyPath: `/${KEY}`,
  });
  children.push(nginx.child);

  const ours = wrk(url, {}, { connections: CLIENTS, seconds: 10 });
  const during = await memoryOf(podwire.pid as number);
  const theirs = wrk(`${nginx.base}/${KEY}`, {}, { connections: CLIENTS, seconds: 10 });
  const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;
  console.log(
    `\nmedia-serve: a 1 GB file, ${CLIENTS} concurrent downloads for 10 s each, wrk -t1 on loopback`,
  );
  console.log(
    `  podwire  ${ours.transfer}/s   nginx (sendfile) ${theirs.transfer}/s   ratio ${(parseRate(ours.transfer) / parseRate(theirs.transfer)).toFixed(2)}x`,
  );
  console.log(
    `  podwire memory: ${mb(before.rss)} before, ${mb(during.peak)} at peak: grew ${mb(during.peak - before.rss)} while serving ${CLIENTS} clients ` +
      `(${mb(warm.rss - before.rss)} of it after one client for 2 s, then ${mb(during.peak - warm.rss)} more for the ${CLIENTS})`,
  );
  const openFiles = execFileSync('bash', [
    '-c',
    `ls -l /proc/${podwire.pid}/fd | grep -c one-gigabyte || true`,
  ])
    .toString()
    .trim();
  console.log(`  file handles still open on the file after the clients left: ${openFiles}`);
} finally {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 300));
  await rm(dir, { recursive: true, force: true });
}

function parseRate(text: string): number {
  const match = /^([\d.]+)([KMG]?)B$/.exec(text);
  const unit = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[match?.[2] ?? ''] ?? 1;
  return Number(match?.[1] ?? 0) * unit;
}
