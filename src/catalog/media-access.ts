// What a request for /media/<version>/<key> may be given: the asset, whether the public may have it, or where it went.
import type { Database } from '../db/database.ts';
import { findAssetByKey, isAssetPublic } from '../db/queries/media-assets.ts';
import type { MediaAsset } from '../db/schema.ts';

export type { MediaAsset };

import { lookupMoved } from './editor/routing-records.ts';

export type MediaLookup =
  | { readonly found: true; readonly asset: MediaAsset; readonly isPublic: boolean }
  | { readonly found: false; readonly redirect?: string; readonly gone?: boolean };

/**
 * The asset recorded under `key`. When none is, where its URL (`path`) went: replaced media
 * redirects to the file that replaced it, deleted media is gone. Only records are ever served: a
 * file in the store without one is not.
 */
export async function lookupMedia(
  db: Database,
  key: string,
  path: string,
  now: Date,
  memo: <T>(key: string, load: () => Promise<T>) => Promise<T>,
  versionTag: string,
): Promise<MediaLookup> {
  const asset = await findAssetByKey(db, key);
  if (!asset) return { found: false, ...(await lookupMoved(db, path)) };
  // Remembered per catalogue version (which moves when a scheduled item goes live): no extra
  // query on the busy path of a published episode's downloads.
  const isPublic = await memo(`media-public\n${asset.id}\n${versionTag}`, () =>
    isAssetPublic(db, asset.id, now),
  );
  return { found: true, asset, isPublic };
}
