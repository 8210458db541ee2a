// User queries: by e-mail or id, the list, and writes that refuse to leave the site without an admin.
import { asc, eq, sql } from 'drizzle-orm';
import type { Role } from '../../auth/principal.ts';
import type { Database } from '../database.ts';
import { type User, users } from '../schema.ts';

export async function findUserByEmail(db: Database, email: string): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row;
}

export async function findUserById(db: Database, id: number): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function listUserRows(db: Database): Promise<User[]> {
  return db.select().from(users).orderBy(asc(users.email));
}

export async function countUsers(db: Database): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(users);
  return row?.n ?? 0;
}

export function insertUserStatement(
  db: Database,
  user: { email: string; name: string; role: Role; passwordHash: string; now: Date },
) {
  return db.insert(users).values({
    email: user.email,
    name: user.name,
    role: user.role,
    passwordHash: user.passwordHash,
    createdAt: user.now,
    updatedAt: user.now,
  });
}

export function setPasswordHashStatement(db: Database, id: number, passwordHash: string, now: Date) {
  return db
    .update(users)
    .set({ passwordHash, updatedAt: now, version: sql`${users.version} + 1` })
    .where(eq(users.id, id));
}

/**
 * True while another admin remains besides user `id`: the condition that keeps a remove or a
 * demotion from leaving the site without one, checked in the same statement as the write.
 */
const anotherAdmin = (id: number) =>
  sql`EXISTS (SELECT 1 FROM users AS other WHERE other.role = 'admin' AND other.id <> ${id})`;

/** Changes the role unless that would demote the last admin; returns whether it changed. */
export function setRoleStatement(db: Database, id: number, role: Role, now: Date) {
  return db
    .update(users)
    .set({ role, updatedAt: now, version: sql`${users.version} + 1` })
    .where(
      sql`${users.id} = ${id} AND (${role} = 'admin' OR ${users.role} <> 'admin' OR ${anotherAdmin(id)})`,
    )
    .returning({ id: users.id });
}

/** Deletes the user unless they are the last admin. */
export function deleteUserStatement(db: Database, id: number) {
  return db
    .delete(users)
    .where(sql`${users.id} = ${id} AND (${users.role} <> 'admin' OR ${anotherAdmin(id)})`)
    .returning({ id: users.id });
}
