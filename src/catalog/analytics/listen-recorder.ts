// createListenRecorder(db): buffers delivered-byte events, coalesces them and writes them in batches.
import { mergeSpans } from '../../analytics/byte-spans.ts';
import type { Database } from '../../db/database.ts';
import { insertListenEvents, type ListenEventRow } from '../../db/queries/listens.ts';
import type { Logger } from '../../log.ts';

export interface ListenRecorder {
  /** Queues one event; cheap (no I/O). Over the flood cap, the event is counted as an anomaly instead. */
  record(event: ListenEventRow): void;
  /** Writes what is queued, after the writes before it (Node: every few seconds and at shutdown). */
  flush(): Promise<void>;
  /**
   * Writes what is queued now, without waiting for other writes (Workers: after each response).
   * A Worker request must not await a promise of another request: workerd cancels continuations
   * whose request has ended, and a chain of flushes through a cancelled one would never run again.
   */
  writeQueued(): Promise<void>;
  /** Events queued and not yet written. */
  readonly pending: number;
}

export interface ListenRecorderOptions {
  readonly log: Logger;
  /**
   * Events one address may store per day through this instance; beyond it they are dropped and
   * flagged (listen_anomalies, kind `events`). Ranges already add up by distinct bytes, so the cap
   * only bounds what a flood can write.
   */
  readonly maxEventsPerAddress?: number;
  /** Queued events beyond this are dropped (and logged) while the database cannot keep up. */
  readonly maxQueued?: number;
}

const DEFAULT_MAX_EVENTS_PER_ADDRESS = 2000;
const DEFAULT_MAX_QUEUED = 100_000;
/** Addresses remembered for the flood cap; when full the counts start over (rare, and only loosens the cap). */
const MAX_ADDRESSES = 100_000;

export function createListenRecorder(db: Database, options: ListenRecorderOptions): ListenRecorder {
  const maxPerAddress = options.maxEventsPerAddress ?? DEFAULT_MAX_EVENTS_PER_ADDRESS;
  const maxQueued = options.maxQueued ?? DEFAULT_MAX_QUEUED;
  let queue: ListenEventRow[] = [];
  let floods = new Map<string, number>();
  let perAddress = new Map<string, number>();
  let perAddressDay = '';
  let writing: Promise<void> = Promise.resolve();

  function record(event: ListenEventRow) {
    if (event.day !== perAddressDay) {
      perAddressDay = event.day;
      perAddress = new Map();
    }
    const seen = perAddress.get(event.address) ?? 0;
    if (perAddress.size >= MAX_ADDRESSES && seen === 0) perAddress.clear();
    perAddress.set(event.address, seen + 1);
    if (seen >= maxPerAddress) {
      const key = `${event.day}\n${event.address}`;
      floods.set(key, (floods.get(key) ?? 0) + 1);
      return;
    }
    if (queue.length >= maxQueued) {
      if (queue.length === maxQueued)
        options.log.error('listening events dropped: the database is behind', {});
      return;
    }
    queue.push(event);
  }

  async function write() {
    const events = queue;
    const anomalies = [...floods].map(([key, count]) => {
      const [day, address] = key.split('\n') as [string, string];
      return { day, address, count };
    });
    queue = [];
    floods = new Map();
    if (events.length === 0 && anomalies.length === 0) return;
    try {
      await insertListenEvents(db, coalesce(events), anomalies);
    } catch (error) {
      // Kept for the next flush (bounded by maxQueued): a busy or briefly locked database loses nothing.
      queue = [...events, ...queue].slice(0, maxQueued);
      for (const { day, address, count } of anomalies) {
        const key = `${day}\n${address}`;
        floods.set(key, (floods.get(key) ?? 0) + count);
      }
      options.log.error('writing listening events failed', { error, events: events.length });
    }
  }

  return {
    record,
    flush() {
      // One write at a time, in order: a flush waits for the one before it.
      writing = writing.then(write);
      return writing;
    },
    writeQueued: write,
    get pending() {
      return queue.length;
    },
  };
}

/**
 * One row per disjoint span of each listener's file: a player's many consecutive range requests
 * become one row (the earliest time kept), so storage follows listening, not request counts.
 */
export function coalesce(events: readonly ListenEventRow[]): ListenEventRow[] {
  const groups = new Map<string, ListenEventRow[]>();
  for (const event of events) {
    const key = [
      event.day,
      event.listener,
      event.assetId,
      event.episodeId,
      event.userAgent,
      event.country,
      event.source,
      event.threshold,
    ].join('\n');
    const group = groups.get(key);
    if (group) group.push(event);
    else groups.set(key, [event]);
  }
  const rows: ListenEventRow[] = [];
  for (const group of groups.values()) {
    const first = group.reduce((a, b) => (b.at < a.at ? b : a));
    for (const span of mergeSpans(group.map((e) => ({ start: e.rangeStart, end: e.rangeEnd })))) {
      rows.push({ ...first, rangeStart: span.start, rangeEnd: span.end });
    }
  }
  return rows;
}
