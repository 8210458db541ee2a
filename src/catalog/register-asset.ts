// registerMediaAsset: measure a stored file (hash, size, probe) and record it, once per distinct content.
import { probeAudio } from '../audio/probe.ts';
import { type DocumentKind, probeDocument } from '../audio/probe-document.ts';
import { probeImage } from '../audio/probe-image.ts';
import type { Database } from '../db/database.ts';
import { findAssetByKey, upsertAsset } from '../db/queries/media-assets.ts';
import type { MediaAsset, NewMediaAsset } from '../db/schema.ts';
import { CorruptMediaError, NotFoundError } from '../errors.ts';
import type { MediaStore } from '../media-store/media-store.ts';
import { audioFacts } from './audio-facts.ts';

export type AssetKind = 'audio' | 'image' | DocumentKind;

export interface RegisterOptions {
  readonly kind: AssetKind;
  /** Time recorded as the asset's creation (Last-Modified); defaults to the store's modification time. */
  readonly storedAt?: Date;
  readonly now: Date;
  /**
   * Treat an unchanged size and modification time as unchanged content, without hashing (what
   * `podwire scan` does for speed). Off by default: the hash decides.
   */
  readonly trustModificationTime?: boolean;
}

/**
 * `backfilled`: the record already described these bytes but lacked a fact a newer podwire probes
 * (media_assets.minute_bytes, from migration 0005), so the file was probed again to fill it in.
 */
export type RegisterStatus = 'new' | 'updated' | 'unchanged' | 'backfilled';

export interface RegisterResult {
  readonly asset: MediaAsset;
  readonly status: RegisterStatus;
  /** False when the record already described these exact bytes and nothing was probed. */
  readonly changed: boolean;
  /** What the probe noticed (junk skipped, odd headers); empty for images. */
  readonly warnings: readonly string[];
}

/**
 * Records the object at `key`. Skips probing when a record with the same size and SHA-256 exists,
 * so re-running is cheap and idempotent; otherwise probes and writes the record in one statement.
 * Audio that is cut short (a partial probe) is refused: a feed must not promise what is missing.
 */
export async function registerMediaAsset(
  db: Database,
  media: MediaStore,
  key: string,
  options: RegisterOptions,
): Promise<RegisterResult> {
  const info = await media.stat(key);
  if (!info) throw new NotFoundError(`media file ${key} is not in the media store`, { context: { key } });
  const existing = await findAssetByKey(db, key);
  const unchanged = {
    asset: existing as MediaAsset,
    status: 'unchanged',
    changed: false,
    warnings: [],
  } as const;
  // Audio recorded before minute_bytes existed, and chapters files recorded before their chapters
  // were stored, are probed again, whatever their size and dates say.
  const backfill =
    existing !== undefined &&
    ((options.kind === 'audio' && existing.minuteBytes === null) ||
      (options.kind === 'chapters' && existing.chapters.length === 0));
  if (
    existing &&
    !backfill &&
    options.trustModificationTime &&
    existing.sizeBytes === info.size &&
    existing.sourceMtime?.getTime() === info.modified.getTime()
  ) {
    return unchanged;
  }
  const sha256 = await media.digest(key);
  if (sha256 === undefined) throw new NotFoundError(`media file ${key} disappeared while it was read`);
  const same = existing !== undefined && existing.sha256 === sha256 && existing.sizeBytes === info.size;
  if (same && !backfill) return unchanged;
  let warnings: readonly string[] = [];
  const reader = await media.open(key);
  if (!reader) throw new NotFoundError(`media file ${key} disappeared while it was read`);
  let facts: Omit<NewMediaAsset, 'key' | 'sha256' | 'createdAt' | 'sourceMtime' | 'probedAt'>;
  try {
    if (options.kind === 'audio') {
      const probe = await probeAudio(reader, { name: key });
      if (probe.partial) {
        throw new CorruptMediaError(`${key} is cut short: ${probe.warnings.join('; ')}`, {
          context: { key },
        });
      }
      warnings = probe.warnings;
      facts = { ...audioFacts(probe), sizeBytes: probe.sizeBytes };
    } else if (options.kind === 'transcript' || options.kind === 'chapters') {
      const probe = await probeDocument(reader, options.kind, { name: key });
      facts = { mimeType: probe.mimeType, sizeBytes: probe.sizeBytes, chapters: probe.chapters ?? [] };
    } else {
      const probe = await probeImage(reader, { name: key });
      facts = {
        mimeType: probe.mimeType,
        sizeBytes: probe.sizeBytes,
        width: probe.width,
        height: probe.height,
      };
    }
  } finally {
    await reader.close();
  }
  const asset = await upsertAsset(db, {
    key,
    sha256,
    ...facts,
    sourceMtime: info.modified,
    probedAt: options.now,
    // A backfill changes no content: the record keeps its creation time (Last-Modified).
    createdAt: same && existing ? existing.createdAt : (options.storedAt ?? info.modified),
  });
  const status = same ? 'backfilled' : existing ? 'updated' : 'new';
  return { asset, status, changed: true, warnings };
}
