// walkLanes: the frame walk's inner loop over one buffer, four frame chains stepped at once so their memory waits overlap.
import { frameLengthOf, STREAM_SIGNATURE_MASK, streamFrameLength } from './frame-header.ts';

/** Frames and audio bytes counted over one buffer; the caller adds them to its walk. */
export interface LaneCount {
  frames: number;
  audioBytes: number;
}

/** With less than this left in a buffer, one lane: finding other starts would cost more than it saves. */
const LANES_FROM = 16 * 1024;
/** A frame is at most 1,728 bytes (Layer II, 384 kbit/s, 32 kHz): a lane's start is within this of any point. */
const LANE_SEARCH = 4096;

/**
 * From index `i`, steps frame by frame while a whole header is in `view`, its stream bits match
 * and the frame ends by `stop`, adding to `count`. Integer work only, no allocation, no await.
 * Returns where it stopped: past the buffer (refill there: a frame cut by the buffer's end is
 * skipped, never read), or at a header that is junk or cut short.
 *
 * The walk waits on memory, not arithmetic: each header's offset depends on the one before. So a
 * long buffer is cut in four at likely frame starts (laneStart) and the four chains are stepped
 * together. Each lane follows the very rule of the one-lane loop, and a lane's frames count only
 * if the lane before it ends exactly where it starts; otherwise (junk, or a start that was a false
 * sync inside a frame) the walk goes on from where the chain of agreeing lanes broke.
 */
export function walkLanes(
  view: DataView,
  i: number,
  stop: number,
  signature: number,
  count: LaneCount,
): number {
  const last = view.byteLength - 4;
  let at = i;
  if (last - at >= LANES_FROM) {
    const quarter = (last - at) >>> 2;
    const s1 = laneStart(view, at + quarter, last, signature);
    const s2 = laneStart(view, at + 2 * quarter, last, signature);
    const s3 = laneStart(view, at + 3 * quarter, last, signature);
    if (s1 > at && s2 > s1 && s3 > s2) at = walkFourLanes(view, at, s1, s2, s3, stop, signature, count);
  }
  return walkOne(view, at, last, stop, signature, count);
}

/**
 * One lane from `i` while its header is at or before `limit` (a lane's end, or the buffer's last
 * header), for at most `maxFrames` frames (the walk's first minute); adds what it counts to `count`.
 */
export function walkOne(
  view: DataView,
  i: number,
  limit: number,
  stop: number,
  signature: number,
  count: LaneCount,
  maxFrames = Number.POSITIVE_INFINITY,
): number {
  let frames = 0;
  let bytes = 0;
  while (i <= limit && frames < maxFrames) {
    const h = view.getUint32(i);
    const length = (h & STREAM_SIGNATURE_MASK) === signature ? streamFrameLength(h) : 0;
    if (length === 0 || i + length > stop) break;
    frames++;
    bytes += length;
    i += length;
  }
  count.frames += frames;
  count.audioBytes += bytes;
  return i;
}

/** A header at or after `from` that another header follows where its length says; -1 when none is near. */
function laneStart(view: DataView, from: number, last: number, signature: number): number {
  const limit = Math.min(last, from + LANE_SEARCH);
  for (let at = from; at <= limit; at++) {
    if (view.getUint8(at) !== 0xff) continue;
    const h = view.getUint32(at);
    const length = (h & STREAM_SIGNATURE_MASK) === signature ? streamFrameLength(h) : 0;
    if (length === 0 || at + length > last) continue;
    const next = view.getUint32(at + length);
    if ((next & STREAM_SIGNATURE_MASK) === signature && frameLengthOf(next) > 0) return at;
  }
  return -1;
}

/**
 * Lanes A, B, C, D from `a`, `s1`, `s2`, `s3`, one frame each per step while A is short of `s1`.
 * Then B and C are finished alone up to their ends, and the chain is checked: A must land on
 * `s1`, B on `s2`, C on `s3`; the lanes after a break are dropped. Returns where the one-lane loop
 * carries on: where D stopped, or where the chain broke.
 */
function walkFourLanes(
  view: DataView,
  a: number,
  s1: number,
  s2: number,
  s3: number,
  stop: number,
  signature: number,
  count: LaneCount,
): number {
  const last = view.byteLength - 4;
  let b = s1;
  let c = s2;
  let d = s3;
  let framesA = 0;
  let bytesA = 0;
  let framesB = 0;
  let bytesB = 0;
  let framesC = 0;
  let bytesC = 0;
  let framesD = 0;
  let bytesD = 0;
  // a lane ends at its limit, or dies at a header that is not a whole frame of the stream
  let liveB = true;
  let liveC = true;
  let liveD = true;
  while (a < s1) {
    const ha = view.getUint32(a);
    const lengthA = (ha & STREAM_SIGNATURE_MASK) === signature ? streamFrameLength(ha) : 0;
    if (lengthA === 0 || a + lengthA > stop) break;
    framesA++;
    bytesA += lengthA;
    a += lengthA;
    if (liveB && b < s2) {
      const hb = view.getUint32(b);
      const lengthB = (hb & STREAM_SIGNATURE_MASK) === signature ? streamFrameLength(hb) : 0;
      if (lengthB === 0 || b + lengthB > stop) liveB = false;
      else {
        framesB++;
        bytesB += lengthB;
        b += lengthB;
      }
    }
    if (liveC && c < s3) {
      const hc = view.getUint32(c);
      const lengthC = (hc & STREAM_SIGNATURE_MASK) === signature ? streamFrameLength(hc) : 0;
      if (lengthC === 0 || c + lengthC > stop) liveC = false;
      else {
        framesC++;
        bytesC += lengthC;
        c += lengthC;
      }
    }
    if (liveD && d <= last) {
      const hd = view.getUint32(d);
      const lengthD = (hd & STREAM_SIGNATURE_MASK) === signature ? streamFrameLength(hd) : 0;
      if (lengthD === 0 || d + lengthD > stop) liveD = false;
      else {
        framesD++;
        bytesD += lengthD;
        d += lengthD;
      }
    }
  }
  count.frames += framesA;
  count.audioBytes += bytesA;
  if (a !== s1) return a;
  count.frames += framesB;
  count.audioBytes += bytesB;
  // B's header is always in view short of s2 (s2 <= last); it ends on s2 or the chain breaks
  if (liveB && b < s2) b = walkOne(view, b, s2 - 1, stop, signature, count);
  if (b !== s2) return b;
  count.frames += framesC;
  count.audioBytes += bytesC;
  if (liveC && c < s3) c = walkOne(view, c, s3 - 1, stop, signature, count);
  if (c !== s3) return c;
  count.frames += framesD;
  count.audioBytes += bytesD;
  return d;
}
