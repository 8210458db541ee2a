// scanMediaStore: register every audio and image file under a prefix of the media store, new or changed.
import { sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { mediaAssets, mediaJournal } from '../db/schema.ts';
import { keyExtension } from '../media-store/media-key.ts';
import type { MediaStore } from '../media-store/media-store.ts';
import { isUploadKey } from './editor/uploads.ts';
import { type AssetKind, type RegisterStatus, registerMediaAsset } from './register-asset.ts';

const AUDIO_EXTENSIONS = new Set([
  'mp3',
  'm4a',
  'mp4',
  'aac',
  'ogg',
  'oga',
  'opus',
  'flac',
  'wav',
  'aif',
  'aiff',
]);
const IMAGE_EXTENSIONS = new Set(['jpg', 'jpeg', 'png', 'webp']);
const TRANSCRIPT_EXTENSIONS = new Set(['vtt', 'srt']);

/**
 * Which kind of asset a key names, by its extension (the content is then checked); undefined for
 * files the scan leaves alone. `*.chapters.json` are chapters; other JSON is left alone.
 */
export function assetKindOf(key: string): AssetKind | undefined {
  const extension = keyExtension(key);
  if (AUDIO_EXTENSIONS.has(extension)) return 'audio';
  if (IMAGE_EXTENSIONS.has(extension)) return 'image';
  if (TRANSCRIPT_EXTENSIONS.has(extension)) return 'transcript';
  if (key.endsWith('.chapters.json')) return 'chapters';
  return undefined;
}

export interface ScanEntry {
  readonly key: string;
  readonly status: RegisterStatus | 'failed';
  readonly durationSeconds?: number | null;
  readonly error?: string;
  readonly warnings?: readonly string[];
}

export interface ScanReport {
  readonly entries: readonly ScanEntry[];
  /** Files skipped because their extension is neither audio nor artwork. */
  readonly skipped: number;
  /** Records under the prefix whose file is no longer in the store (kept: an episode may use them). */
  readonly missing: readonly string[];
  /**
   * Files not adopted because an upload made them and never recorded them (an upload still under
   * way, a file due for removal, or one an interrupted upload of an older podwire left).
   */
  readonly notAdopted: readonly string[];
  /** Files on their way out (released by a delete or a replacement, waiting out their grace period). */
  readonly releasing: readonly string[];
}

export interface ScanOptions {
  readonly prefix?: string;
  readonly now: Date;
  /** Called before each file: position (from 1), total, key. */
  readonly onProgress?: (done: number, total: number, key: string) => void;
}

/**
 * Registers new and changed files (size and modification time first, then the hash, decide) and
 * leaves unchanged ones alone. One bad file is reported and the scan goes on.
 */
export async function scanMediaStore(
  db: Database,
  media: MediaStore,
  options: ScanOptions,
): Promise<ScanReport> {
  const prefix = options.prefix ?? '';
  const keys: { key: string; kind: AssetKind }[] = [];
  const present = new Set<string>();
  const journal = await db.select({ key: mediaJournal.key, action: mediaJournal.action }).from(mediaJournal);
  const releasing = new Set(journal.filter((e) => e.action === 'remove').map((e) => e.key));
  const uploading = new Set(journal.filter((e) => e.action === 'upload').map((e) => e.key));
  const recordedKeys = new Set(
    (
      await db
        .select({ key: mediaAssets.key })
        .from(mediaAssets)
        .where(sql`substr(${mediaAssets.key}, 1, ${prefix.length}) = ${prefix}`)
    ).map((r) => r.key),
  );
  const notAdopted: string[] = [];
  let skipped = 0;
  for await (const info of media.list(prefix)) {
    present.add(info.key);
    const kind = assetKindOf(info.key);
    // Only an upload's own commit records its file: scanning never adopts one silently.
    if (releasing.has(info.key)) continue;
    if (uploading.has(info.key) || (isUploadKey(info.key) && !recordedKeys.has(info.key))) {
      notAdopted.push(info.key);
    } else if (kind) keys.push({ key: info.key, kind });
    else skipped++;
  }
  const entries: ScanEntry[] = [];
  for (const [index, { key, kind }] of keys.entries()) {
    options.onProgress?.(index + 1, keys.length, key);
    try {
      const result = await registerMediaAsset(db, media, key, {
        kind,
        now: options.now,
        trustModificationTime: true,
      });
      entries.push({
        key,
        status: result.status,
        durationSeconds: result.asset.durationSeconds,
        warnings: result.warnings,
      });
    } catch (error) {
      entries.push({ key, status: 'failed', error: (error as Error).message });
    }
  }
  const missing = [...recordedKeys].filter((key) => !present.has(key) && key.startsWith(prefix));
  return {
    entries,
    skipped,
    missing: missing.sort(),
    notAdopted,
    releasing: [...releasing].filter((k) => present.has(k)).sort(),
  };
}
