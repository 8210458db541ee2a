// Media URLs: content-addressed, so replaced audio gets a new URL and old ones can be cached forever.
import type { MediaAsset } from '../db/schema.ts';

/** Hex digits of the SHA-256 that version a media URL. */
export const MEDIA_VERSION_LENGTH = 16;

/** `/media/<first 16 hex of SHA-256>/<key>`: the path ends with the file's real name and extension. */
export function mediaPath(asset: Pick<MediaAsset, 'key' | 'sha256'>): string {
  const key = asset.key.split('/').map(encodeURIComponent).join('/');
  return `/media/${asset.sha256.slice(0, MEDIA_VERSION_LENGTH)}/${key}`;
}

/** The absolute URL of an asset under `baseUrl` (which may carry a path prefix). */
export function mediaUrl(baseUrl: string, asset: Pick<MediaAsset, 'key' | 'sha256'>): string {
  return `${baseUrl}${mediaPath(asset)}`;
}

/** A strong entity tag from the content hash: the same bytes have the same tag on every store and run. */
export function mediaEtag(asset: Pick<MediaAsset, 'sha256'>): string {
  return `"${asset.sha256.slice(0, 32)}"`;
}
