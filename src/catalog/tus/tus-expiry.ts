// sweepExpiredUploads: removes tus uploads past their expiry, with their bytes and any asset nothing attached.
import type { Database } from '../../db/database.ts';
import { expiredTusUploads } from '../../db/queries/tus-uploads.ts';
import type { MediaStore } from '../../media-store/media-store.ts';
import { removeTusUpload } from './tus-records.ts';

export interface ExpiryReport {
  /** Ids of the uploads removed. */
  readonly removed: readonly string[];
}

/**
 * Removes every expired upload no request is writing to (in batches of `batch`): an unfinished one
 * with its staged bytes, a finished one with its file unless an episode, show or article uses it.
 * Run by the Node minute timer and the Workers cron.
 */
export async function sweepExpiredUploads(
  ctx: { db: Database; media: MediaStore; now: Date },
  batch = 100,
): Promise<ExpiryReport> {
  const removed: string[] = [];
  for (;;) {
    const expired = await expiredTusUploads(ctx.db, ctx.now, batch);
    let progress = false;
    for (const upload of expired) {
      if (await removeTusUpload(ctx, upload)) {
        removed.push(upload.id);
        progress = true;
      }
    }
    if (expired.length < batch || !progress) return { removed };
  }
}
