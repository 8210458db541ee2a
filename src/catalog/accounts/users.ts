// Users: add, list, remove and change roles (admins only, never leaving the site without an admin).
import { sql } from 'drizzle-orm';
import { hashPassword, passwordProblem } from '../../auth/password.ts';
import { mayManageUsers, type Role } from '../../auth/principal.ts';
import {
  countUsers,
  deleteUserStatement,
  findUserByEmail,
  findUserById,
  insertUserStatement,
  listUserRows,
  setRoleStatement,
} from '../../db/queries/users.ts';
import type { User } from '../../db/schema.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors.ts';
import { guarded } from '../editor/constraint-errors.ts';
import { auditStatements } from './audit.ts';
import type { AccountContext } from './context.ts';

/** A user as the studio and the CLI show them: never the password hash. */
export interface UserSummary {
  readonly id: number;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly createdAt: Date;
}

export const summaryOf = (u: User): UserSummary => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  createdAt: u.createdAt,
});

/** Trimmed and lower-cased; refused unless it looks like an address (something@something, no spaces). */
export function normalizeEmail(text: string): string {
  const email = text.trim().toLowerCase();
  if (email.length < 3 || email.length > 254 || !/^[^\s@]+@[^\s@]+$/.test(email)) {
    throw new ValidationError(`"${text.trim().slice(0, 80)}" is not an e-mail address`, {
      context: { errors: ['email: is not an e-mail address'] },
    });
  }
  return email;
}

/** Throws 403 unless the actor may manage users (none: the CLI or a test, trusted). */
export function requireUserManager(ctx: AccountContext): void {
  if (ctx.actor && !mayManageUsers(ctx.actor)) {
    throw new ForbiddenError('only admins manage users');
  }
}

export async function addUser(
  ctx: AccountContext,
  input: { email: string; role: Role; password: string; name?: string },
): Promise<UserSummary> {
  requireUserManager(ctx);
  const email = normalizeEmail(input.email);
  const problem = passwordProblem(input.password);
  if (problem) throw new ValidationError(problem, { context: { errors: [`password: ${problem}`] } });
  if (await findUserByEmail(ctx.db, email))
    throw new ConflictError(`a user with e-mail ${email} already exists`);
  const passwordHash = await hashPassword(input.password, ctx.passwords);
  const name = (input.name ?? '').trim().slice(0, 200);
  await guarded(() =>
    ctx.db.batch([
      insertUserStatement(ctx.db, { email, name, role: input.role, passwordHash, now: ctx.now }),
      ...auditStatements(ctx, {
        entity: 'user',
        entityId: null,
        action: 'create',
        summary: `${email} as ${input.role}`,
      }),
    ]),
  ).catch((error: unknown) => {
    throw error instanceof ConflictError
      ? new ConflictError(`a user with e-mail ${email} already exists`)
      : error;
  });
  return summaryOf((await findUserByEmail(ctx.db, email)) as User);
}

export async function listUsers(ctx: AccountContext): Promise<UserSummary[]> {
  return (await listUserRows(ctx.db)).map(summaryOf);
}

export async function getUserByEmail(ctx: { db: AccountContext['db'] }, email: string): Promise<UserSummary> {
  const user = await findUserByEmail(ctx.db, normalizeEmail(email));
  if (!user) throw new NotFoundError(`there is no user ${email.trim().toLowerCase()}`);
  return summaryOf(user);
}

export async function getUserById(ctx: { db: AccountContext['db'] }, id: number): Promise<UserSummary> {
  const user = await findUserById(ctx.db, id);
  if (!user) throw new NotFoundError(`there is no user ${id}`);
  return summaryOf(user);
}

/** Removes the user with their sessions and tokens; their content stays (created_by becomes empty). */
export async function removeUser(ctx: AccountContext, id: number): Promise<UserSummary> {
  requireUserManager(ctx);
  const user = await getUserById(ctx, id);
  const [deleted] = await ctx.db.batch([
    deleteUserStatement(ctx.db, id),
    ...auditStatements(
      ctx,
      { entity: 'user', entityId: id, action: 'delete', summary: user.email },
      { when: sql`NOT EXISTS (SELECT 1 FROM users WHERE id = ${id})` },
    ),
  ]);
  if (deleted.length === 0) {
    throw new ConflictError(`${user.email} is the last admin: make another user an admin first`);
  }
  return user;
}

export async function changeUserRole(ctx: AccountContext, id: number, role: Role): Promise<UserSummary> {
  requireUserManager(ctx);
  const user = await getUserById(ctx, id);
  if (user.role === role) return user;
  const [changed] = await ctx.db.batch([
    setRoleStatement(ctx.db, id, role, ctx.now),
    ...auditStatements(
      ctx,
      { entity: 'user', entityId: id, action: 'update', summary: `role ${user.role} → ${role}` },
      { when: sql`(SELECT role FROM users WHERE id = ${id}) = ${role}` },
    ),
  ]);
  if (changed.length === 0) {
    throw new ConflictError(`${user.email} is the last admin: make another user an admin first`);
  }
  return getUserById(ctx, id);
}

/** Whether any user exists (with neither users nor ADMIN_TOKEN the write API is off). */
export async function hasUsers(ctx: { db: AccountContext['db'] }): Promise<boolean> {
  return (await countUsers(ctx.db)) > 0;
}
