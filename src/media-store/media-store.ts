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
}
