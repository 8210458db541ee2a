// Tus uploads as records: create one, open one its principal may use, remove one with its bytes.
import { and, eq } from 'drizzle-orm';
import { mayManageUsers, type Principal } from '../../auth/principal.ts';
import type { Database } from '../../db/database.ts';
import {
  countOpenTusUploads,
  deleteTusUploadStatement,
  findTusUpload,
  insertTusUpload,
  type TusUpload,
  tusStateOf,
} from '../../db/queries/tus-uploads.ts';
import { mediaAssets, mediaJournal } from '../../db/schema.ts';
import {
  GoneError,
  NotFoundError,
  PayloadTooLargeError,
  TooManyRequestsError,
  ValidationError,
} from '../../errors.ts';
import type { MediaStore } from '../../media-store/media-store.ts';
import type { EditorContext } from '../editor/context.ts';
import { releaseAssetStatements } from '../media-journal.ts';

export type { TusUpload };

export interface TusContext extends EditorContext {
  readonly media: MediaStore;
  /** Tus-Max-Size: MAX_UPLOAD_BYTES. */
  readonly maxUploadBytes: number;
  /** How long an upload may stay unfinished, and a finished one unattached (UPLOAD_EXPIRY_HOURS). */
  readonly expiryMs: number;
  /** Who stores the upload, for the media journal and the lease (see AppDeps.instance). */
  readonly instance: string;
  /** The live clock: a long PATCH renews its lease as time passes (`now` is when the request came). */
  readonly clock: () => Date;
}

/**
 * Unfinished uploads one principal may have at once: each may come to MAX_UPLOAD_BYTES of staged
 * bytes, so without a cap one token could fill the disk (or R2) with uploads it never finishes.
 */
export const MAX_OPEN_UPLOADS = 20;

/** The form of an upload id: 32 lower-case hex digits (a random UUID's, 122 random bits). */
export const TUS_UPLOAD_ID = /^[0-9a-f]{32}$/;

function actorOf(ctx: EditorContext): Principal {
  if (!ctx.actor) throw new Error('tus uploads need an authenticated principal');
  return ctx.actor;
}

/** Creates an upload of `length` bytes for the acting principal (tus creation). */
export async function createTusUpload(
  ctx: TusContext,
  input: { length: number; metadata: Record<string, string> },
): Promise<TusUpload> {
  if (input.length > ctx.maxUploadBytes) {
    throw new PayloadTooLargeError(
      `the upload (${input.length} bytes) is larger than Tus-Max-Size, ${ctx.maxUploadBytes} bytes (MAX_UPLOAD_BYTES)`,
    );
  }
  if (input.length < 1)
    throw new ValidationError('Upload-Length must be at least 1: an empty file is no media');
  const id = crypto.randomUUID().replaceAll('-', '');
  const userId = actorOf(ctx).userId;
  const upload = await insertTusUpload(ctx.db, {
    id,
    userId,
    length: input.length,
    metadata: input.metadata,
    tempKey: `.tus/${id}`,
    state: { store: {} },
    createdAt: ctx.now,
    expiresAt: new Date(ctx.now.getTime() + ctx.expiryMs),
  });
  // Counted after the insert, so creations sent at once cannot all pass the count together.
  if ((await countOpenTusUploads(ctx.db, userId, ctx.now)) > MAX_OPEN_UPLOADS) {
    await deleteTusUploadStatement(ctx.db, id, ctx.now);
    throw new TooManyRequestsError(
      `you have ${MAX_OPEN_UPLOADS} unfinished uploads: finish one, or end one with DELETE, before starting another`,
    );
  }
  return upload;
}

/**
 * The upload `id` if the acting principal may use it: its creator, or an admin. Any other answers
 * 404, as an unknown id does (its existence is nobody else's business); an expired one 410.
 */
export async function openTusUpload(
  ctx: EditorContext,
  id: string,
  options: { expired?: 'allow' } = {},
): Promise<TusUpload> {
  const actor = actorOf(ctx);
  const row = TUS_UPLOAD_ID.test(id) ? await findTusUpload(ctx.db, id) : undefined;
  if (!row || (row.userId !== actor.userId && !mayManageUsers(actor))) {
    throw new NotFoundError(`there is no upload ${id}`);
  }
  if (options.expired !== 'allow' && row.expiresAt.getTime() <= ctx.now.getTime()) {
    throw new GoneError(`upload ${id} expired at ${row.expiresAt.toISOString()}: start a new upload`);
  }
  return row;
}

export interface RemoveContext {
  readonly db: Database;
  readonly media: MediaStore;
  readonly now: Date;
}

/**
 * Removes an upload: its row, its staged bytes, and (when nothing else uses it) the asset it stored
 * and that file. Refused (false) while another request holds its lease; `token` is the caller's own.
 */
export async function removeTusUpload(ctx: RemoveContext, row: TusUpload, token?: string): Promise<boolean> {
  const [asset] =
    row.assetId === null
      ? []
      : await ctx.db.select().from(mediaAssets).where(eq(mediaAssets.id, row.assetId));
  await ctx.db.batch([
    deleteTusUploadStatement(ctx.db, row.id, ctx.now, token),
    // Drops the asset record only once nothing (this row included) uses it; a no-op otherwise.
    ...(asset ? releaseAssetStatements(ctx.db, asset, ctx.now) : []),
  ]);
  // Still there: another request holds its lease (and the release above changed nothing).
  if (await findTusUpload(ctx.db, row.id)) return false;
  await ctx.media.staging.discard({ id: row.id, size: row.offset, state: tusStateOf(row).store });
  if (asset) {
    const [still] = await ctx.db
      .select({ id: mediaAssets.id })
      .from(mediaAssets)
      .where(eq(mediaAssets.key, asset.key));
    if (!still) {
      // Released just now and due at once: remove the file without waiting for the sweep.
      await ctx.media.delete(asset.key);
      await ctx.db
        .delete(mediaJournal)
        .where(and(eq(mediaJournal.key, asset.key), eq(mediaJournal.action, 'remove')));
    }
  }
  return true;
}
