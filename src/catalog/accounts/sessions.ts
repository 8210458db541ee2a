// Studio sessions: started at sign-in, found by the cookie's random id (stored only as a digest), ended by idle or absolute expiry.
import type { Role } from '../../auth/principal.ts';
import { randomSecret, secretDigest } from '../../auth/secrets.ts';
import type { Database } from '../../db/database.ts';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteUserSessionsStatement,
  findSessionWithUser,
  insertSessionStatement,
  listUserSessions,
  touchSession,
} from '../../db/queries/sessions.ts';
import { pruneSignInFailures } from '../../db/queries/sign-in-failures.ts';
import type { SessionPolicy } from './context.ts';

/** lastSeenAt is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60_000;
/** Failed sign-ins are kept this long (throttling looks back 15 minutes; the rest is for people). */
const FAILURES_KEPT_MS = 24 * 3_600_000;

export interface StudioUser {
  readonly id: number;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
}

export interface ActiveSession {
  readonly user: StudioUser;
  readonly csrfToken: string;
  /** The digest the row is stored under: tells this session apart in the list of one's sessions. */
  readonly idHash: string;
  readonly expiresAt: Date;
}

export interface StartedSession extends ActiveSession {
  /** The random id for the cookie: shown to the browser once, never stored. */
  readonly secret: string;
}

interface SessionsContext {
  readonly db: Database;
  readonly now: Date;
}

/** A new session for the user, with a fresh id and CSRF token (never reusing one the browser had). */
export async function startSession(
  ctx: SessionsContext,
  user: StudioUser,
  policy: SessionPolicy,
  userAgent = '',
): Promise<StartedSession> {
  const secret = randomSecret(32);
  const idHash = await secretDigest(secret);
  const csrfToken = randomSecret(32);
  const expiresAt = new Date(ctx.now.getTime() + policy.maxMs);
  await insertSessionStatement(ctx.db, {
    idHash,
    userId: user.id,
    csrfToken,
    createdAt: ctx.now,
    lastSeenAt: ctx.now,
    expiresAt,
    userAgent: userAgent.slice(0, 300),
  });
  return { secret, idHash, csrfToken, expiresAt, user };
}

/**
 * The session whose cookie holds `secret`, if it is still valid: not past its absolute expiry, and
 * used within the idle time. An expired session is deleted as it is found.
 */
export async function resolveSession(
  ctx: SessionsContext,
  secret: string,
  policy: SessionPolicy,
): Promise<ActiveSession | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(secret)) return undefined;
  const idHash = await secretDigest(secret);
  const row = await findSessionWithUser(ctx.db, idHash);
  if (!row) return undefined;
  const { session, user } = row;
  const now = ctx.now.getTime();
  if (now >= session.expiresAt.getTime() || now - session.lastSeenAt.getTime() >= policy.idleMs) {
    await deleteSession(ctx.db, idHash);
    return undefined;
  }
  if (now - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) await touchSession(ctx.db, idHash, ctx.now);
  return {
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
    csrfToken: session.csrfToken,
    idHash,
    expiresAt: session.expiresAt,
  };
}

/** Signs one session out (the cookie's). */
export async function endSession(ctx: SessionsContext, idHash: string): Promise<void> {
  await deleteSession(ctx.db, idHash);
}

/** "Sign out everywhere": every session of the user, this one included unless `keep` names it. */
export async function endUserSessions(ctx: SessionsContext, userId: number, keep?: string): Promise<void> {
  await deleteUserSessionsStatement(ctx.db, userId, keep);
}

export interface SessionSummary {
  readonly idHash: string;
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  readonly expiresAt: Date;
  readonly userAgent: string;
}

/** The user's sessions, most recently used first. */
export async function listSessions(ctx: SessionsContext, userId: number): Promise<SessionSummary[]> {
  return (await listUserSessions(ctx.db, userId)).map((s) => ({
    idHash: s.idHash,
    createdAt: s.createdAt,
    lastSeenAt: s.lastSeenAt,
    expiresAt: s.expiresAt,
    userAgent: s.userAgent,
  }));
}

/** Removes expired sessions and old failed sign-ins (the Node timer and the Worker's cron run it). */
export async function sweepAccounts(
  db: Database,
  now: Date,
  policy: SessionPolicy,
): Promise<{ sessions: number; failures: number }> {
  const sessions = await deleteExpiredSessions(db, now, new Date(now.getTime() - policy.idleMs));
  const failures = await pruneSignInFailures(db, new Date(now.getTime() - FAILURES_KEPT_MS));
  return { sessions, failures };
}
