// Media asset records: find by key, insert or update after probing.
import { eq } from 'drizzle-orm';
import type { Database } from '../database.ts';
import { type MediaAsset, mediaAssets, type NewMediaAsset } from '../schema.ts';

export async function findAssetByKey(db: Database, key: string): Promise<MediaAsset | undefined> {
  const [row] = await db.select().from(mediaAssets).where(eq(mediaAssets.key, key));
  return row;
}

/** Inserts the record, or replaces the facts of the one with the same key (the id stays). */
export async function upsertAsset(db: Database, values: Omit<NewMediaAsset, 'id'>): Promise<MediaAsset> {
  const { key: _key, ...facts } = values;
  const [row] = await db
    .insert(mediaAssets)
    .values(values)
    .onConflictDoUpdate({ target: mediaAssets.key, set: facts })
    .returning();
  if (!row) throw new Error(`upsert of media asset ${values.key} returned no row`);
  return row;
}
