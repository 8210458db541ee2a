// Sign-in: check an e-mail and password with equal work for unknown e-mails, throttle per account and client, start a session.
import { dummyPasswordHash, verifyPassword } from '../../auth/password.ts';
import { findUserByEmail } from '../../db/queries/users.ts';
import { countPasswordAttempt } from './attempts.ts';
import type { AccountContext, SessionPolicy } from './context.ts';
import { checkPassword } from './passwords.ts';
import { type StartedSession, startSession } from './sessions.ts';

export { FAILURE_WINDOW_MS, MAX_FAILURES } from './attempts.ts';

export interface SignInAttempt {
  readonly email: string;
  readonly password: string;
  /** The client's address (clientAddress(c), TRUST_PROXY honoured), or undefined when unknown. */
  readonly client: string | undefined;
  readonly userAgent?: string;
}

export type SignInResult =
  | { readonly kind: 'signed-in'; readonly session: StartedSession }
  /** The same answer for an unknown e-mail and a wrong password. */
  | { readonly kind: 'failed' }
  | { readonly kind: 'throttled'; readonly retryAfterSeconds: number };

/** The e-mail as accounts are keyed (trimmed, lower case), whether or not it is a valid address. */
const accountKey = (email: string) => email.trim().toLowerCase().slice(0, 254);

/**
 * Signs a user in. After MAX_FAILURES failures for this e-mail from this client within
 * FAILURE_WINDOW_MS, attempts are refused unchecked (even with the right password) until the
 * oldest of them leaves the window; other clients are not affected, and a throttled attempt does
 * not count as another failure. An unknown e-mail costs one password hash, as a known one does.
 */
export async function signIn(
  ctx: AccountContext,
  attempt: SignInAttempt,
  policy: SessionPolicy,
): Promise<SignInResult> {
  const email = accountKey(attempt.email);
  const client = attempt.client ?? 'unknown';
  // Counted as a failure until the password proves right: concurrent guesses cannot overtake the count.
  const counted = await countPasswordAttempt(ctx, email, attempt.client);
  if (counted.kind === 'throttled') {
    ctx.log?.warn('sign-in throttled', { email, client, retryAfterSeconds: counted.retryAfterSeconds });
    return counted;
  }
  const user = email === '' ? undefined : await findUserByEmail(ctx.db, email);
  let ok = false;
  if (user) {
    ok = (await checkPassword(ctx, user, attempt.password)).ok;
  } else {
    // The same work as for a real account, so timing does not tell which e-mails exist.
    await verifyPassword(attempt.password, dummyPasswordHash(ctx.passwords), ctx.passwords);
  }
  if (!user || !ok) {
    ctx.log?.info('sign-in failed', { email, client, known: user !== undefined });
    return { kind: 'failed' };
  }
  await counted.succeeded();
  const session = await startSession(
    ctx,
    { id: user.id, email: user.email, name: user.name, role: user.role },
    policy,
    attempt.userAgent,
  );
  ctx.log?.info('signed in', { userId: user.id, client });
  return { kind: 'signed-in', session };
}
