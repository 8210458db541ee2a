// Notices owed to hubs and indexes that a feed changed: recorded by renders, claimed and settled by delivery.
import { and, asc, eq, inArray, lte, ne, sql } from 'drizzle-orm';
import type { Database } from '../database.ts';
import { type FeedPing, feedPings } from '../schema.ts';

/** One notice: tell `target` that the feed at `feedUrl` is now at `version`. */
export interface OwedPing {
  readonly target: string;
  readonly feedUrl: string;
  readonly reason: string;
  readonly medium: string;
  readonly version: string;
}

/** D1 binds at most 100 parameters a statement; a row binds 8. */
const ROWS_PER_INSERT = 12;

/**
 * Records notices due at `dueAt`. A notice already owed for the same feed, target and reason takes
 * the new version and keeps its time and retry state: a burst of edits is one notice.
 */
export async function owePings(
  db: Database,
  pings: readonly OwedPing[],
  now: Date,
  dueAt: Date,
): Promise<void> {
  for (let i = 0; i < pings.length; i += ROWS_PER_INSERT) {
    await db
      .insert(feedPings)
      .values(pings.slice(i, i + ROWS_PER_INSERT).map((p) => ({ ...p, changedAt: now, dueAt })))
      .onConflictDoUpdate({
        target: [feedPings.target, feedPings.feedUrl, feedPings.reason],
        set: { version: sql`excluded.version`, medium: sql`excluded.medium` },
      });
  }
}

/**
 * Claims up to `limit` notices due by `horizon`, each leased until `leaseUntil` so no other
 * process sends it meanwhile (one statement: SQLite runs it alone).
 */
export async function claimDuePings(
  db: Database,
  horizon: Date,
  leaseUntil: Date,
  limit: number,
): Promise<FeedPing[]> {
  const due = db
    .select({ id: feedPings.id })
    .from(feedPings)
    .where(lte(feedPings.dueAt, horizon))
    .orderBy(asc(feedPings.dueAt))
    .limit(limit);
  return db.update(feedPings).set({ dueAt: leaseUntil }).where(inArray(feedPings.id, due)).returning();
}

/**
 * The notice went out: it is settled, unless the feed changed again meanwhile, in which case the
 * newer version is owed from `dueAgain` with a clean retry count.
 */
export async function settlePing(db: Database, ping: FeedPing, dueAgain: Date): Promise<void> {
  await db.batch([
    db.delete(feedPings).where(and(eq(feedPings.id, ping.id), eq(feedPings.version, ping.version))),
    db
      .update(feedPings)
      .set({ dueAt: dueAgain, attempts: 0, lastError: null })
      .where(and(eq(feedPings.id, ping.id), ne(feedPings.version, ping.version))),
  ]);
}

/** A failed attempt: tried again at `retryAt`, or given up (deleted) when that is undefined. */
export async function failPing(
  db: Database,
  ping: FeedPing,
  error: string,
  retryAt: Date | undefined,
): Promise<void> {
  if (retryAt === undefined) {
    await db.delete(feedPings).where(eq(feedPings.id, ping.id));
    return;
  }
  await db
    .update(feedPings)
    .set({ attempts: ping.attempts + 1, dueAt: retryAt, lastError: error.slice(0, 500) })
    .where(eq(feedPings.id, ping.id));
}

/** Every notice still owed (for the studio, the CLI and tests). */
export function listOwedPings(db: Database): Promise<FeedPing[]> {
  return db.select().from(feedPings).orderBy(asc(feedPings.dueAt), asc(feedPings.id));
}
