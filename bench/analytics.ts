// Bench: what listener analytics costs. Media throughput of podwire's Node server with ANALYTICS=on vs off (two
// servers in one process, measured alternately with wrk on loopback: the demo MP3 whole and in 1 MB ranges, each
// download from another listener), and the database cost per counted download on libSQL and on D1 (local workerd through wrangler's
// platform proxy): the recorder's batched write and the closing of the day. ANALYTICS_SECONDS (5 a run),
// ANALYTICS_ROUNDS (5) and ANALYTICS_DOWNLOADS (2,000 a day, 3 days) adjust it.

import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { createLibsqlDb } from '../src/node/libsql-db.ts';
import { migrateDatabase } from '../src/node/migrate.ts';
import { openLocalD1 } from '../test/helpers/local-d1.ts';
import { measureStorage, type StorageFigures } from './analytics/storage.ts';
import {
  type DemoServer,
  median,
  type Sample,
  sample,
  shapes,
  startDemoServers,
} from './analytics/throughput.ts';
import { ensureTools } from './tools.ts';

const SECONDS = Number(process.env.ANALYTICS_SECONDS ?? 5);
const ROUNDS = Number(process.env.ANALYTICS_ROUNDS ?? 5);
const DOWNLOADS = Number(process.env.ANALYTICS_DOWNLOADS ?? 2000);
const CONNECTIONS = 16;
const STORAGE = { days: 3, downloads: DOWNLOADS, responses: 200 };

ensureTools({ wrk: 'wrk' });
const dir = await mkdtemp(join(tmpdir(), 'podwire-analytics-bench-'));
const servers: DemoServer[] = [];
try {
  const { on, off } = await startDemoServers(dir);
  servers.push(on, off);
  console.log(
    `\nanalytics: media throughput, ANALYTICS=on vs off; the demo MP3 (${(on.size / 1e6).toFixed(2)} MB), wrk -t1 -c${CONNECTIONS}, ${SECONDS} s a run, ${ROUNDS} rounds alternating, each request from another address (X-Forwarded-For), User-Agent AppleCoreMedia`,
  );
  let requestsOn = 0;
  for (const shape of shapes(on.size)) {
    // Warm both (JIT, page cache), then alternate so drift in the shared machine's load hits both alike.
    for (const server of [off, on])
      await sample(server, shape, dir, { connections: CONNECTIONS, seconds: 1 });
    const runs: Record<'on' | 'off', Sample[]> = { on: [], off: [] };
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? [off, on] : [on, off];
      for (const server of order) {
        const result = await sample(server, shape, dir, { connections: CONNECTIONS, seconds: SECONDS });
        runs[server.name as 'on' | 'off'].push(result);
        if (server === on) requestsOn += result.requests;
      }
    }
    const row = (name: string, samples: Sample[], base: Sample[]) => {
      const rps = median(samples.map((s) => s.rps));
      const mbs = median(samples.map((s) => s.bytesPerSecond)) / 1048576;
      const cpu = median(samples.map((s) => s.cpuMicros));
      const ratio = rps / median(base.map((s) => s.rps));
      const cpuRatio = cpu / median(base.map((s) => s.cpuMicros));
      const spread = samples.map((s) => s.rps.toFixed(0)).join(', ');
      console.log(
        `    ${name.padEnd(14)} ${rps.toFixed(0).padStart(6)} req/s ${mbs.toFixed(0).padStart(6)} MB/s  ${ratio.toFixed(2)}x off   CPU ${cpu.toFixed(0).padStart(5)} µs/request (${cpuRatio.toFixed(2)}x)   runs: ${spread}`,
      );
    };
    console.log(`  ${shape.name}`);
    row('analytics off', runs.off, runs.off);
    row('analytics on', runs.on, runs.off);
  }
  // SIGTERM flushes the recorder: then the stored events show the counting really ran.
  const exited = once(on.child, 'exit');
  on.child.kill('SIGTERM');
  await exited;
  servers.length = 0;
  const stored = async (file: string) => {
    const client = createClient({ url: `file:${file}` });
    const rows = await client.execute('SELECT count(*) AS n FROM listen_events');
    client.close();
    return Number(rows.rows[0]?.n ?? 0);
  };
  console.log(
    `  stored events: on ${await stored(on.dbFile)} (from ${requestsOn} measured requests, plus the warm-up; ranges of one listener coalesce), off ${await stored(off.dbFile)}`,
  );

  console.log(
    `\nanalytics: database cost per counted download; ${STORAGE.days} days of ${DOWNLOADS} listeners, each 3 consecutive 1 MB ranges (3 events coalesced into 1 row); close = read, count and aggregate each day`,
  );
  const print = (name: string, f: StorageFigures, base?: StorageFigures) => {
    const total = f.flushMs + f.closeMs;
    const ratio = base ? `  ${(total / (base.flushMs + base.closeMs)).toFixed(1)}x libSQL` : '';
    console.log(
      `  ${name.padEnd(34)} write ${(f.flushMs * 1000).toFixed(0).padStart(5)} µs + close ${(f.closeMs * 1000).toFixed(0).padStart(5)} µs = ${(total * 1000).toFixed(0).padStart(5)} µs per download${ratio}; one response's event written alone ${f.perResponseMs.toFixed(2)} ms; counted ${f.counted}/${STORAGE.days * DOWNLOADS}`,
    );
  };
  const libsql = await createLibsqlDb(`file:${join(dir, 'storage.db')}`);
  await migrateDatabase(libsql.db, libsql.location);
  const onLibsql = await measureStorage(libsql.db, STORAGE);
  libsql.close();
  print('libSQL (file, in process)', onLibsql);
  const d1 = await openLocalD1();
  try {
    print('D1 (local workerd, platform proxy)', await measureStorage(d1.db, STORAGE), onLibsql);
  } finally {
    await d1.close();
  }
} finally {
  for (const server of servers) server.child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 300));
  await rm(dir, { recursive: true, force: true });
}
