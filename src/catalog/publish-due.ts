// publishDueItems: turn scheduled articles and episodes whose time has come into published ones.
import { and, eq, lte, sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { articles, episodes } from '../db/schema.ts';

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
  const [a, e] = await db.batch([
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
