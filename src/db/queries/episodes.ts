// Episode queries: a show's live episodes with every asset a feed needs, in as few statements as possible.
import { and, asc, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Database } from '../database.ts';
import { type Episode, episodeAlternates, episodes, type MediaAsset, mediaAssets } from '../schema.ts';
import { isLive } from './visibility.ts';

export interface EpisodeWithAssets {
  readonly episode: Episode;
  readonly audio: MediaAsset;
  readonly image: MediaAsset | null;
  readonly transcript: MediaAsset | null;
  readonly chapters: MediaAsset | null;
}

export interface AlternateAsset {
  readonly episodeId: number;
  readonly position: number;
  readonly title: string;
  readonly asset: MediaAsset;
}

const image = alias(mediaAssets, 'image');
const transcript = alias(mediaAssets, 'transcript');
const chapters = alias(mediaAssets, 'chapters');

/** Every live episode of a show, newest first (ties by id, so the order is stable). */
export async function liveEpisodesOfShow(
  db: Database,
  showId: number,
  now: Date,
): Promise<EpisodeWithAssets[]> {
  return db
    .select({ episode: episodes, audio: mediaAssets, image, transcript, chapters })
    .from(episodes)
    .innerJoin(mediaAssets, eq(mediaAssets.id, episodes.audioAssetId))
    .leftJoin(image, eq(image.id, episodes.imageAssetId))
    .leftJoin(transcript, eq(transcript.id, episodes.transcriptAssetId))
    .leftJoin(chapters, eq(chapters.id, episodes.chaptersAssetId))
    .where(and(eq(episodes.showId, showId), isLive(episodes, now)))
    .orderBy(desc(episodes.publishedAt), desc(episodes.id));
}

/** The alternate encodings of every episode of a show, grouped by episode id, in position order. */
export async function alternatesOfShow(db: Database, showId: number): Promise<Map<number, AlternateAsset[]>> {
  const rows = await db
    .select({
      episodeId: episodeAlternates.episodeId,
      position: episodeAlternates.position,
      title: episodeAlternates.title,
      asset: mediaAssets,
    })
    .from(episodeAlternates)
    .innerJoin(episodes, eq(episodes.id, episodeAlternates.episodeId))
    .innerJoin(mediaAssets, eq(mediaAssets.id, episodeAlternates.assetId))
    .where(eq(episodes.showId, showId))
    .orderBy(asc(episodeAlternates.episodeId), asc(episodeAlternates.position));
  const grouped = new Map<number, AlternateAsset[]>();
  for (const row of rows) {
    const list = grouped.get(row.episodeId) ?? [];
    list.push(row);
    grouped.set(row.episodeId, list);
  }
  return grouped;
}
