// registerMediaAsset: measure a stored file (hash, size, probe) and record it, once per distinct content.
import { probeAudio } from '../audio/probe.ts';
import { probeImage } from '../audio/probe-image.ts';
import type { Database } from '../db/database.ts';
import { findAssetByKey, upsertAsset } from '../db/queries/media-assets.ts';
import type { MediaAsset, NewMediaAsset } from '../db/schema.ts';
import { NotFoundError } from '../errors.ts';
import type { MediaStore } from '../media-store/media-store.ts';

export interface RegisterOptions {
  readonly kind: 'audio' | 'image';
  /** Time recorded as the asset's creation (Last-Modified); defaults to the store's modification time. */
  readonly storedAt?: Date;
  readonly now: Date;
}

export interface RegisterResult {
  readonly asset: MediaAsset;
  /** False when the record already described these exact bytes and nothing was probed. */
  readonly changed: boolean;
}

/**
 * Records the object at `key`. Skips probing when a record with the same size and SHA-256 exists,
 * so re-running is cheap and idempotent; otherwise probes and writes the record in one statement.
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
  const sha256 = await media.digest(key);
  if (sha256 === undefined) throw new NotFoundError(`media file ${key} disappeared while it was read`);
  if (existing && existing.sha256 === sha256 && existing.sizeBytes === info.size) {
    return { asset: existing, changed: false };
  }
  const reader = await media.open(key);
  if (!reader) throw new NotFoundError(`media file ${key} disappeared while it was read`);
  let facts: Omit<NewMediaAsset, 'key' | 'sha256' | 'createdAt' | 'sourceMtime' | 'probedAt'>;
  try {
    if (options.kind === 'audio') {
      const probe = await probeAudio(reader, { name: key });
      facts = {
        mimeType: probe.mimeType,
        sizeBytes: probe.sizeBytes,
        durationSeconds: probe.durationSeconds,
        bitrate: probe.bitrate ?? null,
        container: probe.container,
        codec: probe.codec,
        sampleRate: probe.sampleRate ?? null,
        channels: probe.channels ?? null,
        lossless: probe.lossless,
        chapters: [...probe.chapters],
      };
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
    createdAt: options.storedAt ?? info.modified,
  });
  return { asset, changed: true };
}
