// Where the audio of a tagged file starts and ends: ID3v2 tags before it; ID3v1, APEv2, Lyrics3 after it.
import { CorruptMediaError } from '../errors.ts';
import type { RandomAccessReader } from '../media-store/media-store.ts';

const ascii = (bytes: Uint8Array, at: number, length: number) =>
  String.fromCharCode(...bytes.subarray(at, at + length));

/**
 * Offset just past the ID3v2 tags at `offset` (files sometimes carry two). Throws CorruptMediaError
 * when a tag claims more bytes than the file holds, without reading or allocating them.
 */
export async function skipId3v2(reader: RandomAccessReader, offset = 0): Promise<number> {
  let at = offset;
  for (let tags = 0; tags < 8; tags++) {
    const head = await reader.read(at, 10);
    if (head.byteLength < 10 || ascii(head, 0, 3) !== 'ID3') return at;
    const sizeBytes = head.subarray(6, 10);
    if ((head[3] as number) === 0xff || sizeBytes.some((b) => b >= 0x80)) {
      throw new CorruptMediaError(`ID3v2 tag at byte ${at} has an invalid header`, {
        context: { offset: at },
      });
    }
    const size = sizeBytes.reduce((n, b) => n * 128 + b, 0);
    const footer = ((head[5] as number) & 0x10) !== 0 ? 10 : 0;
    const end = at + 10 + size + footer;
    if (end > reader.size) {
      throw new CorruptMediaError(
        `ID3v2 tag at byte ${at} claims ${size} bytes, but only ${reader.size - at - 10} follow it`,
        { context: { offset: at, claimed: size, size: reader.size } },
      );
    }
    at = end;
  }
  return at;
}

/** Offset where trailing tags (ID3v1, APEv2, Lyrics3v2, in any order) begin; the file size if none. */
export async function trailingTagsStart(reader: RandomAccessReader, floor: number): Promise<number> {
  let end = reader.size;
  for (let guard = 0; guard < 4 && end > floor; guard++) {
    const tail = await reader.read(Math.max(floor, end - 128), Math.min(128, end - floor));
    const t = tail.byteLength;
    if (t === 128 && ascii(tail, 0, 3) === 'TAG') {
      end -= 128;
      continue;
    }
    if (t >= 32 && ascii(tail, t - 32, 8) === 'APETAGEX') {
      const footer = tail.subarray(t - 32);
      const size = new DataView(footer.buffer, footer.byteOffset).getUint32(12, true);
      const hasHeader = ((footer[23] as number) & 0x80) !== 0;
      const start = end - size - (hasHeader ? 32 : 0);
      if (start < floor || size < 32) break;
      end = start;
      continue;
    }
    if (t >= 15 && ascii(tail, t - 9, 9) === 'LYRICS200') {
      const size = Number(ascii(tail, t - 15, 6));
      const start = end - 15 - size;
      if (!Number.isInteger(size) || start < floor) break;
      end = start;
      continue;
    }
    break;
  }
  return end;
}
