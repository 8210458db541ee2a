// Failed sign-ins: recorded per e-mail and client address, counted for throttling, pruned after a day.
import { and, desc, eq, gt, lt } from 'drizzle-orm';
import type { Database } from '../database.ts';
import { signInFailures } from '../schema.ts';

export async function recordSignInFailure(db: Database, email: string, client: string, at: Date) {
  await db.insert(signInFailures).values({ email, client, at });
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
