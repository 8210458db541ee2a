// tus_uploads rows: create, find, claim for writing (a lease in `state`), record progress, finish, expire.
import { and, eq, gt, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { StagingState } from '../../media-store/media-store.ts';
import type { Database } from '../database.ts';
import { tusUploads } from '../schema.ts';

export type TusUpload = typeof tusUploads.$inferSelect;
export type NewTusUpload = typeof tusUploads.$inferInsert;

/** The right to write to an upload: one request holds it at a time, until `until` (ms) unless renewed. */
export interface TusLease {
  readonly token: string;
  /** Who holds it (AppDeps.instance), for the logs. */
  readonly owner: string;
  readonly until: number;
}

/** What tus_uploads.state holds: the media store's staging state, and the lease while a request writes. */
export interface TusState {
  readonly store: StagingState;
  readonly lease?: TusLease;
}

export function tusStateOf(row: Pick<TusUpload, 'state'>): TusState {
  const { store, lease } = row.state as { store?: StagingState; lease?: TusLease };
  return { store: store ?? {}, ...(lease ? { lease } : {}) };
}

const leaseToken = sql`json_extract(${tusUploads.state}, '$.lease.token')`;
const leaseFree = (now: Date) =>
  sql`coalesce(json_extract(${tusUploads.state}, '$.lease.until'), 0) <= ${now.getTime()}`;

export async function insertTusUpload(db: Database, values: NewTusUpload): Promise<TusUpload> {
  const [row] = await db.insert(tusUploads).values(values).returning();
  if (!row) throw new Error(`insert of tus upload ${values.id} returned no row`);
  return row;
}

/** How many unfinished, unexpired uploads the user (null: ADMIN_TOKEN) has. */
export async function countOpenTusUploads(db: Database, userId: number | null, now: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(tusUploads)
    .where(
      and(
        userId === null ? isNull(tusUploads.userId) : eq(tusUploads.userId, userId),
        isNull(tusUploads.assetId),
        gt(tusUploads.expiresAt, now),
      ),
    );
  return row?.n ?? 0;
}

export async function findTusUpload(db: Database, id: string): Promise<TusUpload | undefined> {
  const [row] = await db.select().from(tusUploads).where(eq(tusUploads.id, id));
  return row;
}

/**
 * Takes the lease of an unfinished, unexpired upload whose offset is still `offset` and that no
 * other request holds: one conditional UPDATE, so of two requests racing only one gets the row.
 */
export async function claimTusUpload(
  db: Database,
  id: string,
  offset: number,
  lease: TusLease,
  now: Date,
): Promise<TusUpload | undefined> {
  const [row] = await db
    .update(tusUploads)
    .set({ state: sql`json_set(${tusUploads.state}, '$.lease', json(${JSON.stringify(lease)}))` })
    .where(
      and(
        eq(tusUploads.id, id),
        eq(tusUploads.offset, offset),
        isNull(tusUploads.assetId),
        gt(tusUploads.expiresAt, now),
        leaseFree(now),
      ),
    )
    .returning();
  return row;
}

/** Records `offset` and `state` for the holder of lease `token`; false when it no longer holds it. */
export async function recordTusProgress(
  db: Database,
  id: string,
  token: string,
  offset: number,
  state: TusState,
): Promise<boolean> {
  const rows = await db
    .update(tusUploads)
    .set({ offset, state: { ...state } })
    .where(and(eq(tusUploads.id, id), sql`${leaseToken} = ${token}`))
    .returning({ id: tusUploads.id });
  return rows.length === 1;
}

/** The statement (in the batch that records the asset) that marks the upload finished and frees it. */
export function tusFinishedStatement(
  db: Database,
  id: string,
  token: string,
  assetId: SQL<number>,
  expiresAt: Date,
): BatchItem<'sqlite'> {
  return db
    .update(tusUploads)
    .set({ assetId, offset: sql`${tusUploads.length}`, state: { store: {} }, expiresAt })
    .where(and(eq(tusUploads.id, id), sql`${leaseToken} = ${token}`, isNull(tusUploads.assetId)));
}

/** The statement that deletes the row unless another request holds its lease (`token`: the caller's own). */
export function deleteTusUploadStatement(db: Database, id: string, now: Date, token?: string) {
  const free = token === undefined ? leaseFree(now) : or(leaseFree(now), sql`${leaseToken} = ${token}`);
  return db.delete(tusUploads).where(and(eq(tusUploads.id, id), free));
}

/** Uploads past their expiry that no request is writing to, oldest first. */
export async function expiredTusUploads(db: Database, now: Date, limit: number): Promise<TusUpload[]> {
  return db
    .select()
    .from(tusUploads)
    .where(and(lte(tusUploads.expiresAt, now), leaseFree(now)))
    .orderBy(tusUploads.expiresAt)
    .limit(limit);
}
