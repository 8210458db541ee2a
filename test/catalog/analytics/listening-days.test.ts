import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDueDays, recountDays } from '../../../src/catalog/analytics/close-days.ts';
import { addressHashOfDay, createDayKeys } from '../../../src/catalog/analytics/day-keys.ts';
import { coalesce, createListenRecorder } from '../../../src/catalog/analytics/listen-recorder.ts';
import { listeningStats } from '../../../src/catalog/analytics/listening-stats.ts';
import type { ListenEventRow } from '../../../src/db/queries/listens.ts';
import { SILENT_LOGGER } from '../../../src/log.ts';
import type { LibsqlDb } from '../../../src/node/libsql-db.ts';
import { openTempDb } from '../../helpers/temp-db.ts';
import { tempDirs } from '../../helpers/temp-dir.ts';

const THRESHOLD = 100_000;

function row(day: string, listener: string, start: number, end: number, extra: Partial<ListenEventRow> = {}) {
  return {
    day,
    at: new Date(`${day}T10:00:00Z`),
    assetId: 5,
    episodeId: 1,
    showId: 1,
    listener,
    address: `addr-${listener}`,
    userAgent: 'AppleCoreMedia/1.0.0.21F90 (iPhone; U; CPU OS 17_5 like Mac OS X; en_us)',
    app: 'Apple Podcasts',
    kind: 'app',
    country: '',
    source: '',
    rangeStart: start,
    rangeEnd: end,
    threshold: THRESHOLD,
    ...extra,
  } satisfies ListenEventRow;
}

const count = async (db: LibsqlDb, table: string) =>
  (await db.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM ${sql.identifier(table)}`))[0]?.n;

describe('listening events: recording, closing days, retention and reports (libSQL)', () => {
  const newDir = tempDirs();
  let opened: LibsqlDb | undefined;
  afterEach(() => opened?.close());

  it('coalesces one listener’s consecutive ranges into one row per disjoint span', () => {
    const rows = coalesce([
      row('2026-11-30', 'a', 0, 2),
      row('2026-11-30', 'a', 0, 50_000),
      row('2026-11-30', 'a', 50_000, 80_000),
      row('2026-11-30', 'a', 90_000, 95_000),
      row('2026-11-30', 'b', 0, 10),
    ]);
    expect(rows.map((r) => [r.listener, r.rangeStart, r.rangeEnd])).toEqual([
      ['a', 0, 80_000],
      ['a', 90_000, 95_000],
      ['b', 0, 10],
    ]);
  });

  it('stores events in batches, caps a flood from one address and flags it', async () => {
    opened = await openTempDb(await newDir());
    const recorder = createListenRecorder(opened.db, { log: SILENT_LOGGER, maxEventsPerAddress: 10 });
    for (let i = 0; i < 25; i += 1)
      recorder.record(row('2026-11-30', `ua${i}`, i, i + 1, { address: 'flood' }));
    expect(recorder.pending).toBe(10);
    await recorder.flush();
    expect(recorder.pending).toBe(0);
    expect(await count(opened, 'listen_events')).toBe(10);
    const anomalies = await opened.db.all(sql`SELECT day, address, kind, count FROM listen_anomalies`);
    expect(anomalies).toEqual([{ day: '2026-11-30', address: 'flood', kind: 'events', count: 15 }]);
  });

  it('reports open days from raw events, closes a day once after its grace period, and keeps the counts', async () => {
    opened = await openTempDb(await newDir());
    const db = opened.db;
    const recorder = createListenRecorder(db, { log: SILENT_LOGGER });
    recorder.record(row('2026-11-29', 'a', 0, THRESHOLD));
    recorder.record(row('2026-11-29', 'b', 0, THRESHOLD / 2));
    recorder.record(row('2026-11-30', 'a', 0, THRESHOLD));
    recorder.record(row('2026-11-30', 'c', 0, THRESHOLD, { source: '/articles/tide-mill', app: 'Chrome' }));
    await recorder.flush();

    const at = new Date('2026-11-30T00:30:00Z');
    const before = await listeningStats(db, { episodeId: 1 }, {}, at);
    expect(before.downloads).toBe(3);
    // Half an hour into the 30th, the 29th is still in its grace period.
    expect((await closeDueDays(db, at, 30)).closed).toEqual([]);
    const later = new Date('2026-11-30T01:30:00Z');
    expect((await closeDueDays(db, later, 30)).closed).toEqual(['2026-11-29']);
    expect((await closeDueDays(db, later, 30)).closed).toEqual([]);
    const after = await listeningStats(db, { episodeId: 1 }, {}, later);
    expect(after).toEqual(before);
    expect(after.days).toEqual([
      { day: '2026-11-29', downloads: 1 },
      { day: '2026-11-30', downloads: 2 },
    ]);
    expect(after.sources).toEqual([{ source: '/articles/tide-mill', page: 'article', downloads: 1 }]);
    const show = await listeningStats(db, { showId: 1 }, { from: '2026-11-30', to: '2026-11-30' }, later);
    expect(show.downloads).toBe(2);
    expect(show.episodes).toEqual([{ id: 1, title: 'Episode 1', downloads: 2 }]);
  });

  it('deletes raw events of closed days past retention, never an open day’s, and recounts within it', async () => {
    opened = await openTempDb(await newDir());
    const db = opened.db;
    const recorder = createListenRecorder(db, { log: SILENT_LOGGER });
    recorder.record(row('2026-10-01', 'a', 0, THRESHOLD));
    recorder.record(row('2026-11-20', 'a', 0, THRESHOLD));
    await recorder.flush();
    const now = new Date('2026-11-30T12:00:00Z');
    expect((await closeDueDays(db, now, 30)).closed).toEqual(['2026-10-01', '2026-11-20']);
    expect(await count(opened, 'listen_events')).toBe(1);
    expect((await listeningStats(db, { episodeId: 1 }, {}, now)).downloads).toBe(2);
    expect((await recountDays(db, now)).closed).toEqual(['2026-11-20']);
    expect((await listeningStats(db, { episodeId: 1 }, {}, now)).downloads).toBe(2);
  });

  it('keeps only the current day’s key, so yesterday’s hashes cannot be tied to an address', async () => {
    opened = await openTempDb(await newDir());
    const keys = createDayKeys(opened.db);
    await keys.keyFor('2026-11-29');
    await keys.keyFor('2026-11-30');
    expect(await opened.db.all(sql`SELECT day FROM listen_keys`)).toEqual([{ day: '2026-11-30' }]);
    const hash = await addressHashOfDay(opened.db, new Date('2026-11-30T09:00:00Z'), '192.0.2.55');
    expect(hash).toMatch(/^[0-9a-f]{32}$/);
    expect(await addressHashOfDay(opened.db, new Date('2026-11-30T23:00:00Z'), '192.0.2.55')).toBe(hash);
  });

  it('rejects a report whose range is upside down or too long', async () => {
    opened = await openTempDb(await newDir());
    const now = new Date('2026-11-30T12:00:00Z');
    await expect(
      listeningStats(opened.db, { episodeId: 1 }, { from: '2026-11-30', to: '2026-11-01' }, now),
    ).rejects.toThrow(/after/);
    await expect(listeningStats(opened.db, { episodeId: 1 }, { from: '1900-01-01' }, now)).rejects.toThrow(
      /at most/,
    );
  });
});
