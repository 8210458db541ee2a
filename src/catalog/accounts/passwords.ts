// Passwords of users: set (by an admin or the CLI), change one's own, and check one at sign-in (rehashing weak hashes).
import { hashPassword, passwordProblem, verifyPassword } from '../../auth/password.ts';
import { deleteUserSessionsStatement } from '../../db/queries/sessions.ts';
import { findUserById, setPasswordHashStatement } from '../../db/queries/users.ts';
import type { User } from '../../db/schema.ts';
import { ForbiddenError, ValidationError } from '../../errors.ts';
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

/** The signed-in user changes their password: the current one is asked for, their other sessions end. */
export async function changeOwnPassword(
  ctx: AccountContext,
  input: { userId: number; current: string; next: string; keepSession?: string },
): Promise<void> {
  if (ctx.actor && ctx.actor.userId !== input.userId) throw new ForbiddenError('this is not your account');
  const user = await findUserById(ctx.db, input.userId);
  if (!user || !(await checkPassword(ctx, user, input.current)).ok) {
    throw new ValidationError('the current password is not right', {
      context: { errors: ['current: the current password is not right'] },
    });
  }
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
