// Password attempts, throttled per account and client address: at sign-in and when a signed-in user gives their current password.
import {
  forgetSignInAttempt,
  recentSignInFailures,
  reserveSignInAttempt,
} from '../../db/queries/sign-in-failures.ts';
import { addressHashOfDay } from '../analytics/day-keys.ts';
import type { AccountContext } from './context.ts';

/** Failures for one account from one client address within FAILURE_WINDOW_MS before further attempts wait. */
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;

export type PasswordAttempt =
  /** Counted as a failure until `succeeded()` takes it back. */
  | { readonly kind: 'counted'; readonly succeeded: () => Promise<void> }
  | { readonly kind: 'throttled'; readonly retryAfterSeconds: number };

/**
 * Counts an attempt at `email`'s password from `client` before the password is checked, unless
 * MAX_FAILURES are counted within FAILURE_WINDOW_MS: then it is throttled, with the seconds until
 * the oldest of them leaves the window (the caller logs it). Count and check are one statement, so
 * guesses sent at once cannot all pass it.
 */
export async function countPasswordAttempt(
  ctx: AccountContext,
  email: string,
  client: string | undefined,
): Promise<PasswordAttempt> {
  // No raw address is stored: the day's keyed hash of it (so the count starts over at midnight UTC).
  const who = { email, client: client ? await addressHashOfDay(ctx.db, ctx.now, client) : 'unknown' };
  const since = new Date(ctx.now.getTime() - FAILURE_WINDOW_MS);
  const id = await reserveSignInAttempt(ctx.db, { ...who, at: ctx.now, since, limit: MAX_FAILURES });
  if (id !== undefined) return { kind: 'counted', succeeded: () => forgetSignInAttempt(ctx.db, id) };
  const recent = await recentSignInFailures(ctx.db, who.email, who.client, since, MAX_FAILURES);
  const oldest = recent[recent.length - 1] ?? ctx.now;
  const retryAfterMs = oldest.getTime() + FAILURE_WINDOW_MS - ctx.now.getTime();
  const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return { kind: 'throttled', retryAfterSeconds };
}
