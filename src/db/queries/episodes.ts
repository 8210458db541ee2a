// Episode queries: a show's live episodes with every asset a feed needs, in as few statements as possible.
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Database } from '../database.ts';
import {
  type Episode,
  episodeAlternates,
  episodes,
  type MediaAsset,
  mediaAssets,
  type Show,
} from '../schema.ts';
import { findShowBySlug } from './shows.ts';
import { isLive } from './visibility.ts';

/** The facts of an audio file that a feed item needs. */
export type FeedAudio = Pick<
  MediaAsset,
  | 'id'
  | 'key'
  | 'sha256'
  | 'mimeType'
  | 'sizeBytes'
  | 'durationSeconds'
  | 'bitrate'
  | 'chapters'
  | 'createdAt'
>;

export interface EpisodeWithAssets {
  readonly episode: Episode;
  readonly audio: FeedAudio;
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

const feedAudio = {
  id: mediaAssets.id,
  key: mediaAssets.key,
  sha256: mediaAssets.sha256,
  mimeType: mediaAssets.mimeType,
  sizeBytes: mediaAssets.sizeBytes,
  durationSeconds: mediaAssets.durationSeconds,
  bitrate: mediaAssets.bitrate,
  chapters: mediaAssets.chapters,
  createdAt: mediaAssets.createdAt,
};

/** Every live episode of a show, newest first (ties by id, so the order is stable). */
export function liveEpisodesOfShow(db: Database, showId: number, now: Date): Promise<EpisodeWithAssets[]> {
  return episodesWithAssets(db, and(eq(episodes.showId, showId), isLive(episodes, now)) as SQL);
}

/**
 * The episodes `where` selects, newest first, with their assets.
 *
 * Two statements rather than one five-way join: episode artwork, transcripts and chapter documents are
 * rare, and mapping three mostly-null asset rows per episode was most of a feed's uncached cost on D1.
 */
async function episodesWithAssets(db: Database, where: SQL): Promise<EpisodeWithAssets[]> {
  const rows = await db
    .select({ episode: episodes, audio: feedAudio })
    .from(episodes)
    .innerJoin(mediaAssets, eq(mediaAssets.id, episodes.audioAssetId))
    .where(where)
    .orderBy(desc(episodes.publishedAt), desc(episodes.id));
  const wanted = rows.some(
    ({ episode }) => episode.imageAssetId ?? episode.transcriptAssetId ?? episode.chaptersAssetId,
  );
  const extras = new Map<number, MediaAsset>();
  if (wanted) {
    // One statement whatever the number of ids (D1 binds at most 100 parameters).
    const referenced = (column: SQLiteColumn) =>
      db
        .select({ id: sql<number>`coalesce(${column}, -1)` })
        .from(episodes)
        .where(where);
    const ids = referenced(episodes.imageAssetId)
      .union(referenced(episodes.transcriptAssetId))
      .union(referenced(episodes.chaptersAssetId));
    for (const asset of await db.select().from(mediaAssets).where(inArray(mediaAssets.id, ids))) {
      extras.set(asset.id, asset);
    }
  }
  const extra = (id: number | null) => (id === null ? null : (extras.get(id) ?? null));
  return rows.map(({ episode, audio }) => ({
    episode,
    audio,
    image: extra(episode.imageAssetId),
    transcript: extra(episode.transcriptAssetId),
    chapters: extra(episode.chaptersAssetId),
  }));
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

export interface LiveEpisode extends EpisodeWithAssets {
  readonly show: Show;
  readonly artwork: MediaAsset | null;
}

/** One live episode of a show, by slugs, with its show and every asset a page shows. */
export async function findLiveEpisode(
  db: Database,
  showSlug: string,
  episodeSlug: string,
  now: Date,
): Promise<LiveEpisode | undefined> {
  const found = await findShowBySlug(db, showSlug);
  if (!found) return undefined;
  const [row] = await episodesWithAssets(
    db,
    and(eq(episodes.showId, found.show.id), eq(episodes.slug, episodeSlug), isLive(episodes, now)) as SQL,
  );
  return row && { ...row, show: found.show, artwork: found.artwork };
}
