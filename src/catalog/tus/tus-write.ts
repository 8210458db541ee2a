// Writing to a tus upload (PATCH): one request at a time under a lease, every byte that arrives kept, the last one finishing it.
import {
  claimTusUpload,
  recordTusProgress,
  type TusLease,
  type TusUpload,
  tusStateOf,
} from '../../db/queries/tus-uploads.ts';
import type { MediaAsset } from '../../db/schema.ts';
import {
  ConflictError,
  GoneError,
  MediaError,
  PayloadTooLargeError,
  PodwireError,
  ValidationError,
} from '../../errors.ts';
import type { StagingState } from '../../media-store/media-store.ts';
import { finishUpload, pickUploadKey } from './tus-finish.ts';
import { openTusUpload, removeTusUpload, type TusContext } from './tus-records.ts';

/** How long a lease lasts without renewal: a writer that died frees its upload after this. */
export const LEASE_MS = 60_000;
/** A writer renews its lease once this much of it has passed (before the next bytes are stored). */
const RENEW_AFTER_MS = LEASE_MS / 3;
/** The lease while the last write turns the bytes into a probed asset (a long probe over R2 included). */
const FINISH_LEASE_MS = 15 * 60_000;

export interface WriteOutcome {
  /** The upload's offset now (Upload-Offset). */
  readonly offset: number;
  readonly expiresAt: Date;
  /** Set when this write delivered the last byte: the stored, probed asset. */
  readonly asset?: MediaAsset;
  /** The body broke off (the client went away); the bytes that arrived are kept. */
  readonly interrupted: boolean;
}

const busy = () =>
  new ConflictError(
    'another request is writing to this upload, or its offset just changed: send HEAD for the offset and resume from there',
  );

/** Errors that mean the upload itself is refused (not audio, too large, unusable): it is removed. */
const refusesUpload = (error: unknown) =>
  error instanceof MediaError ||
  error instanceof PayloadTooLargeError ||
  error instanceof GoneError ||
  error instanceof ValidationError;

/**
 * Appends `body` at `offset` (tus PATCH). The offset must be the upload's (409 otherwise, as when
 * another request is writing to it); a body past Upload-Length is refused (413) with nothing past
 * the length stored. The write that delivers the last byte answers once the file is probed and
 * recorded; if it is not media podwire takes, the upload is removed and the error thrown.
 */
export async function writeToUpload(
  ctx: TusContext,
  id: string,
  offset: number,
  body: ReadableStream<Uint8Array> | null,
  declaredLength: number | undefined,
): Promise<WriteOutcome> {
  const upload = await openTusUpload(ctx, id);
  if (offset !== upload.offset) {
    throw new ConflictError(
      `Upload-Offset ${offset} is not the upload's offset, ${upload.offset}: resume from there`,
    );
  }
  if (declaredLength !== undefined && offset + declaredLength > upload.length) {
    throw new PayloadTooLargeError(
      `the body (${declaredLength} bytes from offset ${offset}) goes past Upload-Length, ${upload.length}`,
    );
  }
  if (upload.assetId !== null) {
    // Finished: an empty PATCH at the end is harmless (a client retrying its last request); bytes are not.
    if (await hasBytes(body))
      throw new PayloadTooLargeError(`the upload is complete: all ${upload.length} bytes are in`);
    return { offset, expiresAt: upload.expiresAt, interrupted: false };
  }

  const token = crypto.randomUUID();
  const leaseFrom = (at: Date, ms = LEASE_MS): TusLease => ({
    token,
    owner: ctx.instance,
    until: at.getTime() + ms,
  });
  let lease = leaseFrom(ctx.clock());
  const claimed = await claimTusUpload(ctx.db, id, offset, lease, ctx.clock());
  if (!claimed) throw busy();

  let recorded: TusUpload = claimed;
  const record = async (size: number, store: StagingState, keep: boolean, ms = LEASE_MS) => {
    lease = leaseFrom(ctx.clock(), ms);
    const state = keep ? { store, lease } : { store };
    if (!(await recordTusProgress(ctx.db, id, token, size, state))) throw busy();
    recorded = { ...recorded, offset: size, state: { ...state } };
  };
  try {
    const result = await ctx.media.staging.append(
      { id, size: offset, state: tusStateOf(claimed).store },
      keepLease(
        body ?? emptyBody(),
        ctx,
        () => record(recorded.offset, tusStateOf(recorded).store, true),
        () => lease,
      ),
      {
        maxBytes: upload.length - offset,
        pick: (head) => pickUploadKey(upload, head),
        checkpoint: (size, store) => record(size, store, true),
      },
    );
    const finishing = result.size === upload.length && !result.overflow && !result.interrupted;
    await record(result.size, result.state, finishing, finishing ? FINISH_LEASE_MS : LEASE_MS);
    if (result.overflow) {
      throw new PayloadTooLargeError(
        `the body goes past Upload-Length, ${upload.length}: nothing past it was stored`,
      );
    }
    if (!finishing)
      return { offset: result.size, expiresAt: upload.expiresAt, interrupted: !!result.interrupted };
    const asset = await finishUpload(ctx, recorded, token);
    return {
      offset: result.size,
      expiresAt: new Date(ctx.clock().getTime() + ctx.expiryMs),
      asset,
      interrupted: false,
    };
  } catch (error) {
    if (refusesUpload(error)) {
      await removeTusUpload({ db: ctx.db, media: ctx.media, now: ctx.clock() }, recorded, token).catch(
        () => {},
      );
    } else if (!(error instanceof PodwireError && error.status === 409)) {
      // Let the client resume at once (from the last recorded offset) rather than wait for the lease.
      await recordTusProgress(ctx.db, id, token, recorded.offset, {
        store: tusStateOf(recorded).store,
      }).catch(() => {});
    }
    throw error;
  }
}

async function hasBytes(body: ReadableStream<Uint8Array> | null): Promise<boolean> {
  if (!body) return false;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return false;
      if (value.byteLength > 0) return true;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}

const emptyBody = () => new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });

/**
 * Passes `body` through, renewing the lease before a chunk goes on once a third of it has passed,
 * so that bytes are only ever stored under a lease still held (a slow client keeps its upload).
 */
function keepLease(
  body: ReadableStream<Uint8Array>,
  ctx: TusContext,
  renew: () => Promise<void>,
  current: () => TusLease,
): ReadableStream<Uint8Array> {
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      async transform(chunk, controller) {
        if (current().until - ctx.clock().getTime() < LEASE_MS - RENEW_AFTER_MS) await renew();
        controller.enqueue(chunk);
      },
    }),
  );
}
