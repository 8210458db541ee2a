// Finding MPEG frames: where the first one is after the tags, and where a stream resumes after junk.
import { UnsupportedMediaError } from '../../errors.ts';
import type { RandomAccessReader } from '../../media-store/media-store.ts';
import { frameLengthOf, STREAM_SIGNATURE_MASK, word } from './frame-header.ts';

/** Frames that must follow a candidate header, each where the previous one says, to accept it. */
const CHAIN = 4;
/** How far past the tags a first frame is searched for (junk is skipped up to here). */
const SEARCH_LIMIT = 1024 * 1024;
/**
 * The first frame is usually right after the tags: look there in a few kilobytes first, then in
 * larger steps that the block cache serves.
 */
const FIRST_SEARCH_CHUNK = 4 * 1024;
const SEARCH_CHUNK = 60 * 1024;
const RESYNC_CHUNK = 1024 * 1024;

/**
 * True when CHAIN frames follow `offset`, each valid and of the same stream, or the audio ends.
 * Headers inside `chunk` (the bytes from `chunkStart` the caller holds) are read from it.
 */
async function chainHolds(
  reader: RandomAccessReader,
  offset: number,
  h: number,
  end: number,
  chunk: Uint8Array,
  chunkStart: number,
): Promise<boolean> {
  const signature = h & STREAM_SIGNATURE_MASK;
  let at = offset + frameLengthOf(h);
  for (let n = 0; n < CHAIN; n++) {
    if (at === end) return n > 0; // a short file ends exactly after whole frames
    if (at + 4 > end) return false;
    const inChunk = at >= chunkStart && at + 4 <= chunkStart + chunk.byteLength;
    const next = inChunk ? word(chunk, at - chunkStart) : word(await reader.read(at, 4), 0);
    const length = (next & STREAM_SIGNATURE_MASK) === signature ? frameLengthOf(next) : 0;
    if (length === 0) return false;
    at += length;
  }
  return true;
}

/** The first frame between `start` and `end` that a chain of frames follows; throws when there is none. */
export async function findFirstFrame(
  reader: RandomAccessReader,
  start: number,
  end: number,
): Promise<{ offset: number; header: number }> {
  const limit = Math.min(end, start + SEARCH_LIMIT);
  let size = FIRST_SEARCH_CHUNK;
  for (let chunkStart = start; chunkStart < limit; chunkStart += size, size = SEARCH_CHUNK) {
    const chunk = await reader.read(chunkStart, Math.min(size + 3, limit - chunkStart + 3));
    for (let i = 0; i + 4 <= chunk.byteLength && chunkStart + i < limit; i++) {
      if (chunk[i] !== 0xff || ((chunk[i + 1] as number) & 0xe0) !== 0xe0) continue;
      const h = word(chunk, i);
      if (frameLengthOf(h) > 0 && (await chainHolds(reader, chunkStart + i, h, end, chunk, chunkStart))) {
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

/** The next offset after `from` where a chain of this stream's frames starts, if any. */
export async function resync(
  reader: RandomAccessReader,
  from: number,
  end: number,
  signature: number,
): Promise<number | undefined> {
  for (let chunkStart = from + 1; chunkStart < end; chunkStart += RESYNC_CHUNK) {
    const chunk = await reader.read(chunkStart, Math.min(RESYNC_CHUNK + 3, end - chunkStart));
    for (let i = 0; i + 4 <= chunk.byteLength; i++) {
      if (chunk[i] !== 0xff) continue;
      const h = word(chunk, i);
      if ((h & STREAM_SIGNATURE_MASK) !== signature || frameLengthOf(h) === 0) continue;
      if (await chainHolds(reader, chunkStart + i, h, end, chunk, chunkStart)) return chunkStart + i;
    }
  }
  return undefined;
}
