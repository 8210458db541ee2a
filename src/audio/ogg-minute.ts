// oggMinuteEnd: where the Ogg page ends whose granule position first reaches 60 s of playback (RFC 3533, RFC 7845).
import type { RandomAccessReader } from '../media-store/media-store.ts';

const PAGE_HEADER = 27;
/** Bytes read at a time: pages are walked header by header, through these windows. */
const WINDOW = 256 * 1024;

export interface OggStream {
  readonly serial: number;
  readonly sampleRate: number;
  /** Opus pre-skip: the granule counts these samples, which the decoder drops (RFC 7845 §4.2). */
  readonly preSkip: number;
}

/**
 * Offset just past the first page of `stream` whose granule position, less the pre-skip, reaches
 * `seconds`: a page's granule is the sample count at the end of the last packet completed on it
 * (RFC 3533 §6; RFC 7845 §4), so the packet in which playback reaches the mark completes on that
 * page. Undefined when the pages stop making sense (a gap, garbage, the end of the file) first.
 */
export async function oggMinuteEnd(
  reader: RandomAccessReader,
  stream: OggStream,
  seconds: number,
): Promise<number | undefined> {
  const target = BigInt(Math.ceil(seconds * stream.sampleRate + stream.preSkip));
  let window: Uint8Array = new Uint8Array(0);
  let windowStart = 0;
  for (let at = 0; at + PAGE_HEADER <= reader.size; ) {
    if (at + PAGE_HEADER + 255 > windowStart + window.byteLength) {
      window = await reader.read(at, WINDOW);
      windowStart = at;
      if (window.byteLength < PAGE_HEADER) return undefined;
    }
    const i = at - windowStart;
    if (window[i] !== 0x4f || window[i + 1] !== 0x67 || window[i + 2] !== 0x67 || window[i + 3] !== 0x53) {
      return undefined; // not "OggS" where the previous page said the next one starts
    }
    const segments = window[i + 26] as number;
    if (i + PAGE_HEADER + segments > window.byteLength) return undefined;
    let length = PAGE_HEADER + segments;
    for (let s = 0; s < segments; s++) length += window[i + PAGE_HEADER + s] as number;
    const view = new DataView(window.buffer, window.byteOffset + i, PAGE_HEADER);
    const granule = view.getBigInt64(6, true);
    const serial = view.getUint32(14, true);
    const end = at + length;
    if (end > reader.size) return undefined;
    if (serial === stream.serial && granule >= target) return end;
    at = end;
  }
  return undefined;
}
