// publishDueItems: turn scheduled articles and episodes whose time has come into published ones.
import { and, eq, lte, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { articles, auditEvents, episodes } from '../db/schema.ts';

/** Who the audit trail names for a publication the schedule made (no person acted then). */
export const SCHEDULE_ACTOR = 'the schedule';

export interface DueReport {
  readonly articles: number;
  readonly episodes: number;
}

/**
 * Scheduled items are already visible once their time comes (visibility is decided per request);
 * this makes it a recorded publication: the status says so, editors see it in the API, and the
 * catalogue revision moves, so every cache (in-process, edge) renews. Run by the Worker's cron
 * trigger and by a timer on Node. Idempotent.
 */
export async function publishDueItems(db: Database, now: Date): Promise<DueReport> {
  const [, , a, e] = await db.batch([
    // First, in the same batch: each item's history says it went live (read before the updates below).
    wentLive(db, 'article', articles, now),
    wentLive(db, 'episode', episodes, now),
    db
      .update(articles)
      .set({ status: 'published', version: sql`${articles.version} + 1` })
      .where(and(eq(articles.status, 'scheduled'), lte(articles.publishedAt, now)))
      .returning({ id: articles.id }),
    db
      .update(episodes)
      .set({ status: 'published', version: sql`${episodes.version} + 1` })
      .where(and(eq(episodes.status, 'scheduled'), lte(episodes.publishedAt, now)))
      .returning({ id: episodes.id }),
  ]);
  return { articles: a.length, episodes: e.length };
}

/**
 * One audit row per scheduled item of `table` whose time has come: INSERT ... SELECT through the
 * query builder (D1 batches it with parameters). Columns in table order: id, at, user_id, actor,
 * entity, entity_id, action, summary.
 */
function wentLive(db: Database, entity: string, table: typeof articles | typeof episodes, now: Date) {
  const due: SQL = and(eq(table.status, 'scheduled'), lte(table.publishedAt, now)) as SQL;
  return db.insert(auditEvents).select(
    sql`SELECT NULL, ${now.getTime()}, NULL, ${SCHEDULE_ACTOR}, ${entity}, ${table.id}, 'publish',
      'went live as scheduled' FROM ${table} WHERE ${due}`,
  );
}
