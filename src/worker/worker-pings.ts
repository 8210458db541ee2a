// workerPings: on Workers, the notices a write recorded go out in waitUntil a moment later; the cron sends the rest.
import type { ExecutionContext } from '@cloudflare/workers-types';
import type { Context } from 'hono';
import { deliverDuePings, PING_DELAY_MS, type PingDelivery } from '../catalog/push/deliver-pings.ts';
import type { PingDispatch } from '../deps.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The response goes out first; the isolate then waits out the burst window (waiting costs no CPU
 * time) and delivers what is due. A notice this misses (a burst still open, a retry) goes out with
 * the next write or the cron trigger, within a minute.
 */
export function workerPings(delivery: PingDelivery): PingDispatch {
  return {
    afterWrite(c: Context) {
      const ctx = c.executionCtx as unknown as ExecutionContext;
      ctx.waitUntil(
        sleep(PING_DELAY_MS + 100)
          .then(() => deliverDuePings(delivery))
          .catch((error: unknown) => delivery.log.error('delivering feed notices failed', { error })),
      );
    },
  };
}
