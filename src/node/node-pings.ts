// startNodePings: the Node server's feed notices: sent a moment after each write, and swept for retries and timers.
import { createPingSender } from '../catalog/push/ping-sender.ts';
import { pushesAnywhere } from '../catalog/push/ping-targets.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { PingDispatch } from '../deps.ts';
import type { Logger } from '../log.ts';

/** Retries and notices recorded outside requests (scheduled items going live) wait at most this long. */
export const PING_SWEEP_MS = 15_000;

export interface NodePings {
  readonly dispatch: PingDispatch;
  /** After a timer rendered feeds (notices may be owed). */
  sweep(): void;
  stop(): Promise<void>;
}

/** Undefined when no hub, Podping token or pubnotify URL is configured. */
export function startNodePings(
  db: Database,
  config: Config,
  log: Logger,
  now: () => Date,
): NodePings | undefined {
  if (!pushesAnywhere(config)) return undefined;
  const sender = createPingSender({ db, config, log, now, fetch: (request) => fetch(request) }, log);
  const sweeper = setInterval(() => void sender.sweep(), PING_SWEEP_MS);
  sweeper.unref();
  // Notices recorded while warming feeds at start-up (a new podwire, changed settings) go out as
  // soon as their burst window has passed.
  sender.kick();
  return {
    dispatch: { afterWrite: () => sender.kick() },
    sweep: () => void sender.sweep(),
    stop() {
      clearInterval(sweeper);
      return sender.stop();
    },
  };
}
