// readCatalogVersion: one cheap read that says whether anything public changed, and when it last did.
import { sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';

export interface CatalogVersion {
  /** Changes whenever the catalogue changes or a scheduled item goes live. */
  readonly tag: string;
  /** The write counter alone (raised by every change, never by the clock). */
  readonly revision: number;
  /** Latest data time (edits, publications that have come, storage, deletions): never the clock. */
  readonly lastModified: Date;
}

interface VersionRow {
  revision: number | null;
  articlesLive: number | null;
  episodesLive: number | null;
  latest: number | null;
}

/**
 * The revision counter (kept by triggers, drizzle/0001) catches every write; the newest publication
 * time that has come catches scheduled items going live, with no job and no restart.
 */
export async function readCatalogVersion(db: Database, now: Date): Promise<CatalogVersion> {
  const at = now.getTime();
  const live = `status IN ('published', 'scheduled') AND published_at <= ${at}`;
  const [row] = await db.all<VersionRow>(
    sql.raw(`SELECT
      (SELECT revision FROM catalog_state WHERE id = 1) AS revision,
      (SELECT max(published_at) FROM articles WHERE ${live}) AS articlesLive,
      (SELECT max(published_at) FROM episodes WHERE ${live}) AS episodesLive,
      max(
        coalesce((SELECT max(updated_at) FROM articles), 0),
        coalesce((SELECT max(updated_at) FROM episodes), 0),
        coalesce((SELECT max(updated_at) FROM shows), 0),
        coalesce((SELECT max(updated_at) FROM sections), 0),
        coalesce((SELECT max(created_at) FROM media_assets), 0),
        coalesce((SELECT max(gone_at) FROM gone_paths), 0),
        coalesce((SELECT max(created_at) FROM redirects), 0)
      ) AS latest`),
  );
  const articlesLive = Number(row?.articlesLive ?? 0);
  const episodesLive = Number(row?.episodesLive ?? 0);
  // Never later than now, whatever clock wrote the rows.
  const latest = Math.min(Math.max(Number(row?.latest ?? 0), articlesLive, episodesLive), at);
  return {
    tag: `${row?.revision ?? 0}.${articlesLive}.${episodesLive}`,
    revision: Number(row?.revision ?? 0),
    lastModified: new Date(Math.floor(latest / 1000) * 1000),
  };
}

/**
 * The next moment something already scheduled goes live (an article or episode whose publication
 * time is still ahead), or null: what a stored rendering is good until.
 */
export async function nextScheduledTime(db: Database, now: Date): Promise<Date | null> {
  const at = now.getTime();
  const upcoming = `status IN ('published', 'scheduled') AND published_at > ${at}`;
  const [row] = await db.all<{ next: number | null }>(
    sql.raw(`SELECT min(
      coalesce((SELECT min(published_at) FROM articles WHERE ${upcoming}), 9e18),
      coalesce((SELECT min(published_at) FROM episodes WHERE ${upcoming}), 9e18)
    ) AS next`),
  );
  const next = Number(row?.next ?? 9e18);
  return next >= 9e18 ? null : new Date(next);
}
