// What refers to a media asset: every column that points at media_assets, in one predicate.
import { type SQL, sql } from 'drizzle-orm';

/**
 * True when no show, article, episode, alternate or finished tus upload (until it is attached or
 * expires) uses asset `id` (a number, or a subquery giving one). Image, transcript and chapters columns are ON DELETE SET NULL, so a delete must check them
 * here rather than rely on the foreign key.
 */
export function assetUnreferenced(id: number | SQL): SQL {
  return sql`NOT EXISTS (SELECT 1 FROM episodes WHERE audio_asset_id = ${id} OR image_asset_id = ${id}
      OR transcript_asset_id = ${id} OR chapters_asset_id = ${id})
    AND NOT EXISTS (SELECT 1 FROM episode_alternates WHERE asset_id = ${id})
    AND NOT EXISTS (SELECT 1 FROM shows WHERE artwork_asset_id = ${id})
    AND NOT EXISTS (SELECT 1 FROM articles WHERE image_asset_id = ${id})
    AND NOT EXISTS (SELECT 1 FROM tus_uploads WHERE asset_id = ${id})`;
}
