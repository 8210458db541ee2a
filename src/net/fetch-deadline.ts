// startDeadline: one time cap over a whole fetch (DNS, connect, headers, redirects, body), joined with the caller's signal.
import { PodwireError } from '../errors.ts';
import { FetchFailed, FetchTimedOut } from './fetch-errors.ts';

export interface Deadline {
  /** Aborts when the time is up, the caller aborts, or abort() is called; passed to every request. */
  readonly signal: AbortSignal;
  /** `promise`, or a rejection as soon as the signal aborts (for ports and streams that ignore it). */
  race<T>(promise: Promise<T>): Promise<T>;
  /** Stops the fetch for another reason (a body over its cap): the connection is torn down. */
  abort(reason: PodwireError): void;
  /** The error to report for `error`, raised while fetching `url`: timeout, the caller's, or FetchFailed. */
  explain(error: unknown, url: string): unknown;
  /** The fetch finished: the timer stops. */
  clear(): void;
}

/** Starts the clock: after `ms` the signal aborts and every error is explained as FetchTimedOut. */
export function startDeadline(ms: number, callerSignal?: AbortSignal): Deadline {
  const controller = new AbortController();
  const signal = controller.signal;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error(`time cap of ${ms} ms reached`));
  }, ms);
  const onCallerAbort = () => controller.abort(callerSignal?.reason);
  if (callerSignal?.aborted) onCallerAbort();
  else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });

  const clear = () => {
    clearTimeout(timer);
    callerSignal?.removeEventListener('abort', onCallerAbort);
  };
  return {
    signal,
    // A listener per call, removed when the promise settles: racing against one long-lived
    // promise would keep a reaction per body chunk alive until the fetch ends.
    race: <T>(promise: Promise<T>) =>
      new Promise<T>((resolve, reject) => {
        if (signal.aborted) {
          promise.catch(() => {});
          reject(signal.reason);
          return;
        }
        const onAbort = () => reject(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        promise.then(
          (value) => {
            signal.removeEventListener('abort', onAbort);
            resolve(value);
          },
          (error: unknown) => {
            signal.removeEventListener('abort', onAbort);
            reject(error);
          },
        );
      }),
    abort(reason) {
      clear();
      if (!signal.aborted) controller.abort(reason);
    },
    explain(error, url) {
      clear();
      if (timedOut) return new FetchTimedOut(url, ms);
      if (signal.aborted && signal.reason instanceof PodwireError) return signal.reason;
      if (callerSignal?.aborted) return callerSignal.reason;
      if (error instanceof PodwireError) return error;
      return new FetchFailed(url, error);
    },
    clear,
  };
}
