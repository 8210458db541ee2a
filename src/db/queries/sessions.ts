// Session queries: a session with its user by the digest of its cookie, a user's sessions, and expiry sweeps.
import { and, desc, eq, lt, ne, or } from 'drizzle-orm';
import type { Database } from '../database.ts';
import { type Session, sessions, type User, users } from '../schema.ts';

export function insertSessionStatement(db: Database, session: Session) {
  return db.insert(sessions).values(session);
}

export async function findSessionWithUser(
  db: Database,
  idHash: string,
): Promise<{ session: Session; user: User } | undefined> {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.idHash, idHash));
  return row;
}

export async function touchSession(db: Database, idHash: string, now: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
}

export async function deleteSession(db: Database, idHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
}

/** Every session of the user, or every one but `keep` (the session making the request). */
export function deleteUserSessionsStatement(db: Database, userId: number, keep?: string) {
  return db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), keep === undefined ? undefined : ne(sessions.idHash, keep)));
}

export async function listUserSessions(db: Database, userId: number): Promise<Session[]> {
  return db.select().from(sessions).where(eq(sessions.userId, userId)).orderBy(desc(sessions.lastSeenAt));
}

/** Removes sessions past their absolute expiry, or idle since before `idleSince`. */
export async function deleteExpiredSessions(db: Database, now: Date, idleSince: Date): Promise<number> {
  const gone = await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleSince)))
    .returning({ idHash: sessions.idHash });
  return gone.length;
}
