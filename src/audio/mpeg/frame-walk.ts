// walkFrames: counts every frame of an MPEG audio stream, reading it once in large buffers and resynchronising past junk.
import type { RandomAccessReader } from '../../media-store/media-store.ts';
import { frameLengthOf, STREAM_SIGNATURE_MASK } from './frame-header.ts';
import { resync } from './frame-sync.ts';

export interface Walk {
  frames: number;
  audioBytes: number;
  truncated: boolean;
  warnings: string[];
}

/**
 * Bytes read at a time. A header-less file is read whole, so this is most of a probe's cost: from
 * 256 KiB to 1 MiB the copy out of the page cache costs the same per byte (measured, bench/probe-cli);
 * smaller reads add system calls, 4 MiB ones no longer fit the CPU's cache.
 */
const WALK_CHUNK = 1024 * 1024;
/** Buffers of finished walks, kept for the next one: a fresh megabyte per file cost as much as its walk in GC. */
const spare: Uint8Array[] = [];
const MAX_SPARE = 4;

/** Counts every frame from `from` to `end` of the stream whose frames match `signature`. */
export async function walkFrames(
  reader: RandomAccessReader,
  from: number,
  end: number,
  signature: number,
): Promise<Walk> {
  const walk: Walk = { frames: 0, audioBytes: 0, truncated: false, warnings: [] };
  // A buffer of its own while the walk runs (walks may run concurrently), back to the pool after.
  const own = reader.readInto ? (spare.pop() ?? new Uint8Array(WALK_CHUNK)) : undefined;
  try {
    await walkWith(reader, from, end, signature, walk, own);
  } finally {
    if (own && spare.length < MAX_SPARE) spare.push(own);
  }
  return walk;
}

async function walkWith(
  reader: RandomAccessReader,
  from: number,
  end: number,
  signature: number,
  walk: Walk,
  own: Uint8Array | undefined,
): Promise<void> {
  let pos = from;
  let view: DataView = new DataView(new ArrayBuffer(0));
  let bufferStart = from;
  while (pos + 4 <= end) {
    if (pos + 4 > bufferStart + view.byteLength) {
      const want = Math.min(WALK_CHUNK, end - pos);
      let bytes: Uint8Array;
      if (own && reader.readInto) {
        const target = own.subarray(0, want);
        bytes = target.subarray(0, await reader.readInto(target, pos));
      } else {
        bytes = await reader.read(pos, want);
      }
      view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      bufferStart = pos;
      if (bytes.byteLength < 4) break;
    }
    const i = walkBuffer(view, pos - bufferStart, end - bufferStart, signature, walk);
    pos = bufferStart + i;
    if (i + 4 > view.byteLength) continue; // ran off the buffer: refill from pos
    const h = view.getUint32(i);
    if ((h & STREAM_SIGNATURE_MASK) === signature && frameLengthOf(h) > 0) {
      walk.truncated = true;
      walk.warnings.push(`the last frame, at byte ${pos}, is cut short`);
      return;
    }
    const resumed = await resync(reader, pos, end, signature);
    if (resumed === undefined) {
      walk.warnings.push(`ignored ${end - pos} bytes after the last frame`);
      return;
    }
    walk.warnings.push(`skipped ${resumed - pos} bytes of junk at byte ${pos}`);
    pos = resumed;
  }
}

/**
 * The inner loop: from index `i`, steps frame by frame while a whole header is in `view`, its
 * stream bits match and the frame ends by `stop`. Integer work only, no allocation, no await.
 * Returns where it stopped: past the buffer (refill), or at a header that is junk or cut short.
 */
function walkBuffer(view: DataView, i: number, stop: number, signature: number, walk: Walk): number {
  const last = view.byteLength - 4;
  let frames = 0;
  let bytes = 0;
  while (i <= last) {
    const h = view.getUint32(i);
    const length = (h & STREAM_SIGNATURE_MASK) === signature ? frameLengthOf(h) : 0;
    if (length === 0 || i + length > stop) break;
    frames++;
    bytes += length;
    i += length;
  }
  walk.frames += frames;
  walk.audioBytes += bytes;
  return i;
}
