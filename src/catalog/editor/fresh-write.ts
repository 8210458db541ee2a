// writeFromFreshRead: a write whose derived rows (the search text) are computed from the record as read, tried again
// on a fresh read when another write got there first, so the record and what is derived from it never disagree.
import { ConflictError } from '../../errors.ts';
import { isStaleWriteError } from './constraint-errors.ts';

/** How many times a write is read and tried again before the editor is asked to send it again. */
export const FRESH_WRITE_ATTEMPTS = 5;

/** What a write attempt returns when its guard found the record changed since its read. */
export const STALE = Symbol('stale');

/**
 * Runs `attempt` until it writes: each attempt reads the record, computes what it writes from that
 * read, and guards the update on the version it read (nextVersion). Without If-Match a write has no
 * version of its own to insist on, so one that loses the race is simply applied again over the
 * newer record, as if it had come a moment later. With If-Match, `attempt` throws 412 itself.
 */
export async function writeFromFreshRead<T>(attempt: () => Promise<T | typeof STALE>): Promise<T> {
  for (let n = 1; n <= FRESH_WRITE_ATTEMPTS; n++) {
    const result = await attempt();
    if (result !== STALE) return result;
  }
  throw new ConflictError(
    `the record was changed by ${FRESH_WRITE_ATTEMPTS} other writes while this one was applied: send it again`,
  );
}

/**
 * The version an update must find: If-Match's (or a contributor's) when there is one; otherwise the
 * version read, when the update writes rows computed from the record (its search text), so that
 * they describe exactly the version written.
 */
export const freshWriteGuard = (
  expected: number | undefined,
  readVersion: number,
  derived: boolean,
): { version: number | undefined; retry: boolean } =>
  expected !== undefined
    ? { version: expected, retry: false }
    : { version: derived ? readVersion : undefined, retry: derived };

/** Whether a failed batch lost the race the guard from freshWriteGuard was set for. */
export const lostRace = (guard: { retry: boolean }, error: unknown) =>
  guard.retry && isStaleWriteError(error);
