// Failed sign-ins: recorded per e-mail and client address, counted for throttling, pruned after a day.
import { and, desc, eq, gt, lt, sql } from 'drizzle-orm';
import type { Database } from '../database.ts';
import { signInFailures } from '../schema.ts';

/**
 * Records an attempt as a failure before its password is checked, unless `limit` failures for this
 * e-mail and client are recorded since `since`: count and insert are one statement, so attempts
 * sent at the same moment cannot all pass the count before any of them is recorded. Returns the
 * new row's id (delete it if the attempt succeeds), or undefined when the limit is reached.
 */
export async function reserveSignInAttempt(
  db: Database,
  attempt: { email: string; client: string; at: Date; since: Date; limit: number },
): Promise<number | undefined> {
  const { email, client, at, since, limit } = attempt;
  const [row] = await db.all<{ id: number }>(sql`
    INSERT INTO ${signInFailures} (email, client, at)
    SELECT ${email}, ${client}, ${at.getTime()}
    WHERE (
      SELECT count(*) FROM ${signInFailures}
      WHERE email = ${email} AND client = ${client} AND at > ${since.getTime()}
    ) < ${limit}
    RETURNING id`);
  return row?.id;
}

/** Takes back a reserved attempt that turned out to be a success. */
export async function forgetSignInAttempt(db: Database, id: number): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.id, id));
}

/** The times of the most recent failures for this e-mail and client since `since`, newest first. */
export async function recentSignInFailures(
  db: Database,
  email: string,
  client: string,
  since: Date,
  limit: number,
): Promise<Date[]> {
  const rows = await db
    .select({ at: signInFailures.at })
    .from(signInFailures)
    .where(
      and(eq(signInFailures.email, email), eq(signInFailures.client, client), gt(signInFailures.at, since)),
    )
    .orderBy(desc(signInFailures.at))
    .limit(limit);
  return rows.map((r) => r.at);
}

export async function pruneSignInFailures(db: Database, before: Date): Promise<number> {
  const gone = await db
    .delete(signInFailures)
    .where(lt(signInFailures.at, before))
    .returning({ id: signInFailures.id });
  return gone.length;
}
