// Show queries: one show by slug (with its artwork), and every show for OPML and listings.
import { asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../database.ts';
import { type MediaAsset, mediaAssets, type Show, shows } from '../schema.ts';

export interface ShowWithArtwork {
  readonly show: Show;
  readonly artwork: MediaAsset | null;
}

export async function findShowBySlug(db: Database, slug: string): Promise<ShowWithArtwork | undefined> {
  const [row] = await db
    .select({ show: shows, artwork: mediaAssets })
    .from(shows)
    .leftJoin(mediaAssets, eq(mediaAssets.id, shows.artworkAssetId))
    .where(eq(shows.slug, slug));
  return row;
}

export async function listShows(db: Database): Promise<ShowWithArtwork[]> {
  return db
    .select({ show: shows, artwork: mediaAssets })
    .from(shows)
    .leftJoin(mediaAssets, eq(mediaAssets.id, shows.artworkAssetId))
    .orderBy(asc(shows.title), asc(shows.id));
}

/** Slugs of the shows with these ids (all shows when `ids` is undefined). */
export async function listShowSlugs(db: Database, ids?: readonly number[]): Promise<string[]> {
  if (ids !== undefined && ids.length === 0) return [];
  const rows = await db
    .select({ slug: shows.slug })
    .from(shows)
    .where(ids === undefined ? undefined : inArray(shows.id, [...ids]));
  return rows.map((r) => r.slug);
}
