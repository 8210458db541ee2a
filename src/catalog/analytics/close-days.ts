// closeDueDays / recount: days over are counted into listen_days once; raw events past retention are deleted.
import { type CountableEvent, countDownloads, type Download } from '../../analytics/count-downloads.ts';
import { classifyUserAgent } from '../../analytics/user-agents.ts';
import { addDays, utcDay } from '../../analytics/utc-day.ts';
import type { Database } from '../../db/database.ts';
import {
  closeDay,
  daysWithEvents,
  deleteClosedEventsBefore,
  destroyDayKeysBefore,
  eventsOfDay,
  type ListenDayRow,
  openDays,
  reopenDays,
} from '../../db/queries/listens.ts';

/**
 * A day is closed this long after it ends, so responses still streaming at midnight and Node's
 * buffered events have landed; until then reports count it from its raw events.
 */
export const CLOSE_GRACE_MS = 60 * 60 * 1000;

export interface CloseReport {
  /** Days counted into listen_days now. */
  readonly closed: string[];
}

/** Counts every day that is over (and past the grace period) and not yet closed; then applies retention. */
export async function closeDueDays(db: Database, now: Date, retentionDays: number): Promise<CloseReport> {
  const before = utcDay(new Date(now.getTime() - CLOSE_GRACE_MS));
  const closed: string[] = [];
  for (const day of await openDays(db, { before })) {
    try {
      await closeOne(db, day, now);
      closed.push(day);
    } catch (error) {
      // Another instance closed it first (the closed mark's key refused this batch): nothing to do.
      if (!(await openDays(db, { before })).includes(day)) continue;
      throw error;
    }
  }
  await deleteClosedEventsBefore(db, addDays(utcDay(now), -retentionDays));
  await destroyDayKeysBefore(db, utcDay(now));
  return { closed };
}

/** Counts days again from their raw events (those within retention), from `from` on. */
export async function recountDays(db: Database, now: Date, from?: string): Promise<CloseReport> {
  const today = utcDay(new Date(now.getTime() - CLOSE_GRACE_MS));
  const days = (await daysWithEvents(db, from)).filter((day) => day < today);
  await reopenDays(db, days);
  for (const day of days) await closeOne(db, day, now);
  return { closed: days };
}

async function closeOne(db: Database, day: string, now: Date): Promise<void> {
  const { downloads, anomalies } = countDownloads(reclassify(await eventsOfDay(db, day)));
  await closeDay(
    db,
    day,
    aggregateRows(day, downloads),
    anomalies.map((a) => ({ address: a.address, episodeId: a.episodeId, count: a.excess })),
    now,
  );
}

/**
 * Events with the app and kind the current lists give their User-Agent: a recount applies bot and
 * app lists updated since the events were recorded.
 */
export function reclassify<T extends CountableEvent & { userAgent: string }>(events: readonly T[]): T[] {
  return events.map((event) => ({ ...event, ...classifyUserAgent(event.userAgent) }));
}

/** Downloads grouped into listen_days rows (one per episode, app, country and source). */
export function aggregateRows(day: string, downloads: readonly Download[]): ListenDayRow[] {
  const rows = new Map<string, ListenDayRow>();
  for (const d of downloads) {
    const key = [d.episodeId, d.app, d.country, d.source].join('\n');
    const row = rows.get(key);
    if (row) row.downloads += 1;
    else
      rows.set(key, {
        day,
        episodeId: d.episodeId,
        showId: d.showId,
        app: d.app,
        country: d.country,
        source: d.source,
        downloads: 1,
      });
  }
  return [...rows.values()];
}
