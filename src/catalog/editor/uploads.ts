// Uploads: stream a file into the media store, check what it is by its content, probe it, and publish it atomically.
import { eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { type DocumentKind, MAX_DOCUMENT_BYTES, probeDocument } from '../../audio/probe-document.ts';
import { MAX_IMAGE_BYTES, probeImage } from '../../audio/probe-image.ts';
import { assetUnreferenced } from '../../db/queries/media-references.ts';
import { type MediaAsset, mediaAssets, type NewMediaAsset } from '../../db/schema.ts';
import { MediaError, PayloadTooLargeError, ValidationError } from '../../errors.ts';
import { bytesReader } from '../../media-store/bytes-reader.ts';
import type { MediaStore } from '../../media-store/media-store.ts';
import {
  closeUpload,
  journalUpload,
  releaseAssetStatements,
  SUPERSEDED_GRACE_MS,
  uploadCommitted,
} from '../media-journal.ts';
import { mediaPath } from '../media-url.ts';
import { translateConstraintError } from './constraint-errors.ts';
import type { EditorContext } from './context.ts';
import { redirectStatements } from './routing-records.ts';
import { audioSniffLength, readUploadStart } from './upload-body.ts';
import {
  audioExtension,
  DOCUMENT_EXTENSION,
  IMAGE_EXTENSION,
  type ProbedFacts,
  probeStoredAudio,
} from './upload-facts.ts';

export interface UploadContext extends EditorContext {
  readonly media: MediaStore;
  /** Largest upload accepted, in bytes (MAX_UPLOAD_BYTES). */
  readonly maxUploadBytes: number;
  /** Who stores the upload, for the media journal (see AppDeps.instance). */
  readonly instance: string;
}

export type UploadKind = 'audio' | 'image' | 'artwork' | DocumentKind;

export interface Upload {
  readonly body: ReadableStream<Uint8Array> | null;
  /** Content-Length, when the client sent one: a body announced as too large is refused unread. */
  readonly declaredLength?: number;
}

/** `<keyBase>-<8 hex>.<ext>`: a fresh key for every upload, so a URL never changes meaning. */
function uploadKey(keyBase: string, extension: string): string {
  return `${keyBase}-${crypto.randomUUID().slice(0, 8)}.${extension}`;
}

/** Whether `key` has the shape of a key an upload makes (under shows/ or articles/, or uploads/ for tus). */
export function isUploadKey(key: string): boolean {
  return /^(?:shows|articles|uploads)\/.+-[0-9a-f]{8}\.[a-z0-9.]+$/.test(key);
}

/** Apple Podcasts artwork: JPEG or PNG, square, 1400 to 3000 pixels a side. */
export function artworkProblem(mimeType: string, width: number, height: number): string | undefined {
  const problems: string[] = [];
  if (mimeType !== 'image/jpeg' && mimeType !== 'image/png')
    problems.push(`it is ${mimeType}, not JPEG or PNG`);
  if (width !== height) problems.push(`it is ${width}×${height}, not square`);
  if (Math.min(width, height) < 1400 || Math.max(width, height) > 3000) {
    problems.push(`it is ${width}×${height}, outside 1400–3000 pixels`);
  }
  return problems.length === 0
    ? undefined
    : `Apple Podcasts needs square JPEG or PNG artwork of 1400×1400 to 3000×3000 pixels: ${problems.join('; ')}`;
}

function sizeLimitFor(kind: UploadKind, max: number): number {
  if (kind === 'image' || kind === 'artwork') return Math.min(max, MAX_IMAGE_BYTES);
  if (kind === 'transcript' || kind === 'chapters') return Math.min(max, MAX_DOCUMENT_BYTES);
  return max;
}

/**
 * Stores an upload under `<keyBase>-<random>.<ext>`, the extension decided by the content (never by
 * the name or declared type), then probes the stored file. Returns the asset record to insert; on
 * any failure nothing is left in the store. Audio streams through; images and documents are small
 * enough to check before they are stored.
 */
export async function storeUpload(
  ctx: UploadContext,
  upload: Upload,
  kind: UploadKind,
  keyBase: string,
): Promise<Omit<NewMediaAsset, 'id'>> {
  const limit = sizeLimitFor(kind, ctx.maxUploadBytes);
  if (upload.declaredLength !== undefined && upload.declaredLength > limit) {
    throw new PayloadTooLargeError(
      `the upload (${upload.declaredLength} bytes) is larger than the limit of ${limit} bytes`,
    );
  }
  if (!upload.body)
    throw new ValidationError('the request has no body: send the file as the raw request body');
  const wanted = kind === 'audio' ? audioSniffLength : () => Number.POSITIVE_INFINITY;
  const start = await readUploadStart(upload.body, wanted, limit);
  if (start.head.byteLength === 0) throw new ValidationError('the upload is empty');

  let extension: string;
  let facts: ProbedFacts;
  if (kind === 'audio') {
    extension = await audioExtension(start.head);
    facts = { mimeType: 'application/octet-stream' }; // replaced by the probe below
  } else if (kind === 'image' || kind === 'artwork') {
    const image = await probeImage(bytesReader(start.head));
    if (kind === 'artwork') {
      const problem = artworkProblem(image.mimeType, image.width, image.height);
      if (problem) throw new MediaError(problem, { context: { width: image.width, height: image.height } });
    }
    extension = IMAGE_EXTENSION[image.mimeType] ?? 'img';
    facts = { mimeType: image.mimeType, width: image.width, height: image.height };
  } else {
    const document = await probeDocument(bytesReader(start.head), kind);
    extension = DOCUMENT_EXTENSION[document.mimeType] ?? 'txt';
    facts = { mimeType: document.mimeType, chapters: document.chapters ?? [] };
  }

  const key = uploadKey(keyBase, extension);
  // Journalled first: if the process dies from here until the asset is recorded, the next start
  // (or `podwire scan`) finds the entry and removes whatever reached the store.
  await journalUpload(ctx.db, key, ctx.instance, ctx.now);
  let stored: Awaited<ReturnType<MediaStore['put']>>;
  try {
    try {
      stored = await ctx.media.put(key, start.body, { maxBytes: limit });
    } catch (error) {
      if (error instanceof ValidationError && /larger than the limit/.test(error.message)) {
        throw new PayloadTooLargeError(error.message);
      }
      throw error;
    }
    if (kind === 'audio') facts = await probeStoredAudio(ctx.media, key);
  } catch (error) {
    await abandonUpload(ctx, key);
    throw error;
  }
  return {
    ...facts,
    key,
    sha256: stored.sha256,
    sizeBytes: stored.size,
    probedAt: ctx.now,
    createdAt: ctx.now,
  };
}

/** Removes a stored upload that will not be recorded, then its journal entry (in that order). */
async function abandonUpload(ctx: UploadContext, key: string): Promise<void> {
  await ctx.media.delete(key).catch(() => {});
  await closeUpload(ctx.db, key).catch(() => {});
}

/**
 * The condition a `point` statement adds to its WHERE: the owner's column still holds `current`,
 * the file the upload was read to replace. A concurrent upload that replaced it first makes the
 * statement change nothing, and `publishUpload` then refuses the batch.
 */
export function stillPointsAt(column: SQLiteColumn, current: MediaAsset | null): SQL {
  return current === null ? isNull(column) : eq(column, current.id);
}

/**
 * Records a stored upload and points its owner at it, in one atomic batch (`point` gives the
 * statements that set the owner's asset column to the new record's id, where it still holds
 * `current`: see `stillPointsAt`). If the owner already has these exact bytes the new copy is
 * removed and nothing changes: re-uploading is idempotent. A replaced file (`current`) is released
 * in the same batch: its URL answers 301 to the new one, its record goes once nothing uses it, and
 * its file after SUPERSEDED_GRACE_MS. If the owner was deleted or given another file while this one
 * was stored, nothing is recorded, the file is removed and the upload is refused (409).
 */
export async function publishUpload(
  ctx: UploadContext,
  asset: Omit<NewMediaAsset, 'id'>,
  current: MediaAsset | null,
  point: (newAssetId: ReturnType<typeof sql<number>>) => BatchItem<'sqlite'>[],
): Promise<{ changed: boolean }> {
  if (current && current.sha256 === asset.sha256 && current.sizeBytes === asset.sizeBytes) {
    await abandonUpload(ctx, asset.key);
    return { changed: false };
  }
  const release = current
    ? [
        ...redirectStatements(ctx.db, mediaPath(current), mediaPath(asset), ctx.now),
        ...releaseAssetStatements(ctx.db, current, new Date(ctx.now.getTime() + SUPERSEDED_GRACE_MS)),
      ]
    : [];
  const newAssetId = sql<number>`(SELECT id FROM media_assets WHERE key = ${asset.key})`;
  try {
    await ctx.db.batch([
      ctx.db.insert(mediaAssets).values(asset),
      ...point(newAssetId),
      // Without a user the record would never be released, nor its file removed: when `point`
      // changed nothing, this NULL (refused by the NOT NULL constraint) rolls the whole batch back
      // (translated to 409 by translateConstraintError).
      ctx.db
        .update(mediaAssets)
        .set({
          sha256: sql`CASE WHEN ${assetUnreferenced(newAssetId)} THEN NULL ELSE ${mediaAssets.sha256} END`,
        })
        .where(eq(mediaAssets.key, asset.key)),
      uploadCommitted(ctx.db, asset.key),
      ...release,
    ]);
  } catch (error) {
    await abandonUpload(ctx, asset.key);
    throw translateConstraintError(error);
  }
  return { changed: true };
}

/** The asset just recorded under `key`. */
export async function assetByKey(ctx: EditorContext, key: string): Promise<MediaAsset | undefined> {
  const [row] = await ctx.db.select().from(mediaAssets).where(eq(mediaAssets.key, key));
  return row;
}
