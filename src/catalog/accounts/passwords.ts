// Passwords of users: set (by an admin or the CLI), change one's own, and check one at sign-in (rehashing weak hashes).
import { hashPassword, passwordProblem, verifyPassword } from '../../auth/password.ts';
import { deleteUserSessionsStatement } from '../../db/queries/sessions.ts';
import { findUserById, setPasswordHashStatement } from '../../db/queries/users.ts';
import type { User } from '../../db/schema.ts';
import { ForbiddenError, TooManyRequestsError, ValidationError } from '../../errors.ts';
import { countPasswordAttempt } from './attempts.ts';
import { auditStatements } from './audit.ts';
import type { AccountContext } from './context.ts';
import { getUserById, requireUserManager } from './users.ts';

function checkNewPassword(password: string, field = 'password'): void {
  const problem = passwordProblem(password);
  if (problem) throw new ValidationError(problem, { context: { errors: [`${field}: ${problem}`] } });
}

/**
 * Sets a user's password (an admin, the CLI, or the user themselves) and ends their sessions, all
 * of them or all but `keepSession` (the digest of the session making the change).
 */
export async function setUserPassword(
  ctx: AccountContext,
  id: number,
  password: string,
  options: { keepSession?: string } = {},
): Promise<void> {
  if (ctx.actor?.userId !== id) requireUserManager(ctx);
  checkNewPassword(password);
  const user = await getUserById(ctx, id);
  const passwordHash = await hashPassword(password, ctx.passwords);
  await ctx.db.batch([
    setPasswordHashStatement(ctx.db, id, passwordHash, ctx.now),
    deleteUserSessionsStatement(ctx.db, id, options.keepSession),
    ...auditStatements(ctx, {
      entity: 'user',
      entityId: id,
      action: 'update',
      summary: `password of ${user.email} set`,
    }),
  ]);
}

/**
 * The signed-in user changes their password: the current one is asked for, their other sessions
 * end. Wrong current passwords count as failed sign-ins from `client` (and are throttled alike), so
 * a borrowed session cannot be used to guess the password.
 */
export async function changeOwnPassword(
  ctx: AccountContext,
  input: { userId: number; current: string; next: string; keepSession?: string; client?: string },
): Promise<void> {
  if (ctx.actor && ctx.actor.userId !== input.userId) throw new ForbiddenError('this is not your account');
  const user = await findUserById(ctx.db, input.userId);
  const wrong = () =>
    new ValidationError('the current password is not right', {
      context: { errors: ['current: the current password is not right'] },
    });
  if (!user) throw wrong();
  const counted = await countPasswordAttempt(ctx, user.email, input.client);
  if (counted.kind === 'throttled') {
    ctx.log?.warn('password change throttled', { userId: user.id, client: input.client });
    const minutes = Math.ceil(counted.retryAfterSeconds / 60);
    throw new TooManyRequestsError(
      `too many wrong passwords: try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
      { context: { retryAfterSeconds: counted.retryAfterSeconds } },
    );
  }
  if (!(await checkPassword(ctx, user, input.current)).ok) throw wrong();
  await counted.succeeded();
  checkNewPassword(input.next, 'next');
  await setUserPassword(ctx, input.userId, input.next, { keepSession: input.keepSession });
}

/**
 * Whether `password` is the user's. A right password under a weaker hash than the policy asks is
 * hashed again and stored. A hash this runtime cannot compute (more PBKDF2 iterations than Workers
 * allow) fails with an error in the log saying how to fix it, never an exception.
 */
export async function checkPassword(
  ctx: AccountContext,
  user: User,
  password: string,
): Promise<{ ok: boolean }> {
  const check = await verifyPassword(password, user.passwordHash, ctx.passwords);
  if (check.ok) {
    if (check.rehash) {
      const stronger = await hashPassword(password, ctx.passwords);
      await setPasswordHashStatement(ctx.db, user.id, stronger, ctx.now);
    }
    return { ok: true };
  }
  if (check.reason === 'unsupported') {
    ctx.log?.error('password hash cannot be checked on this runtime', {
      userId: user.id,
      iterations: check.iterations,
      maxIterations: ctx.passwords.maxIterations,
      fix: `set the password again where the site runs: podwire user passwd ${user.email}${
        ctx.passwords.maxIterations !== undefined ? ' --worker' : ''
      }`,
    });
  } else if (check.reason === 'malformed') {
    ctx.log?.error('stored password hash is malformed', {
      userId: user.id,
      fix: `podwire user passwd ${user.email}`,
    });
  }
  return { ok: false };
}
