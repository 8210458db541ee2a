// createPingSender(delivery): delivers owed notices soon after a write and on a sweep, one run at a time (a long-lived process).
import type { Logger } from '../../log.ts';
import { deliverDuePings, PING_DELAY_MS, type PingDelivery } from './deliver-pings.ts';

export interface PingSender {
  /** A write recorded notices: deliver them once their burst window has passed. */
  kick(): void;
  /** Delivers whatever is due now (retries, notices recorded by timers); resolves when done. */
  sweep(): Promise<void>;
  /** Stops the timers; resolves once a run in progress has finished. */
  stop(): Promise<void>;
}

/**
 * For a process that lives on (Node): kicks coalesce into one run PING_DELAY_MS later, and runs
 * never overlap (a kick during a run asks for one more run after it), so a hub that hangs holds up
 * at most one batch and requests never pile up.
 */
export function createPingSender(delivery: PingDelivery, log: Logger): PingSender {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  const run = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await deliverDuePings(delivery);
        } catch (error) {
          log.error('delivering feed notices failed', { error });
        }
      } while (again && !stopped);
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  return {
    kick() {
      if (stopped || timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        void run();
      }, PING_DELAY_MS + 100);
      (timer as { unref?: () => void }).unref?.();
    },
    sweep: () => (stopped ? Promise.resolve() : run()),
    async stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      await running;
    },
  };
}
