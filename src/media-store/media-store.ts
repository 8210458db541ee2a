// The MediaStore port: where audio, artwork and other files live (a folder on Node, R2 on Workers).

/** Random access to one stored object, for probing without reading the whole file. */
export interface RandomAccessReader {
  readonly size: number;
  /** Reads up to `length` bytes at `offset`; fewer only at the end of the object. */
  read(offset: number, length: number): Promise<Uint8Array>;
  /**
   * Optional: fills `target` from `offset` and returns the bytes read (fewer only at the end). Lets
   * a reader that walks a whole file reuse one buffer instead of allocating one per read.
   */
  readInto?(target: Uint8Array, offset: number): Promise<number>;
  close(): Promise<void>;
}

export interface MediaObjectInfo {
  readonly key: string;
  readonly size: number;
  /** When the object was last written. */
  readonly modified: Date;
}

/** An inclusive-exclusive byte window: bytes `offset` .. `offset + length - 1`. */
export interface ByteWindow {
  readonly offset: number;
  readonly length: number;
}

export interface MediaObjectBody extends MediaObjectInfo {
  readonly body: ReadableStream<Uint8Array>;
}

export interface StoredObject {
  readonly key: string;
  readonly size: number;
  /** Lower-case hex SHA-256 of what was stored. */
  readonly sha256: string;
}

export interface PutOptions {
  /** Refuse (and store nothing) once the body passes this many bytes. */
  readonly maxBytes?: number;
}

/**
 * Every method validates `key` first (see media-key.ts). Missing objects give `undefined`, not errors.
 * `put` is atomic: readers see the old object or the whole new one, never a part.
 */
export interface MediaStore {
  stat(key: string): Promise<MediaObjectInfo | undefined>;
  /** Streams the object, or `window` of it. */
  get(key: string, window?: ByteWindow): Promise<MediaObjectBody | undefined>;
  open(key: string): Promise<RandomAccessReader | undefined>;
  /** SHA-256 of the stored bytes (computed by streaming, or taken from the store's own checksum). */
  digest(key: string): Promise<string | undefined>;
  put(key: string, body: ReadableStream<Uint8Array>, options?: PutOptions): Promise<StoredObject>;
  delete(key: string): Promise<void>;
  /** Every object whose key starts with `prefix`, in key order. */
  list(prefix?: string): AsyncIterable<MediaObjectInfo>;
  /** Resumable uploads in progress, kept out of sight (never listed or served) until complete. */
  readonly staging: UploadStaging;
}

/** What a store keeps about one staged upload between requests: JSON, recorded by the caller. */
export type StagingState = { readonly [name: string]: unknown };

/** One upload being staged (tus): its id and what was recorded at its last checkpoint. */
export interface StagedUpload {
  /** Letters and digits only: the store derives its own names for the staged bytes from it. */
  readonly id: string;
  /** Bytes staged, as last recorded (the tus offset). Anything the store holds past it is ignored. */
  readonly size: number;
  /** The state recorded with `size` ({} before the first append). */
  readonly state: StagingState;
}

/** How the final key of a staged upload is chosen and claimed. */
export interface StagingNaming {
  /**
   * The key the finished object will have, decided from its first bytes (`head` covers at least
   * the first MiB, or all of the upload if it is smaller). Called once per upload, by `complete`
   * or, on stores that must know it early (R2 multipart uploads), by the `append` that stores the
   * first part. Throws to refuse the upload.
   */
  pick(head: RandomAccessReader): Promise<string>;
}

export interface AppendOptions extends StagingNaming {
  /** The most bytes this append may store: a body with more is cut there (`overflow`). */
  readonly maxBytes: number;
  /**
   * Records durably that `size` bytes are staged with `state`; called while a long body streams
   * in (every part, or every few MiB), each time with more. Throws to stop the append.
   */
  checkpoint(size: number, state: StagingState): Promise<void>;
}

export interface AppendResult {
  /** Bytes staged now, all of them durable in the store. */
  readonly size: number;
  readonly state: StagingState;
  /** The body held more than `maxBytes`; the bytes past that were not stored. */
  readonly overflow: boolean;
  /** Set when the body broke off (the client went away): every byte that arrived is kept. */
  readonly interrupted?: unknown;
}

/**
 * Resumable staging (tus): bytes arrive in order over many requests, are kept where readers never
 * see them, and become one object at once on completion. Every method is safe to retry from the
 * last recorded (size, state); callers make sure only one append or completion runs at a time.
 */
export interface UploadStaging {
  /** Appends `body` after `upload.size` bytes, keeping whatever arrives even if the body breaks off. */
  append(
    upload: StagedUpload,
    body: ReadableStream<Uint8Array>,
    options: AppendOptions,
  ): Promise<AppendResult>;
  /**
   * Makes the `upload.size` staged bytes the object at the key `naming.pick` gives (or gave), atomically,
   * calling `beforeCommit(key)` just before it appears. The staged bytes are gone afterwards.
   */
  complete(
    upload: StagedUpload,
    naming: StagingNaming & { beforeCommit(key: string): Promise<void> },
  ): Promise<StoredObject>;
  /** Removes whatever is staged for the upload (idempotent). */
  discard(upload: StagedUpload): Promise<void>;
}

/** The form of a staged upload's id. */
export const STAGING_ID = /^[A-Za-z0-9]{8,64}$/;
