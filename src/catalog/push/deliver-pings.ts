// deliverDuePings: sends the notices that are due, settles the ones that went out, backs off the ones that failed.

import type { Database } from '../../db/database.ts';
import { claimDuePings, failPing, settlePing } from '../../db/queries/feed-pings.ts';
import type { FeedPing } from '../../db/schema.ts';
import type { AppConfig } from '../../deps.ts';
import type { Logger } from '../../log.ts';
import { pingRequest } from './ping-request.ts';

/** A notice waits this long after the first change, so a burst of edits goes out as one. */
export const PING_DELAY_MS = 2_000;
/** Each attempt gives up after this long (a hung hub holds nothing else up). */
export const PING_TIMEOUT_MS = 10_000;
/** Waits before the 2nd, 3rd… attempt; after the last, the notice is given up (and logged). */
export const PING_BACKOFF_MS: readonly number[] = [30_000, 120_000, 600_000, 3_600_000, 6 * 3_600_000];
/** Notices sent at once: a burst across many feeds cannot open hundreds of connections. */
const PARALLEL = 4;

export interface PingDelivery {
  readonly db: Database;
  readonly config: AppConfig;
  readonly log: Logger;
  readonly now: () => Date;
  /** The runtime's fetch (global fetch on Node and Workers; tests may pass another real one). */
  readonly fetch: (request: Request) => Promise<Response>;
  /** Each attempt's limit (default PING_TIMEOUT_MS). */
  readonly timeoutMs?: number;
}

export interface PingReport {
  readonly sent: number;
  readonly failed: number;
  readonly dropped: number;
}

/**
 * Sends every notice due by `now + aheadMs` (at most `limit`), PARALLEL at a time, each within
 * PING_TIMEOUT_MS. Never throws for a failed notice: a 2xx settles it, a 408, 429, 5xx, timeout or
 * network error retries after PING_BACKOFF_MS, any other answer drops it (the target refuses it).
 */
export async function deliverDuePings(
  d: PingDelivery,
  options: { aheadMs?: number; limit?: number } = {},
): Promise<PingReport> {
  const now = d.now();
  const claimed = await claimDuePings(
    d.db,
    new Date(now.getTime() + (options.aheadMs ?? 0)),
    new Date(now.getTime() + (d.timeoutMs ?? PING_TIMEOUT_MS) + 60_000),
    options.limit ?? 100,
  );
  const report = { sent: 0, failed: 0, dropped: 0 };
  const queue = [...claimed];
  const worker = async () => {
    for (let ping = queue.shift(); ping; ping = queue.shift()) {
      report[await deliverOne(d, ping)] += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, queue.length) }, worker));
  return report;
}

async function deliverOne(d: PingDelivery, ping: FeedPing): Promise<keyof PingReport> {
  const fields = { target: ping.target, feed: ping.feedUrl, reason: ping.reason, attempt: ping.attempts + 1 };
  const request = pingRequest(ping, d.config);
  if (!request) {
    await failPing(d.db, ping, 'target no longer configured', undefined);
    d.log.info('feed notice dropped: its target is no longer configured', fields);
    return 'dropped';
  }
  let problem: string;
  let retry: boolean;
  try {
    const timeoutMs = d.timeoutMs ?? PING_TIMEOUT_MS;
    const response = await d.fetch(new Request(request, { signal: AbortSignal.timeout(timeoutMs) }));
    await response.body?.cancel();
    if (response.ok) {
      await settlePing(d.db, ping, new Date(d.now().getTime() + PING_DELAY_MS));
      d.log.info('feed notice sent', { ...fields, status: response.status });
      return 'sent';
    }
    problem = `HTTP ${response.status}`;
    retry = response.status === 408 || response.status === 429 || response.status >= 500;
  } catch (error) {
    problem = describeFailure(error, d.timeoutMs ?? PING_TIMEOUT_MS);
    retry = true;
  }
  const wait = retry ? PING_BACKOFF_MS[ping.attempts] : undefined;
  const retryAt = wait === undefined ? undefined : new Date(d.now().getTime() + wait);
  await failPing(d.db, ping, problem, retryAt);
  if (retryAt)
    d.log.warn('feed notice failed; will retry', { ...fields, problem, retryAt: retryAt.toISOString() });
  else d.log.error('feed notice failed; given up', { ...fields, problem });
  return retryAt ? 'failed' : 'dropped';
}

/** `fetch failed: connect ECONNREFUSED 127.0.0.1:9` rather than `TypeError: fetch failed`. */
function describeFailure(error: unknown, timeoutMs: number): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
