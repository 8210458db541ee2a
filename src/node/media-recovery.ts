// recoverMediaStore: after a crash, bring the media folder and the database back into agreement (start-up, scan, timer).
import { sweepMediaJournal } from '../catalog/media-journal.ts';
import { sweepExpiredUploads } from '../catalog/tus/tus-expiry.ts';
import type { Logger } from '../log.ts';
import { removeAbandonedTempFiles } from './fs-media-store.ts';
import { isProcessAlive, nodeOwnerGone } from './instance.ts';
import type { NodeRuntime } from './server.ts';

export interface RecoveryReport {
  /** Temporary files of uploads whose process is gone. */
  readonly tempFiles: readonly string[];
  /** Stored files of uploads that never got a record. */
  readonly abandoned: readonly string[];
  /** Released files (deleted or replaced media) whose grace period has passed. */
  readonly removed: readonly string[];
  /** Resumable uploads past their expiry, removed with their bytes (UPLOAD_EXPIRY_HOURS). */
  readonly expiredUploads: readonly string[];
}

/**
 * Removes what no running process will finish: temporary upload files and journalled uploads of
 * dead processes (at start-up, `self`'s own leftovers too), expired resumable uploads, and released
 * files that are due.
 */
export async function recoverMediaStore(
  runtime: NodeRuntime,
  mediaDir: string,
  log: Logger,
  options: { self: string; startingUp: boolean; now?: () => Date },
): Promise<RecoveryReport> {
  const now = options.now ?? (() => new Date());
  const tempFiles = await removeAbandonedTempFiles(
    mediaDir,
    (pid) => (options.startingUp && pid === process.pid) || !isProcessAlive(pid),
  );
  const expired = await sweepExpiredUploads({ db: runtime.db.db, media: runtime.media, now: now() });
  if (expired.removed.length > 0) log.info('removed expired uploads', { uploads: expired.removed });
  const swept = await sweepMediaJournal(runtime.db.db, runtime.media, {
    now: now(),
    ownerGone: nodeOwnerGone(options.self, now, { startingUp: options.startingUp }),
  });
  const report = { tempFiles, ...swept, expiredUploads: expired.removed };
  if (tempFiles.length + swept.abandoned.length > 0) {
    log.warn('removed what interrupted uploads left', { tempFiles, abandoned: swept.abandoned });
  }
  if (swept.removed.length > 0) log.info('removed released media files', { removed: swept.removed });
  return report;
}
