// Catalogue size: whether a database holds any content yet (the demo is seeded only into an empty one).
import { count } from 'drizzle-orm';
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
