// analyzeMpeg: the exact decoded length of an MP3 from its VBR header when trustworthy, else by walking every frame.
import { UnsupportedMediaError } from '../../errors.ts';
import type { RandomAccessReader } from '../../media-store/media-store.ts';
import {
  type FrameHeader,
  frameLengthOf,
  parseFrameHeader,
  STREAM_SIGNATURE_MASK,
  word,
} from './frame-header.ts';
import { parseVbrHeader, type VbrHeader } from './vbr-header.ts';

export interface MpegAnalysis {
  readonly durationSeconds: number;
  /** Samples a gapless decoder outputs (encoder delay and padding removed when the LAME tag says). */
  readonly samples: number;
  readonly header: FrameHeader;
  /** Average bits per second over the audio frames. */
  readonly bitrate: number;
  readonly method: 'xing' | 'info' | 'vbri' | 'frame-walk';
  readonly frames: number;
  readonly vbr: VbrHeader | undefined;
  /** Offset of the first audio frame (after tags, junk and the header frame). */
  readonly audioStart: number;
  readonly partial: boolean;
  readonly warnings: readonly string[];
}

/** Frames that must follow a candidate header, each where the previous one says, to accept it. */
const CHAIN = 4;
/** How far past the tags a first frame is searched for (junk is skipped up to here). */
const SEARCH_LIMIT = 1024 * 1024;
const WALK_CHUNK = 1024 * 1024;
/** The first frame is usually right after the tags: look in small steps that the block cache serves. */
const SEARCH_CHUNK = 60 * 1024;

/**
 * Analyses the MPEG audio between `start` (after ID3v2) and `end` (before trailing tags).
 * A Xing/Info or VBRI frame count is used only when the declared stream size matches the bytes
 * present; otherwise, or without such a header, every frame is walked, which is exact.
 */
export async function analyzeMpeg(
  reader: RandomAccessReader,
  start: number,
  end: number,
): Promise<MpegAnalysis> {
  const first = await findFirstFrame(reader, start, end);
  const header = parseFrameHeader(first.header) as FrameHeader;
  const firstFrame = await reader.read(first.offset, header.frameLength);
  const vbr = parseVbrHeader(firstFrame, header);
  const audioStart = vbr ? first.offset + header.frameLength : first.offset;
  const warnings: string[] = [];
  if (first.offset > start)
    warnings.push(`skipped ${first.offset - start} bytes of junk before the first frame`);

  const available = end - first.offset;
  if (vbr?.frames !== undefined && vbr.frames > 0) {
    const declared = vbr.bytes;
    const slack = header.frameLength * 2;
    if (declared === undefined || Math.abs(declared - available) <= slack) {
      const raw = vbr.frames * header.samplesPerFrame;
      const trim = (vbr.encoderDelay ?? 0) + (vbr.encoderPadding ?? 0);
      const samples = trim < raw ? raw - trim : raw;
      return result(
        header,
        samples,
        vbr.kind,
        vbr.frames,
        (end - audioStart) * 8,
        vbr,
        audioStart,
        false,
        warnings,
      );
    }
    warnings.push(
      declared > available
        ? `file is truncated: the ${vbr.kind} header declares ${declared} bytes, ${available} are present`
        : `the ${vbr.kind} header declares ${declared} bytes but ${available} are present; walked the frames`,
    );
  }

  const walk = await walkFrames(reader, audioStart, end, first.header & STREAM_SIGNATURE_MASK);
  warnings.push(...walk.warnings);
  const truncated = walk.truncated || (vbr?.bytes !== undefined && vbr.bytes > available);
  // Gapless trimming applies only when the header's frame count describes these very frames.
  const trim = vbr?.frames === walk.frames ? (vbr.encoderDelay ?? 0) + (vbr.encoderPadding ?? 0) : 0;
  const raw = walk.frames * header.samplesPerFrame;
  const samples = trim < raw ? raw - trim : raw;
  return result(
    header,
    samples,
    'frame-walk',
    walk.frames,
    walk.audioBytes * 8,
    vbr,
    audioStart,
    truncated,
    warnings,
  );
}

function result(
  header: FrameHeader,
  samples: number,
  method: MpegAnalysis['method'],
  frames: number,
  audioBits: number,
  vbr: VbrHeader | undefined,
  audioStart: number,
  partial: boolean,
  warnings: string[],
): MpegAnalysis {
  const durationSeconds = samples / header.sampleRate;
  // Over the frames' full length (delay and padding included), so a CBR file reports its nominal rate.
  const framesSeconds = (frames * header.samplesPerFrame) / header.sampleRate;
  const bitrate = framesSeconds > 0 ? Math.round(audioBits / framesSeconds) : header.bitrate;
  return { durationSeconds, samples, header, bitrate, method, frames, vbr, audioStart, partial, warnings };
}

/** True when CHAIN frames follow `offset`, each valid and of the same stream, or the audio ends. */
async function chainHolds(
  reader: RandomAccessReader,
  offset: number,
  h: number,
  end: number,
): Promise<boolean> {
  const signature = h & STREAM_SIGNATURE_MASK;
  let at = offset + frameLengthOf(h);
  for (let n = 0; n < CHAIN; n++) {
    if (at === end) return n > 0; // a short file ends exactly after whole frames
    if (at + 4 > end) return false;
    const next = word(await reader.read(at, 4), 0);
    const length = (next & STREAM_SIGNATURE_MASK) === signature ? frameLengthOf(next) : 0;
    if (length === 0) return false;
    at += length;
  }
  return true;
}

async function findFirstFrame(reader: RandomAccessReader, start: number, end: number) {
  const limit = Math.min(end, start + SEARCH_LIMIT);
  for (let chunkStart = start; chunkStart < limit; chunkStart += SEARCH_CHUNK) {
    const chunk = await reader.read(chunkStart, Math.min(SEARCH_CHUNK + 3, limit - chunkStart + 3));
    for (let i = 0; i + 4 <= chunk.byteLength && chunkStart + i < limit; i++) {
      if (chunk[i] !== 0xff || ((chunk[i + 1] as number) & 0xe0) !== 0xe0) continue;
      const h = word(chunk, i);
      if (frameLengthOf(h) > 0 && (await chainHolds(reader, chunkStart + i, h, end))) {
        return { offset: chunkStart + i, header: h };
      }
    }
  }
  if (start >= end) throw new UnsupportedMediaError('the file holds tags but no audio');
  throw new UnsupportedMediaError(
    `no MPEG audio frames found in the first ${limit - start} bytes after the tags (not an MP3, or free-format)`,
    { context: { offset: start } },
  );
}

interface Walk {
  frames: number;
  audioBytes: number;
  truncated: boolean;
  warnings: string[];
}

/** Counts every frame from `from` to `end`, resynchronising past junk. Reads the bytes once, in big chunks. */
async function walkFrames(
  reader: RandomAccessReader,
  from: number,
  end: number,
  signature: number,
): Promise<Walk> {
  const walk: Walk = { frames: 0, audioBytes: 0, truncated: false, warnings: [] };
  let pos = from;
  // One buffer for the whole walk when the reader can fill it: no allocation per chunk.
  const reusable = reader.readInto
    ? new Uint8Array(Math.min(WALK_CHUNK, Math.max(0, end - from)))
    : undefined;
  let buffer: Uint8Array = new Uint8Array(0);
  let bufferStart = from;
  while (pos + 4 <= end) {
    if (pos + 4 > bufferStart + buffer.byteLength) {
      const want = Math.min(WALK_CHUNK, end - pos);
      if (reusable && reader.readInto) {
        const filled = await reader.readInto(
          want === reusable.byteLength ? reusable : reusable.subarray(0, want),
          pos,
        );
        buffer = reusable.subarray(0, filled);
      } else {
        buffer = await reader.read(pos, want);
      }
      bufferStart = pos;
      if (buffer.byteLength < 4) break;
    }
    // Inner loop over the buffer: no allocation, no await.
    let i = pos - bufferStart;
    const last = buffer.byteLength - 4;
    let lostSync = false;
    while (i <= last) {
      const h = word(buffer, i);
      const length = (h & STREAM_SIGNATURE_MASK) === signature ? frameLengthOf(h) : 0;
      if (length === 0) {
        lostSync = true;
        break;
      }
      if (bufferStart + i + length > end) {
        walk.truncated = true;
        walk.warnings.push(`the last frame, at byte ${bufferStart + i}, is cut short`);
        return walk;
      }
      walk.frames++;
      walk.audioBytes += length;
      i += length;
    }
    pos = bufferStart + i;
    if (!lostSync) continue; // ran off the buffer: refill from pos
    const resumed = await resync(reader, pos, end, signature);
    if (resumed === undefined) {
      walk.warnings.push(`ignored ${end - pos} bytes after the last frame`);
      return walk;
    }
    walk.warnings.push(`skipped ${resumed - pos} bytes of junk at byte ${pos}`);
    pos = resumed;
  }
  return walk;
}

/** The next offset after `from` where a chain of this stream's frames starts, if any. */
async function resync(
  reader: RandomAccessReader,
  from: number,
  end: number,
  signature: number,
): Promise<number | undefined> {
  for (let chunkStart = from + 1; chunkStart < end; chunkStart += WALK_CHUNK) {
    const chunk = await reader.read(chunkStart, Math.min(WALK_CHUNK + 3, end - chunkStart));
    for (let i = 0; i + 4 <= chunk.byteLength; i++) {
      if (chunk[i] !== 0xff) continue;
      const h = word(chunk, i);
      if ((h & STREAM_SIGNATURE_MASK) !== signature || frameLengthOf(h) === 0) continue;
      if (await chainHolds(reader, chunkStart + i, h, end)) return chunkStart + i;
    }
  }
  return undefined;
}
