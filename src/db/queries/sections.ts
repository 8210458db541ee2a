// Section queries: by slug, and all of them in their display order.
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../database.ts';
import { type Section, sections } from '../schema.ts';

export async function findSectionBySlug(db: Database, slug: string): Promise<Section | undefined> {
  const [row] = await db.select().from(sections).where(eq(sections.slug, slug));
  return row;
}

export async function listSections(db: Database): Promise<Section[]> {
  return db.select().from(sections).orderBy(asc(sections.position), asc(sections.name));
}

/** Every section's slug. */
export async function listSectionSlugs(db: Database): Promise<string[]> {
  return (await db.select({ slug: sections.slug }).from(sections)).map((r) => r.slug);
}
