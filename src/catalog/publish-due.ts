// publishDueItems: turn scheduled articles and episodes whose time has come into published ones.
import { and, eq, lte, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { insertAuditStatementPerRow } from '../db/queries/audit-events.ts';
import { articles, episodes } from '../db/schema.ts';

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
  const dueArticles = due(articles, now);
  const dueEpisodes = due(episodes, now);
  const [, , a, e] = await db.batch([
    // First, in the same batch: each item's history says it went live (read before the updates below).
    insertAuditStatementPerRow(db, wentLive(now, 'article'), articles, dueArticles),
    insertAuditStatementPerRow(db, wentLive(now, 'episode'), episodes, dueEpisodes),
    db
      .update(articles)
      .set({ status: 'published', version: sql`${articles.version} + 1` })
      .where(dueArticles)
      .returning({ id: articles.id }),
    db
      .update(episodes)
      .set({ status: 'published', version: sql`${episodes.version} + 1` })
      .where(dueEpisodes)
      .returning({ id: episodes.id }),
  ]);
  return { articles: a.length, episodes: e.length };
}

/** Scheduled items of `table` whose time has come by `now`. */
const due = (table: typeof articles | typeof episodes, now: Date): SQL =>
  and(eq(table.status, 'scheduled'), lte(table.publishedAt, now)) as SQL;

/** The history row of an item the schedule published. */
const wentLive = (now: Date, entity: 'article' | 'episode') => ({
  at: now,
  userId: null,
  actor: SCHEDULE_ACTOR,
  entity,
  action: 'publish',
  summary: 'went live as scheduled',
});
