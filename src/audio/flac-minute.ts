// flacMinuteEnd: where the FLAC frame ends in which playback reaches 60 s, from frame headers (RFC 9639).
import type { RandomAccessReader } from '../media-store/media-store.ts';
import { crc16, type FlacStreamInfo, flacFrameHeader } from './flac-streaminfo.ts';

/** Bytes scanned at a time for frame headers. */
const WINDOW = 256 * 1024;
/** A frame header is at most 16 bytes (RFC 9639 §9.1). */
const MAX_HEADER = 16;

/**
 * Offset just past the frame holding sample `target - 1` (the frame in which playback reaches
 * `target` samples). FLAC frames carry no length, so the frame after it is found by its sync
 * code, a CRC-8 that holds (RFC 9639 §9.1.8) and the sample number that must come next; the
 * frame itself is then proved whole by its CRC-16 footer. An exact SEEKTABLE point (one whose
 * offset holds a frame starting at its sample) lets the scan start close to the mark.
 * `start` is the offset of "fLaC", `end` where the audio ends. Undefined when not established.
 */
export async function flacMinuteEnd(
  reader: RandomAccessReader,
  info: FlacStreamInfo,
  start: number,
  end: number,
  target: number,
): Promise<number | undefined> {
  const blocks = await metadataBlocks(reader, start, end);
  if (!blocks) return undefined;
  const from = await seekPoint(reader, info, blocks, target);
  const window = windowed(reader, end);
  let frame = await headerAt(reader, info, from.offset, from.sample);
  for (let n = 0; frame && n < info.samples; n++) {
    const last = frame.firstSample + frame.blockSize >= target;
    const next = await nextFrame(reader, window, info, frame, end, last);
    if (last) {
      if (next) return next.offset;
      // The stream's last frame: it ends where the audio does, if its CRC-16 says it is whole.
      const whole = frame.firstSample + frame.blockSize === info.samples;
      return whole && (await frameIsWhole(reader, frame.offset, end)) ? end : undefined;
    }
    frame = next;
  }
  return undefined;
}

interface Frame {
  readonly offset: number;
  readonly firstSample: number;
  readonly blockSize: number;
}

/** The first frame's offset after the metadata blocks (RFC 9639 §8.1), and the seek table's. */
async function metadataBlocks(reader: RandomAccessReader, start: number, end: number) {
  let seekTable: { offset: number; length: number } | undefined;
  for (let at = start + 4, n = 0; at + 4 <= end && n < 1024; n++) {
    const head = await reader.read(at, 4);
    if (head.byteLength < 4) return undefined;
    const type = (head[0] as number) & 0x7f;
    const length = ((head[1] as number) << 16) | ((head[2] as number) << 8) | (head[3] as number);
    if (type === 3) seekTable = { offset: at + 4, length };
    at += 4 + length;
    if ((head[0] as number) & 0x80) return { firstFrame: at, seekTable };
  }
  return undefined;
}

/** The last seek point before the mark whose frame is really there (RFC 9639 §8.5); else the first frame. */
async function seekPoint(
  reader: RandomAccessReader,
  info: FlacStreamInfo,
  blocks: { firstFrame: number; seekTable?: { offset: number; length: number } },
  target: number,
): Promise<{ offset: number; sample: number }> {
  const first = { offset: blocks.firstFrame, sample: 0 };
  if (!blocks.seekTable) return first;
  const table = await reader.read(blocks.seekTable.offset, Math.min(blocks.seekTable.length, 18 * 65536));
  const view = new DataView(table.buffer, table.byteOffset, table.byteLength);
  let best = first;
  for (let at = 0; at + 18 <= table.byteLength; at += 18) {
    const sample = Number(view.getBigUint64(at));
    if (sample >= target) break; // points are sorted; placeholders (all ones) come last
    best = { offset: blocks.firstFrame + Number(view.getBigUint64(at + 8)), sample };
  }
  if (best === first || (await headerAt(reader, info, best.offset, best.sample))) return best;
  return first;
}

async function headerAt(
  reader: RandomAccessReader,
  info: FlacStreamInfo,
  offset: number,
  sample: number,
): Promise<Frame | undefined> {
  const bytes = await reader.read(offset, MAX_HEADER);
  const header = flacFrameHeader(bytes, 0, info);
  return header?.firstSample === sample ? { offset, ...header } : undefined;
}

/** A window of the file that moves forward as the scan does, so each byte is read about once. */
function windowed(reader: RandomAccessReader, end: number) {
  let bytes: Uint8Array = new Uint8Array(0);
  let start = 0;
  return async (offset: number): Promise<{ bytes: Uint8Array; start: number }> => {
    if (offset < start || offset + MAX_HEADER > start + bytes.byteLength) {
      bytes = await reader.read(offset, Math.min(WINDOW, end - offset));
      start = offset;
    }
    return { bytes, start };
  };
}

type Window = ReturnType<typeof windowed>;

/**
 * The frame after `frame`: the first header past it that numbers the sample just after it. With
 * `verify`, the frame's CRC-16 must hold up to there too, or that "header" was audio data that
 * looked like one (checked for the one frame that decides, not on the way to it).
 */
async function nextFrame(
  reader: RandomAccessReader,
  window: Window,
  info: FlacStreamInfo,
  frame: Frame,
  end: number,
  verify: boolean,
): Promise<Frame | undefined> {
  const expected = frame.firstSample + frame.blockSize;
  if (expected >= info.samples) return undefined;
  for (let at = frame.offset + 6; at + 6 <= end; ) {
    const { bytes, start } = await window(at);
    const atEnd = start + bytes.byteLength >= end;
    const last = atEnd ? end - start - 6 : bytes.byteLength - MAX_HEADER;
    let i = at - start;
    for (; i <= last; i++) {
      if (bytes[i] !== 0xff || ((bytes[i + 1] as number) & 0xfe) !== 0xf8) continue;
      const header = flacFrameHeader(bytes, i, info);
      if (header?.firstSample !== expected) continue;
      const offset = start + i;
      if (!verify || (await frameIsWhole(reader, frame.offset, offset))) return { offset, ...header };
    }
    if (atEnd) break;
    at = start + Math.max(i, 1);
  }
  return undefined;
}

async function frameIsWhole(reader: RandomAccessReader, start: number, end: number): Promise<boolean> {
  const bytes = await reader.read(start, end - start);
  if (bytes.byteLength !== end - start || bytes.byteLength < 2) return false;
  const footer = ((bytes[bytes.byteLength - 2] as number) << 8) | (bytes[bytes.byteLength - 1] as number);
  return crc16(bytes.subarray(0, bytes.byteLength - 2)) === footer;
}
