// Finishing a tus upload: name its file by its content, make it an object atomically, probe it, record the asset.
import { MAX_IMAGE_BYTES } from '../../audio/probe-image.ts';
import { type TusUpload, tusFinishedStatement, tusStateOf } from '../../db/queries/tus-uploads.ts';
import type { MediaAsset } from '../../db/schema.ts';
import { PayloadTooLargeError, UnsupportedMediaError } from '../../errors.ts';
import type { RandomAccessReader } from '../../media-store/media-store.ts';
import { audioSniffLength } from '../editor/upload-body.ts';
import {
  audioExtension,
  imageExtension,
  isImageKey,
  type ProbedFacts,
  probeStoredAudio,
  probeStoredImage,
} from '../editor/upload-facts.ts';
import { assetByKey, publishUpload } from '../editor/uploads.ts';
import { closeUpload, journalUpload } from '../media-journal.ts';
import type { TusContext } from './tus-records.ts';

/** A file name made safe for a key: lower-case letters, digits and hyphens, without its extension. */
function stemOf(filename: string | undefined): string {
  const stem = (filename ?? '')
    .replace(/\.[^.]*$/, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return stem || 'upload';
}

/**
 * The key an upload's file gets, `uploads/<name>-<8 hex>.<extension>`: the name from the client's
 * `filename` metadata, the extension from the content (audio by its container, images by their
 * signature), never from the name or declared type. Anything else is refused (415), and so is an
 * image larger than podwire measures (413).
 */
export async function pickUploadKey(upload: TusUpload, head: RandomAccessReader): Promise<string> {
  const first = await head.read(0, Math.min(head.size, 10));
  const bytes = await head.read(0, Math.min(head.size, audioSniffLength(first)));
  let extension = imageExtension(bytes);
  if (extension !== undefined && upload.length > MAX_IMAGE_BYTES) {
    throw new PayloadTooLargeError(
      `the upload is an image of ${upload.length} bytes; images may have at most ${MAX_IMAGE_BYTES}`,
    );
  }
  if (extension === undefined) {
    try {
      extension = await audioExtension(bytes);
    } catch (error) {
      if (!(error instanceof UnsupportedMediaError)) throw error;
      throw new UnsupportedMediaError(
        `the upload is neither audio nor a JPEG, PNG or WebP image: it is ${error.message}`,
        { context: error.context, cause: error },
      );
    }
  }
  const suffix = crypto.randomUUID().slice(0, 8);
  return `uploads/${stemOf(upload.metadata.filename)}-${suffix}.${extension}`;
}

/**
 * Turns the complete staged bytes of `upload` (whose lease `token` the caller holds) into a probed,
 * recorded media asset, as a raw upload is: the key journalled before the file appears, the file
 * removed again if probing refuses it, and the asset recorded with the upload marked finished in
 * one batch. The upload then stays (for GET and attaching) until it expires.
 */
export async function finishUpload(ctx: TusContext, upload: TusUpload, token: string): Promise<MediaAsset> {
  const stored = await ctx.media.staging.complete(
    { id: upload.id, size: upload.length, state: tusStateOf(upload).store },
    {
      pick: (head) => pickUploadKey(upload, head),
      beforeCommit: (key) => journalUpload(ctx.db, key, ctx.instance, ctx.clock()),
    },
  );
  let facts: ProbedFacts;
  try {
    facts = isImageKey(stored.key)
      ? await probeStoredImage(ctx.media, stored.key)
      : await probeStoredAudio(ctx.media, stored.key);
  } catch (error) {
    await ctx.media.delete(stored.key).catch(() => {});
    await closeUpload(ctx.db, stored.key).catch(() => {});
    throw error;
  }
  const now = ctx.clock();
  const expiresAt = new Date(now.getTime() + ctx.expiryMs);
  await publishUpload(
    ctx,
    {
      ...facts,
      key: stored.key,
      sha256: stored.sha256,
      sizeBytes: stored.size,
      probedAt: now,
      createdAt: now,
    },
    null,
    (assetId) => [tusFinishedStatement(ctx.db, upload.id, token, assetId, expiresAt)],
  );
  const asset = await assetByKey(ctx, stored.key);
  if (!asset) throw new Error(`the asset of upload ${upload.id} was not recorded`);
  return asset;
}
