// The media journal's use: record uploads in flight and files due for removal, and sweep what a crash or a replacement left.
import { and, eq, lte, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '../db/database.ts';
import { assetUnreferenced } from '../db/queries/media-references.ts';
import { type MediaAsset, mediaAssets, mediaJournal } from '../db/schema.ts';
import type { MediaStore } from '../media-store/media-store.ts';

/**
 * How long a superseded file (replaced audio or artwork) stays in the store after its URL starts
 * redirecting to the new one: long enough for a download already under way to finish.
 */
export const SUPERSEDED_GRACE_MS = 60 * 60 * 1000;

/**
 * Notes an upload about to be stored under `key` by `owner`, before any byte reaches the store (a
 * resumed tus completion notes its key again, with the new owner and time).
 */
export async function journalUpload(db: Database, key: string, owner: string, now: Date): Promise<void> {
  await db
    .insert(mediaJournal)
    .values({ key, action: 'upload', owner, dueAt: now })
    .onConflictDoUpdate({ target: mediaJournal.key, set: { action: 'upload', owner, dueAt: now } });
}

const uploadEntry = (key: string) => and(eq(mediaJournal.key, key), eq(mediaJournal.action, 'upload'));

/** The statement (for the batch that records the asset) that closes an upload's journal entry. */
export function uploadCommitted(db: Database, key: string): BatchItem<'sqlite'> {
  return db.delete(mediaJournal).where(uploadEntry(key));
}

/** Closes an upload's entry once its file is gone (the upload was refused, or was the same bytes again). */
export async function closeUpload(db: Database, key: string): Promise<void> {
  await db.delete(mediaJournal).where(uploadEntry(key));
}

/**
 * Statements, for the batch that stops `asset` being used, that drop its record once nothing
 * refers to it and then mark its file for removal at `dueAt`. A record something still uses is
 * kept, and then so is its file.
 */
export function releaseAssetStatements(db: Database, asset: MediaAsset, dueAt: Date): BatchItem<'sqlite'>[] {
  return [
    db.delete(mediaAssets).where(and(eq(mediaAssets.id, asset.id), assetUnreferenced(asset.id))),
    // INSERT ... SELECT through the query builder, not db.run: D1 cannot batch db.run with parameters.
    db
      .insert(mediaJournal)
      .select(
        sql`SELECT ${asset.key}, 'remove', NULL, ${dueAt.getTime()}
          WHERE NOT EXISTS (SELECT 1 FROM ${mediaAssets} WHERE key = ${asset.key})`,
      )
      .onConflictDoUpdate({
        target: mediaJournal.key,
        set: { action: 'remove', owner: null, dueAt: sql`excluded.due_at` },
      }),
  ];
}

export interface SweepOptions {
  readonly now: Date;
  /** Whether the process that owns an upload entry is gone (so the upload can never commit). */
  readonly ownerGone: (owner: string | null, startedAt: Date) => boolean;
}

export interface SweepReport {
  /** Files removed because they were released and their grace period had passed. */
  readonly removed: readonly string[];
  /** Files (or entries) of uploads that never committed, removed. */
  readonly abandoned: readonly string[];
}

/**
 * Brings the store and the records back into agreement: removes released files whose time has
 * come and the files of uploads whose process died before they were recorded. A key that a record
 * uses again is left alone. Idempotent; run at start-up, by `podwire scan`, and on a timer.
 */
export async function sweepMediaJournal(
  db: Database,
  media: MediaStore,
  options: SweepOptions,
): Promise<SweepReport> {
  const entries = await db
    .select({ entry: mediaJournal, assetId: mediaAssets.id })
    .from(mediaJournal)
    .leftJoin(mediaAssets, eq(mediaAssets.key, mediaJournal.key));
  const removed: string[] = [];
  const abandoned: string[] = [];
  for (const { entry, assetId } of entries) {
    const due =
      entry.action === 'remove'
        ? entry.dueAt.getTime() <= options.now.getTime()
        : options.ownerGone(entry.owner, entry.dueAt);
    if (!due) continue;
    if (assetId === null) {
      await media.delete(entry.key);
      (entry.action === 'remove' ? removed : abandoned).push(entry.key);
    }
    await db
      .delete(mediaJournal)
      .where(
        and(
          eq(mediaJournal.key, entry.key),
          eq(mediaJournal.action, entry.action),
          lte(mediaJournal.dueAt, entry.dueAt),
        ),
      );
  }
  return { removed, abandoned };
}
