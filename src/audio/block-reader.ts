// createBlockReader(reader): caches aligned blocks of a RandomAccessReader and counts the bytes fetched.
import type { RandomAccessReader } from '../media-store/media-store.ts';

export interface BlockReader extends RandomAccessReader {
  /** Bytes fetched from the underlying reader so far (each block counted once per fetch). */
  readonly bytesRead: number;
  /** Reads up to `length` bytes at `offset` into a fresh array, through the cache. */
  read(offset: number, length: number): Promise<Uint8Array>;
  /** Fills `target` from `offset`, bypassing the cache (for sequential walks). */
  readInto(target: Uint8Array, offset: number): Promise<number>;
  /** Hands the cached blocks on to later readers; this one must not be used after. */
  release(): void;
}

export interface BlockReaderOptions {
  /** Size of each cached block; large reads bypass the cache. */
  readonly blockSize?: number;
  /** Blocks kept (least recently used dropped first). */
  readonly maxBlocks?: number;
}

const DEFAULT_BLOCK_SIZE = 64 * 1024;
/**
 * Blocks of released readers, filled again by the next ones (through readInto): allocating a fresh
 * 64 KiB block cost more than reading it, a few times per probed file (bench/probe-cli).
 */
const spareBlocks: Uint8Array[] = [];
const MAX_SPARE_BLOCKS = 16;

/**
 * Parsers issue many small reads (a 4-byte header here, a 10-byte tag there). Over a file handle
 * each would be a system call and over R2 a network request, so they are served from a few cached
 * 64 KiB blocks. Memory stays bounded: `blockSize * maxBlocks`.
 */
export function createBlockReader(inner: RandomAccessReader, options: BlockReaderOptions = {}): BlockReader {
  const blockSize = options.blockSize ?? DEFAULT_BLOCK_SIZE;
  const maxBlocks = options.maxBlocks ?? 8;
  const blocks = new Map<number, Promise<Uint8Array>>();
  const pooled = inner.readInto !== undefined && blockSize === DEFAULT_BLOCK_SIZE;
  const owned: Uint8Array[] = [];
  let bytesRead = 0;

  const fetch = async (offset: number, length: number) => {
    const bytes = await inner.read(offset, length);
    bytesRead += bytes.byteLength;
    return bytes;
  };

  const fetchBlock = async (index: number) => {
    if (!pooled || !inner.readInto) return fetch(index * blockSize, blockSize);
    const block = spareBlocks.pop() ?? new Uint8Array(blockSize);
    owned.push(block);
    const n = await inner.readInto(block, index * blockSize);
    bytesRead += n;
    return block.subarray(0, n);
  };

  const block = (index: number): Promise<Uint8Array> => {
    let cached = blocks.get(index);
    if (cached) {
      blocks.delete(index); // re-insert: Map order is recency order
    } else {
      cached = fetchBlock(index);
      if (blocks.size >= maxBlocks) blocks.delete(blocks.keys().next().value as number);
    }
    blocks.set(index, cached);
    return cached;
  };

  return {
    size: inner.size,
    get bytesRead() {
      return bytesRead;
    },
    async read(offset, length) {
      const end = Math.min(offset + length, inner.size);
      if (offset >= end) return new Uint8Array(0);
      if (end - offset > blockSize * 2) return fetch(offset, end - offset);
      const out = new Uint8Array(end - offset);
      for (let at = offset; at < end; ) {
        const index = Math.floor(at / blockSize);
        const data = await block(index);
        const start = at - index * blockSize;
        const take = Math.min(data.byteLength - start, end - at);
        if (take <= 0) break;
        out.set(data.subarray(start, start + take), at - offset);
        at += take;
      }
      return out;
    },
    async readInto(target, offset) {
      if (!inner.readInto) {
        const bytes = await fetch(offset, target.byteLength);
        target.set(bytes);
        return bytes.byteLength;
      }
      const n = await inner.readInto(target, offset);
      bytesRead += n;
      return n;
    },
    release() {
      blocks.clear();
      for (const block of owned.splice(0)) if (spareBlocks.length < MAX_SPARE_BLOCKS) spareBlocks.push(block);
    },
    close: () => inner.close(),
  };
}
