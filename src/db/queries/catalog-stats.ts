// Catalogue size and liveness: whether a database holds any content yet (the demo is seeded only into an empty one), whether it answers.
import { count, sql } from 'drizzle-orm';
import type { Database } from '../database.ts';
import { articles, episodes, sections, shows } from '../schema.ts';

export async function isCatalogEmpty(db: Database): Promise<boolean> {
  const [a, s, e, sec] = await Promise.all([
    db.select({ n: count() }).from(articles),
    db.select({ n: count() }).from(shows),
    db.select({ n: count() }).from(episodes),
    db.select({ n: count() }).from(sections),
  ]);
  return [a, s, e, sec].every((rows) => (rows[0]?.n ?? 0) === 0);
}

/** A trivial query: throws when the database does not answer (health checks). */
export async function pingDatabase(db: Database): Promise<void> {
  await db.run(sql`SELECT 1`);
}
