// Issue 13's listening scenarios against the Node app over loopback HTTP: exact counts, and no raw address in the database files.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coveredBytes } from '../../src/analytics/byte-spans.ts';
import { closeDueDays } from '../../src/catalog/analytics/close-days.ts';
import { listenAnomalies, signInFailures } from '../../src/db/schema.ts';
import { BASE } from '../helpers/admin-client.ts';
import { DEMO_NOW } from '../helpers/demo-app.ts';
import { addressesStoredIn } from '../helpers/listening-addresses.ts';
import { closeNodeSide, type NodeSide, openNodeSide } from '../helpers/listening-node-side.ts';
import { episodeStats, runScenario, settle } from '../helpers/listening-player.ts';
import { SCENARIOS, SLOW_PHONE } from '../helpers/listening-scenarios.ts';
import { createUser } from '../helpers/studio-client.ts';
import { tempDirs } from '../helpers/temp-dir.ts';

describe('listening scenarios on Node (loopback HTTP, libSQL)', () => {
  const newDir = tempDirs();
  /** TRUST_PROXY=true: the address is X-Forwarded-For's right-most entry. */
  let trusted: NodeSide;
  /** No TRUST_PROXY: the address is the socket's (127.0.0.1), whatever X-Forwarded-For says. */
  let plain: NodeSide;

  beforeAll(async () => {
    trusted = await openNodeSide(await newDir(), { TRUST_PROXY: 'true' });
    plain = await openNodeSide(await newDir(), {});
  });
  afterAll(async () => {
    await closeNodeSide(trusted);
    await closeNodeSide(plain);
  });

  const sideOf = (untrusted: boolean | undefined) => (untrusted ? plain : trusted);

  it.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
    const side = sideOf(scenario.untrustedProxy);
    const { played, delta } = await runScenario(scenario, side.target, side.store);
    expect(delta.downloads).toBe(scenario.expected.downloads);
    if (scenario.expected.apps) expect(delta.apps).toEqual(scenario.expected.apps);
    expect(delta.sources).toEqual(scenario.expected.sources ?? []);
    if (scenario.expected.deliveredLessThanFile) {
      const file = side.target.files[scenario.file];
      const delivered = coveredBytes(await side.store.spans(SLOW_PHONE));
      // Something was delivered (a tally ran), less than the file, and below a download's threshold.
      expect(delivered).toBeGreaterThanOrEqual(played[0]?.bodyBytes ?? 1);
      expect(delivered).toBeLessThan(file.sizeBytes);
    }
  });

  it('keeps delivered spans inside the file, however absurd the range asked', async () => {
    const file = trusted.target.files.episode;
    const spans = await trusted.store.spans('Podcasts/1410.53 CFNetwork/1111 Darwin/19.0.0 (x86_64)');
    expect(spans.length).toBeGreaterThan(0);
    expect(Math.max(...spans.map((s) => s.end))).toBeLessThanOrEqual(file.sizeBytes);
  });

  it('flags the flood when the day is closed, and closing changes no count', async () => {
    const flood = SCENARIOS.find((s) => s.expected.anomaly !== undefined);
    const episodeId = trusted.target.files.episode.episodeId;
    const report = () => episodeStats(trusted.target, episodeId);
    const open = await report();
    const db = trusted.admin.demo.deps.db;
    const closed = await closeDueDays(db, new Date(DEMO_NOW.getTime() + 26 * 3600_000), 30);
    expect(closed.closed).toEqual([DEMO_NOW.toISOString().slice(0, 10)]);
    expect(await report()).toEqual(open);
    const anomalies = await db.select().from(listenAnomalies).where(eq(listenAnomalies.kind, 'downloads'));
    expect(anomalies).toEqual([
      expect.objectContaining({
        episodeId,
        count: flood?.expected.anomaly,
        address: expect.stringMatching(/^[0-9a-f]{32}$/),
      }),
    ]);
  });

  it('stores no raw address in the database files, after listening and a failed sign-in', async () => {
    await createUser(trusted.admin, 'editor@news.example', 'editor');
    const signIn = await fetch(`${trusted.server.url}/studio/sign-in`, {
      method: 'POST',
      headers: { origin: BASE, 'sec-fetch-site': 'same-origin', 'x-forwarded-for': '203.0.113.99' },
      body: new URLSearchParams({ email: 'editor@news.example', password: 'not the password' }),
      redirect: 'manual',
    });
    expect(signIn.status).not.toBe(303);
    const [failure] = await trusted.admin.demo.deps.db.select().from(signInFailures);
    expect(failure?.client).toMatch(/^[0-9a-f]{32}$/);
    await settle(trusted.target, trusted.store);
    await settle(plain.target, plain.store);

    const used = [
      ...SCENARIOS.flatMap((s) => s.requests.flatMap((r) => [r.address, r.forwardedFor ?? []].flat())),
      '203.0.113.99',
      '192.0.2.250',
    ];
    const database = (name: string) => name.startsWith('podwire.db');
    const stored = await addressesStoredIn(trusted.dir, database, used);
    expect(stored.files).toEqual(expect.arrayContaining(['podwire.db', 'podwire.db-wal']));
    expect(stored.found).toEqual([]);
    // The server without TRUST_PROXY saw every client as the socket's address.
    expect((await addressesStoredIn(plain.dir, database, [...used, '127.0.0.1'])).found).toEqual([]);
  });
});
