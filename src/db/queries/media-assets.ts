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
 * article that is live (the one visibility rule). A draft's audio is not public until it is. The
 * audio, transcripts and chapters of a subscribers-only show go only to private feeds (its
 * episodes' images stay public: pages show them).
 */
export async function isAssetPublic(db: Database, id: number, now: Date): Promise<boolean> {
  const [row] = await db.all<{ public: number }>(sql`SELECT (
      EXISTS (SELECT 1 FROM ${shows} WHERE ${shows.artworkAssetId} = ${id})
      OR EXISTS (SELECT 1 FROM ${episodes} WHERE ${episodes.imageAssetId} = ${id} AND ${isLive(episodes, now)})
      OR EXISTS (SELECT 1 FROM ${episodes} JOIN ${shows} ON ${shows.id} = ${episodes.showId}
        WHERE (${episodes.audioAssetId} = ${id} OR ${episodes.transcriptAssetId} = ${id} OR ${episodes.chaptersAssetId} = ${id})
        AND ${isLive(episodes, now)} AND ${shows.access} = 'public')
      OR EXISTS (SELECT 1 FROM ${episodeAlternates} JOIN ${episodes} ON ${episodes.id} = ${episodeAlternates.episodeId}
        JOIN ${shows} ON ${shows.id} = ${episodes.showId}
        WHERE ${episodeAlternates.assetId} = ${id} AND ${isLive(episodes, now)} AND ${shows.access} = 'public')
      OR EXISTS (SELECT 1 FROM ${articles} WHERE ${articles.imageAssetId} = ${id} AND ${isLive(articles, now)})
    ) AS public`);
  return Number(row?.public ?? 0) === 1;
}

/**
 * Whether a subscriber of show `showId` may fetch asset `id` through their private feed: the
 * show's artwork, or a file of one of its live episodes (whatever the show's access).
 */
export async function isAssetOfShow(db: Database, id: number, showId: number, now: Date): Promise<boolean> {
  const [row] = await db.all<{ ok: number }>(sql`SELECT (
      EXISTS (SELECT 1 FROM ${shows} WHERE ${shows.id} = ${showId} AND ${shows.artworkAssetId} = ${id})
      OR EXISTS (SELECT 1 FROM ${episodes} WHERE ${episodes.showId} = ${showId} AND (${episodes.audioAssetId} = ${id}
        OR ${episodes.imageAssetId} = ${id} OR ${episodes.transcriptAssetId} = ${id} OR ${episodes.chaptersAssetId} = ${id})
        AND ${isLive(episodes, now)})
      OR EXISTS (SELECT 1 FROM ${episodeAlternates} JOIN ${episodes} ON ${episodes.id} = ${episodeAlternates.episodeId}
        WHERE ${episodes.showId} = ${showId} AND ${episodeAlternates.assetId} = ${id} AND ${isLive(episodes, now)})
    ) AS ok`);
  return Number(row?.ok ?? 0) === 1;
}
