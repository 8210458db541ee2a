// What a counted download costs the database: its events written by the recorder, and its day closed.

import { closeDueDays } from '../../src/catalog/analytics/close-days.ts';
import { createListenRecorder } from '../../src/catalog/analytics/listen-recorder.ts';
import type { Database } from '../../src/db/database.ts';
import type { ListenEventRow } from '../../src/db/queries/listens.ts';
import { listenDays } from '../../src/db/schema.ts';
import { SILENT_LOGGER } from '../../src/log.ts';
import { USER_AGENT } from './throughput.ts';

/** A player's consecutive 1 MB ranges of one 3 MB file: coalesced into one stored row per listener. */
const RANGES_PER_DOWNLOAD = 3;
const RANGE = 1024 * 1024;
const THRESHOLD = 120_000;

export interface StorageFigures {
  /** Milliseconds per download: its coalesced events written in one batched flush (Node's pattern). */
  readonly flushMs: number;
  /** Milliseconds per download: reading, counting and aggregating its day when the day closes. */
  readonly closeMs: number;
  /** Milliseconds per response: one response's event written alone, as the Worker does in waitUntil. */
  readonly perResponseMs: number;
  /** Downloads the closed days counted (must equal the downloads simulated). */
  readonly counted: number;
}

function hex(n: number, salt: string): string {
  return `${salt}${n.toString(16)}`.padStart(32, '0').slice(-32);
}

function eventsOf(day: string, listeners: number): ListenEventRow[] {
  const at = new Date(`${day}T12:00:00Z`);
  const events: ListenEventRow[] = [];
  for (let i = 0; i < listeners; i++) {
    for (let r = 0; r < RANGES_PER_DOWNLOAD; r++) {
      events.push({
        day,
        at: new Date(at.getTime() + i * 1000 + r),
        assetId: 1 + (i % 2),
        episodeId: 1 + (i % 2),
        showId: 1,
        listener: hex(i, 'a'),
        address: hex(i, 'b'),
        userAgent: USER_AGENT,
        app: 'Apple Podcasts',
        kind: 'app',
        country: i % 3 === 0 ? 'GB' : '',
        source: i % 5 === 0 ? '/articles/tide-mill-turns-again' : '',
        rangeStart: r * RANGE,
        rangeEnd: (r + 1) * RANGE,
        threshold: THRESHOLD,
      });
    }
  }
  return events;
}

/**
 * `days` days of `downloads` listeners each: every day's events queued and flushed at once, then the
 * days closed; then `responses` single-event flushes on a later day (Workers write per response).
 */
export async function measureStorage(
  db: Database,
  options: { days: number; downloads: number; responses: number },
): Promise<StorageFigures> {
  const recorder = createListenRecorder(db, { log: SILENT_LOGGER, maxEventsPerAddress: 1e9 });
  const days = Array.from({ length: options.days }, (_, i) => `2026-03-${String(10 + i).padStart(2, '0')}`);
  let flushTime = 0;
  for (const day of days) {
    for (const event of eventsOf(day, options.downloads)) recorder.record(event);
    const started = performance.now();
    await recorder.flush();
    flushTime += performance.now() - started;
    if (recorder.pending > 0) throw new Error('the recorder kept events: the write failed');
  }
  const started = performance.now();
  const { closed } = await closeDueDays(db, new Date('2026-03-31T12:00:00Z'), 3650);
  const closeTime = performance.now() - started;
  if (closed.length !== days.length) throw new Error(`closed ${closed.length} of ${days.length} days`);
  const counted = (await db.select({ n: listenDays.downloads }).from(listenDays)).reduce(
    (t, r) => t + r.n,
    0,
  );
  const downloads = options.days * options.downloads;

  const later = eventsOf('2026-04-01', options.responses);
  const perStarted = performance.now();
  for (const event of later) {
    recorder.record(event);
    await recorder.flush();
  }
  const perResponse = (performance.now() - perStarted) / later.length;
  return {
    flushMs: flushTime / downloads,
    closeMs: closeTime / downloads,
    perResponseMs: perResponse,
    counted,
  };
}
