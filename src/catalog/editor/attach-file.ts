// attachFile: gives an episode, show or article a file, sent in the request or stored by a finished tus upload, in one atomic batch.
import { eq, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { type MediaAsset, mediaAssets } from '../../db/schema.ts';
import { MediaError, UnsupportedMediaError } from '../../errors.ts';
import { releaseAssetStatements, SUPERSEDED_GRACE_MS } from '../media-journal.ts';
import { mediaPath } from '../media-url.ts';
import { guarded } from './constraint-errors.ts';
import { redirectStatements } from './routing-records.ts';
import {
  artworkProblem,
  publishUpload,
  storeUpload,
  type Upload,
  type UploadContext,
  type UploadKind,
} from './uploads.ts';

/** Where a file comes from: the request's body, or the asset a finished tus upload stored. */
export type FileSource = Upload | { readonly asset: MediaAsset };

/** How the record that gets the file points at it, in the slot being written. */
export interface FileOwner {
  /** Statements that set the slot to `assetId` where it still holds the file it held when read. */
  point(assetId: SQL<number>): BatchItem<'sqlite'>[];
  /** SQL, true when the slot now holds asset `assetId`. */
  holds(assetId: number): SQL;
  /**
   * More statements for the same batch, made from the stored file before it is recorded (the
   * search index's copy of a transcript's words), so they commit or fail with the file's record.
   */
  derived?(asset: Pick<MediaAsset, 'key' | 'mimeType' | 'sizeBytes'>): Promise<BatchItem<'sqlite'>[]>;
}

/**
 * Gives `owner` the file from `source` in place of `current`: a body is stored and probed first
 * (storeUpload, publishUpload); a finished upload's asset is checked for the slot's kind and used as
 * it is, without copying bytes. Either way the same bytes again change nothing, the replaced file's
 * URL redirects to the new one, and an owner deleted or given another file meanwhile makes it a 409.
 */
export async function attachFile(
  ctx: UploadContext,
  source: FileSource,
  kind: UploadKind,
  keyBase: string,
  current: MediaAsset | null,
  owner: FileOwner,
): Promise<{ changed: boolean }> {
  if (!('asset' in source)) {
    const stored = await storeUpload(ctx, source, kind, keyBase);
    const derived = (await owner.derived?.(stored)) ?? [];
    return publishUpload(ctx, stored, current, (assetId) => [...owner.point(assetId), ...derived]);
  }
  const { asset } = source;
  assertFits(asset, kind);
  if (
    current &&
    (current.id === asset.id || (current.sha256 === asset.sha256 && current.sizeBytes === asset.sizeBytes))
  ) {
    return { changed: false };
  }
  const release = current
    ? [
        ...redirectStatements(ctx.db, mediaPath(current), mediaPath(asset), ctx.now),
        ...releaseAssetStatements(ctx.db, current, new Date(ctx.now.getTime() + SUPERSEDED_GRACE_MS)),
      ]
    : [];
  const derived = (await owner.derived?.(asset)) ?? [];
  const [first, ...more] = owner.point(sql<number>`${asset.id}`);
  if (!first) throw new Error('a file owner must point at the file');
  await guarded(() =>
    ctx.db.batch([
      first,
      ...more,
      ...derived,
      // The owner was deleted or given another file meanwhile when its slot does not hold the asset
      // now: this NULL (refused by NOT NULL) rolls the batch back, translated to 409.
      ctx.db
        .update(mediaAssets)
        .set({ sha256: sql`CASE WHEN ${owner.holds(asset.id)} THEN ${mediaAssets.sha256} ELSE NULL END` })
        .where(eq(mediaAssets.id, asset.id)),
      ...release,
    ]),
  );
  return { changed: true };
}

/** A finished upload's asset must be what the slot takes: audio, an image, or Apple-ready artwork. */
function assertFits(asset: MediaAsset, kind: UploadKind): void {
  const audio = asset.mimeType.startsWith('audio/');
  const image = asset.mimeType.startsWith('image/');
  if (kind === 'audio' && !audio) {
    throw new UnsupportedMediaError(`the upload is ${asset.mimeType}, not audio`);
  }
  if ((kind === 'image' || kind === 'artwork') && !image) {
    throw new UnsupportedMediaError(`the upload is ${asset.mimeType}, not an image`);
  }
  if (kind !== 'audio' && kind !== 'image' && kind !== 'artwork') {
    throw new UnsupportedMediaError(
      'uploads hold audio and images: send a transcript or chapters file as the body',
    );
  }
  if (kind === 'artwork') {
    const problem = artworkProblem(asset.mimeType, asset.width ?? 0, asset.height ?? 0);
    if (problem) throw new MediaError(problem, { context: { width: asset.width, height: asset.height } });
  }
}
