// Issue 13's listening scenarios in real workerd (wrangler dev, D1, R2), and one request log replayed through Node and workerd alike.
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coveredBytes } from '../../src/analytics/byte-spans.ts';
import { closeDueDays } from '../../src/catalog/analytics/close-days.ts';
import { anomaliesBetween } from '../../src/db/queries/listens.ts';
import { createD1Db } from '../../src/worker/d1-db.ts';
import { ADMIN_TOKEN, BASE } from '../helpers/admin-client.ts';
import { addressesStoredIn } from '../helpers/listening-addresses.ts';
import { closeNodeSide, type NodeSide, openNodeSide } from '../helpers/listening-node-side.ts';
import {
  type EventStore,
  type PlayTarget,
  reportAt,
  runScenario,
  type StatsView,
  settle,
} from '../helpers/listening-player.ts';
import { relocated, SCENARIOS, SLOW_PHONE } from '../helpers/listening-scenarios.ts';
import { episodeFile, prepareListeningFiles } from '../helpers/listening-setup.ts';
import { openLocalBindings } from '../helpers/platform-proxy.ts';
import { tempDirs } from '../helpers/temp-dir.ts';
import { startWorker, type WorkerHarness } from '../helpers/worker-harness.ts';

/** Where wrangler's local D1 keeps its SQLite files (the database, its -wal and -shm). */
const D1_DIR = 'v3/d1';

/** The events workerd stored, read from the local D1 file as the Worker writes it (read-only, WAL). */
function d1EventStore(persist: string): EventStore & { close(): void } {
  let db: DatabaseSync | undefined;
  const open = async () => {
    if (db) return db;
    const dir = join(persist, D1_DIR, 'miniflare-D1DatabaseObject');
    const file = (await readdir(dir)).find((name) => /^[0-9a-f]{64}\.sqlite$/.test(name));
    if (!file) throw new Error(`no D1 database in ${dir}`);
    db = new DatabaseSync(join(dir, file), { readOnly: true });
    return db;
  };
  return {
    async spans(userAgent) {
      const rows = (await open())
        .prepare('SELECT range_start AS start, range_end AS end FROM listen_events WHERE user_agent = ?')
        .all(userAgent) as { start: number; end: number }[];
      return rows.map((row) => ({ start: Number(row.start), end: Number(row.end) }));
    },
    close() {
      db?.close();
      db = undefined;
    },
  };
}

/** The parity log: the scenarios on the demo episode, at other addresses, shared between both demo episodes. */
const PARITY_LOG = SCENARIOS.filter((s) => s.file === 'episode' && !s.untrustedProxy).map(relocated);

describe('listening in workerd (wrangler dev: D1, R2)', () => {
  const newDir = tempDirs();
  let worker: WorkerHarness;
  let target: PlayTarget;
  let store: ReturnType<typeof d1EventStore>;
  let node: NodeSide | undefined;
  const logs: string[] = [];

  beforeAll(async () => {
    worker = await startWorker(
      { BASE_URL: BASE, ADMIN_TOKEN, MAX_UPLOAD_BYTES: String(16 * 1024 * 1024) },
      { keepState: true, userWorker: true, onLog: (line) => logs.push(line) },
    );
    const files = await prepareListeningFiles(worker.url, ADMIN_TOKEN);
    // No TRUST_PROXY: the Worker takes the client's address from CF-Connecting-IP, which wrangler
    // dev passes through as the client sent it (it fills it in only when absent).
    target = {
      baseUrl: worker.url,
      addressHeader: 'cf-connecting-ip',
      files,
      token: ADMIN_TOKEN,
      slowClientUrl: worker.userWorkerUrl,
    };
    store = d1EventStore(worker.persist);
  });
  afterAll(async () => {
    store?.close();
    await closeNodeSide(node);
    await worker?.dispose();
    if (worker) await rm(worker.persist, { recursive: true, force: true });
  });

  it('counts one request log exactly as Node does (the same stats JSON but countries)', async () => {
    node = await openNodeSide(await newDir(), { TRUST_PROXY: 'true' });
    // Both count on today's UTC day: the Node app's clock is set to the real time the Worker runs on.
    node.admin.clock.at = Date.now();
    const sides = [
      { target, store },
      { target: node.target, store: node.store },
    ];
    for (const side of sides) {
      const episodes = [side.target.files.episode, await episodeFile(side.target.baseUrl, ADMIN_TOKEN, 2)];
      for (const [i, scenario] of PARITY_LOG.entries()) {
        const episode = episodes[i % 2] as (typeof episodes)[number];
        await runScenario(scenario, { ...side.target, files: { ...side.target.files, episode } }, side.store);
      }
    }
    // Countries differ by design: workerd gives request.cf.country (local workerd: its placeholder
    // "US"), Node has no country and reports null.
    const comparable = ({ countries: _, ...rest }: StatsView) => rest;
    for (const path of ['/api/v1/shows/1/stats', '/api/v1/episodes/1/stats', '/api/v1/episodes/2/stats']) {
      const [fromWorker, fromNode] = await Promise.all(sides.map((side) => reportAt(side.target, path)));
      expect(comparable(fromWorker as StatsView), path).toEqual(comparable(fromNode as StatsView));
    }
    const show = await reportAt(target, '/api/v1/shows/1/stats');
    const expected = PARITY_LOG.reduce((n, s) => n + s.expected.downloads, 0);
    expect(show.downloads).toBe(expected);
    expect(show.episodes?.map((e) => e.id).sort()).toEqual([1, 2]);
  }, 600_000);

  it.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
    const { played, delta } = await runScenario(scenario, target, store);
    expect(delta.downloads).toBe(scenario.expected.downloads);
    if (scenario.expected.apps) expect(delta.apps).toEqual(scenario.expected.apps);
    expect(delta.sources).toEqual(scenario.expected.sources ?? []);
    if (scenario.expected.deliveredLessThanFile) {
      const delivered = coveredBytes(await store.spans(SLOW_PHONE));
      expect(delivered).toBeGreaterThanOrEqual(played[0]?.bodyBytes ?? 1);
      expect(delivered).toBeLessThan(target.files[scenario.file].sizeBytes);
    }
  });

  it('flags both floods when the day is closed, and stores no raw address in the D1 files', async () => {
    await settle(target, store);
    expect(worker.userWorkerUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const errors = logs.filter((line) => /"level":"error"/.test(line));
    expect(errors).toEqual([]);
    store.close();
    await worker.dispose();
    const proxy = await openLocalBindings(join(worker.persist, 'v3'));
    try {
      const db = createD1Db(proxy.env.DB);
      const now = new Date(Date.now() + 26 * 3600_000);
      await closeDueDays(db, now, 30);
      const anomalies = await anomaliesBetween(db, '2000-01-01', '2999-12-31');
      const floods = anomalies.filter((a) => a.kind === 'downloads');
      const cap = SCENARIOS.find((s) => s.expected.anomaly !== undefined)?.expected.anomaly;
      // The flood of the scenarios and its replay in the parity log, each on its own address hash.
      expect(floods.map((a) => a.count)).toEqual([cap, cap]);
      expect(new Set(floods.map((a) => a.address)).size).toBe(2);
    } finally {
      await proxy.dispose();
    }
    const used = [
      ...[...SCENARIOS, ...PARITY_LOG].flatMap((s) =>
        s.requests.flatMap((r) => [r.address, ...(r.forwardedFor ? [r.forwardedFor] : [])]),
      ),
      '192.0.2.250',
    ];
    const stored = await addressesStoredIn(
      join(worker.persist, D1_DIR),
      (name) => /\.sqlite(-wal|-shm)?$/.test(name),
      used,
    );
    expect(stored.files.some((name) => /[0-9a-f]{64}\.sqlite$/.test(name))).toBe(true);
    expect(stored.found).toEqual([]);
  }, 180_000);
});
