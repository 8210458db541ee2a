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

/** A cached block: its bytes once fetched (`data`), the fetch while it runs. */
interface Block {
  readonly fetched: Promise<Uint8Array>;
  data: Uint8Array | undefined;
}

interface Cache {
  readonly inner: RandomAccessReader;
  readonly blockSize: number;
  readonly maxBlocks: number;
  /** Least recently used first (Map order is insertion order; a hit is re-inserted). */
  readonly blocks: Map<number, Block>;
  /** Blocks from the shared pool, filled through readInto; handed back on release. */
  readonly owned: Uint8Array[] | undefined;
  bytesRead: number;
}

/**
 * Parsers issue many small reads (a 4-byte header here, a 10-byte tag there). Over a file handle
 * each would be a system call and over R2 a network request, so they are served from a few cached
 * 64 KiB blocks. Memory stays bounded: `blockSize * maxBlocks`.
 */
export function createBlockReader(inner: RandomAccessReader, options: BlockReaderOptions = {}): BlockReader {
  const blockSize = options.blockSize ?? DEFAULT_BLOCK_SIZE;
  const cache: Cache = {
    inner,
    blockSize,
    maxBlocks: options.maxBlocks ?? 8,
    blocks: new Map(),
    owned: inner.readInto !== undefined && blockSize === DEFAULT_BLOCK_SIZE ? [] : undefined,
    bytesRead: 0,
  };
  // Methods and module functions, no arrow functions made per reader: `podwire probe` runs through
  // tsx, which names each such function as it is made (Object.defineProperty), a cost paid per file.
  return {
    size: inner.size,
    get bytesRead() {
      return cache.bytesRead;
    },
    read(offset, length) {
      return readCached(cache, offset, length);
    },
    async readInto(target, offset) {
      if (!inner.readInto) {
        const bytes = await fetchRange(cache, offset, target.byteLength);
        target.set(bytes);
        return bytes.byteLength;
      }
      const n = await inner.readInto(target, offset);
      cache.bytesRead += n;
      return n;
    },
    release() {
      cache.blocks.clear();
      for (const block of cache.owned?.splice(0) ?? []) {
        if (spareBlocks.length < MAX_SPARE_BLOCKS) spareBlocks.push(block);
      }
    },
    close() {
      return inner.close();
    },
  };
}

function readCached(cache: Cache, offset: number, length: number): Promise<Uint8Array> {
  const end = Math.min(offset + length, cache.inner.size);
  if (offset >= end) return Promise.resolve(new Uint8Array(0));
  const { blockSize } = cache;
  if (end - offset > blockSize * 2) return fetchRange(cache, offset, end - offset);
  // Most reads (a tag header, a frame header) fall in one block already fetched: copy it out at once.
  const index = Math.floor(offset / blockSize);
  const data = useBlock(cache, index).data;
  const start = offset - index * blockSize;
  if (data && start + (end - offset) <= data.byteLength) {
    return Promise.resolve(data.slice(start, start + (end - offset)));
  }
  return readAcross(cache, offset, end);
}

/** A read over blocks still being fetched, or over two or three of them. */
async function readAcross(cache: Cache, offset: number, end: number): Promise<Uint8Array> {
  const { blockSize } = cache;
  const out = new Uint8Array(end - offset);
  for (let at = offset; at < end; ) {
    const index = Math.floor(at / blockSize);
    const data = await useBlock(cache, index).fetched;
    const start = at - index * blockSize;
    const take = Math.min(data.byteLength - start, end - at);
    if (take <= 0) break;
    out.set(data.subarray(start, start + take), at - offset);
    at += take;
  }
  return out;
}

/** Block `index`, fetched if it is not cached, now the most recently used. */
function useBlock(cache: Cache, index: number): Block {
  const { blocks } = cache;
  let block = blocks.get(index);
  if (block) {
    blocks.delete(index); // re-inserted below: Map order is recency order
  } else {
    block = fetchBlock(cache, index);
    if (blocks.size >= cache.maxBlocks) blocks.delete(blocks.keys().next().value as number);
  }
  blocks.set(index, block);
  return block;
}

function fetchBlock(cache: Cache, index: number): Block {
  const block: Block = { fetched: fetchBlockBytes(cache, index), data: undefined };
  block.fetched.then(
    (data) => {
      block.data = data;
    },
    () => {}, // the reader that awaits `fetched` sees the error
  );
  return block;
}

async function fetchBlockBytes(cache: Cache, index: number): Promise<Uint8Array> {
  const { inner, owned, blockSize } = cache;
  if (!owned || !inner.readInto) return fetchRange(cache, index * blockSize, blockSize);
  const block = spareBlocks.pop() ?? new Uint8Array(blockSize);
  owned.push(block);
  const n = await inner.readInto(block, index * blockSize);
  cache.bytesRead += n;
  return block.subarray(0, n);
}

async function fetchRange(cache: Cache, offset: number, length: number): Promise<Uint8Array> {
  const bytes = await cache.inner.read(offset, length);
  cache.bytesRead += bytes.byteLength;
  return bytes;
}
