// Media asset records: find by key, insert or update after probing, and whether the public may fetch one.
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../database.ts';
import {
  articles,
  episodeAlternates,
  episodes,
  type MediaAsset,
  mediaAssets,
  type NewMediaAsset,
  shows,
} from '../schema.ts';
import { isLive } from './visibility.ts';

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

/**
 * Whether anyone may fetch asset `id` now: it is a show's artwork, or belongs to an episode or
 * article that is live (the one visibility rule). A draft's audio is not public until it is.
 */
export async function isAssetPublic(db: Database, id: number, now: Date): Promise<boolean> {
  const [row] = await db.all<{ public: number }>(sql`SELECT (
      EXISTS (SELECT 1 FROM ${shows} WHERE ${shows.artworkAssetId} = ${id})
      OR EXISTS (SELECT 1 FROM ${episodes} WHERE (${episodes.audioAssetId} = ${id} OR ${episodes.imageAssetId} = ${id}
        OR ${episodes.transcriptAssetId} = ${id} OR ${episodes.chaptersAssetId} = ${id}) AND ${isLive(episodes, now)})
      OR EXISTS (SELECT 1 FROM ${episodeAlternates} JOIN ${episodes} ON ${episodes.id} = ${episodeAlternates.episodeId}
        WHERE ${episodeAlternates.assetId} = ${id} AND ${isLive(episodes, now)})
      OR EXISTS (SELECT 1 FROM ${articles} WHERE ${articles.imageAssetId} = ${id} AND ${isLive(articles, now)})
    ) AS public`);
  return Number(row?.public ?? 0) === 1;
}
