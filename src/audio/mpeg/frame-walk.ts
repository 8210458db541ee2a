// walkFrames: counts every frame of an MPEG audio stream, reading it once in large buffers and resynchronising past junk.
import type { RandomAccessReader } from '../../media-store/media-store.ts';
import { frameLengthOf, STREAM_SIGNATURE_MASK } from './frame-header.ts';
import { resync } from './frame-sync.ts';

export interface Walk {
  frames: number;
  audioBytes: number;
  truncated: boolean;
  warnings: string[];
  /** Offset just past frame number `mark` (counting from 1), once the walk has passed it. */
  markEnd?: number;
}

export interface WalkOptions {
  /** Note where this many frames end (Walk.markEnd): the frame in which the first minute ends. */
  readonly mark?: number;
  /** Stop once the mark is passed: a short walk, where a VBR header already gave the length. */
  readonly stopAtMark?: boolean;
  /** Bytes of the first read (later ones are WALK_CHUNK): a short walk reads about what it needs. */
  readonly firstChunk?: number;
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

/**
 * Counts every frame from `from` to `end` of the stream whose frames match `signature`, and notes
 * where frame number `options.mark` ends.
 */
export async function walkFrames(
  reader: RandomAccessReader,
  from: number,
  end: number,
  signature: number,
  options: WalkOptions = {},
): Promise<Walk> {
  const walk: Walk = { frames: 0, audioBytes: 0, truncated: false, warnings: [] };
  // A buffer of its own while the walk runs (walks may run concurrently), back to the pool after.
  const own = reader.readInto ? (spare.pop() ?? new Uint8Array(WALK_CHUNK)) : undefined;
  try {
    await walkWith(reader, from, end, signature, walk, own, options);
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
  options: WalkOptions,
): Promise<void> {
  const mark = options.mark ?? 0;
  let chunk = Math.min(WALK_CHUNK, Math.max(4096, options.firstChunk ?? WALK_CHUNK));
  let pos = from;
  let view: DataView = new DataView(new ArrayBuffer(0));
  let bufferStart = from;
  while (pos + 4 <= end) {
    if (pos + 4 > bufferStart + view.byteLength) {
      const want = Math.min(chunk, end - pos);
      chunk = WALK_CHUNK;
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
    let i = pos - bufferStart;
    if (walk.markEnd === undefined && walk.frames < mark) {
      // Only until the mark (in the first buffer or two): the main loops stay free of its check.
      i = countFrames(view, i, end - bufferStart, signature, walk, mark - walk.frames);
      if (walk.frames === mark) walk.markEnd = bufferStart + i;
      if (walk.markEnd !== undefined && options.stopAtMark) return;
    }
    i = walkBuffer(view, i, end - bufferStart, signature, walk);
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

/** With less than this left in a buffer, one lane: finding a second start would cost more than it saves. */
const TWO_LANES_FROM = 16 * 1024;
/** A frame is at most 1,728 bytes (Layer II, 384 kbit/s, 32 kHz): a second lane's start is within this of any point. */
const LANE_SEARCH = 4096;

/**
 * The inner loop: from index `i`, steps frame by frame while a whole header is in `view`, its
 * stream bits match and the frame ends by `stop`. Integer work only, no allocation, no await.
 * Returns where it stopped: past the buffer (refill), or at a header that is junk or cut short.
 */
function walkBuffer(view: DataView, i: number, stop: number, signature: number, walk: Walk): number {
  const last = view.byteLength - 4;
  if (last - i >= TWO_LANES_FROM) {
    const mid = laneStart(view, i + ((last - i) >>> 1), last, signature);
    if (mid >= 0) i = walkTwoLanes(view, i, mid, stop, signature, walk);
  }
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

/** The one-lane loop for at most `limit` frames: how the walk finds where the first minute ends. */
function countFrames(
  view: DataView,
  i: number,
  stop: number,
  signature: number,
  walk: Walk,
  limit: number,
): number {
  const last = view.byteLength - 4;
  let frames = 0;
  let bytes = 0;
  while (frames < limit && i <= last) {
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

/** A header at or after `from` that another header follows where its length says; -1 when none is near. */
function laneStart(view: DataView, from: number, last: number, signature: number): number {
  const limit = Math.min(last, from + LANE_SEARCH);
  for (let at = from; at <= limit; at++) {
    if (view.getUint8(at) !== 0xff) continue;
    const h = view.getUint32(at);
    const length = (h & STREAM_SIGNATURE_MASK) === signature ? frameLengthOf(h) : 0;
    if (length === 0 || at + length > last) continue;
    const next = view.getUint32(at + length);
    if ((next & STREAM_SIGNATURE_MASK) === signature && frameLengthOf(next) > 0) return at;
  }
  return -1;
}

/**
 * Two lanes at once, one frame each per step, so that each header read's latency overlaps the
 * other's (the walk waits on memory, not on arithmetic): lane A from `i`, lane B from `mid`, a
 * likely frame start halfway through the buffer. Each follows the very rule of the one-lane loop,
 * so if A lands exactly on `mid`, B's frames are the ones the one-lane walk would have counted
 * next and count; otherwise (A stopped at junk, or `mid` was a false sync that A stepped over)
 * they are dropped. Returns where the one-lane loop carries on: where B stopped, or where A is.
 */
function walkTwoLanes(
  view: DataView,
  i: number,
  mid: number,
  stop: number,
  signature: number,
  walk: Walk,
): number {
  const last = view.byteLength - 4;
  let a = i;
  let b = mid;
  let framesA = 0;
  let bytesA = 0;
  let framesB = 0;
  let bytesB = 0;
  let laneB = true;
  while (a < mid) {
    const ha = view.getUint32(a);
    const lengthA = (ha & STREAM_SIGNATURE_MASK) === signature ? frameLengthOf(ha) : 0;
    if (lengthA === 0 || a + lengthA > stop) break;
    framesA++;
    bytesA += lengthA;
    a += lengthA;
    if (laneB && b <= last) {
      const hb = view.getUint32(b);
      const lengthB = (hb & STREAM_SIGNATURE_MASK) === signature ? frameLengthOf(hb) : 0;
      if (lengthB === 0 || b + lengthB > stop) laneB = false;
      else {
        framesB++;
        bytesB += lengthB;
        b += lengthB;
      }
    }
  }
  walk.frames += framesA;
  walk.audioBytes += bytesA;
  if (a !== mid) return a;
  walk.frames += framesB;
  walk.audioBytes += bytesB;
  return b;
}
