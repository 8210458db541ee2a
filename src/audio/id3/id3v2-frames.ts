// readId3v2Frames: the frames of a plain ID3v2.3/2.4 tag, or undefined for any tag only music-metadata should read.

export interface Id3Frame {
  readonly id: string;
  readonly body: Uint8Array;
}

export interface Id3v2Frames {
  readonly major: 3 | 4;
  readonly frames: readonly Id3Frame[];
}

const FRAME_ID = /^[A-Z0-9]{4}$/;

/**
 * Splits `tag` (the whole tag, its 10-byte header included) into frames, if it is "plain": version
 * 2.3 or 2.4, no tag flags (unsynchronisation, extended header, footer), frames with valid IDs and
 * sizes that fit and no format flags (compression, encryption, grouping, per-frame unsynchronisation),
 * then only zero padding. Anything else is undefined: the caller hands the tag to music-metadata.
 */
export function readId3v2Frames(tag: Uint8Array): Id3v2Frames | undefined {
  if (tag.length < 10 || tag[0] !== 0x49 || tag[1] !== 0x44 || tag[2] !== 0x33) return undefined;
  const major = tag[3];
  if ((major !== 3 && major !== 4) || tag[5] !== 0) return undefined;
  if (10 + syncsafe(tag, 6) !== tag.length) return undefined;
  const frames = splitFrames(tag, 10, tag.length, major, true);
  return frames && { major, frames };
}

/**
 * The frames from `at` to `end`; undefined when one is malformed. At top level a zero byte starts
 * the padding, which must be all zeros; inside a CHAP or CTOC frame every byte belongs to a sub-frame,
 * whose format flags music-metadata ignores (so must we).
 */
export function splitFrames(
  bytes: Uint8Array,
  at: number,
  end: number,
  major: 3 | 4,
  topLevel: boolean,
): Id3Frame[] | undefined {
  const frames: Id3Frame[] = [];
  while (at < end) {
    if (topLevel && bytes[at] === 0) {
      for (let i = at; i < end; i++) if (bytes[i] !== 0) return undefined;
      break;
    }
    if (at + 10 > end) return undefined;
    const id = String.fromCharCode(
      bytes[at] ?? 0,
      bytes[at + 1] ?? 0,
      bytes[at + 2] ?? 0,
      bytes[at + 3] ?? 0,
    );
    if (!FRAME_ID.test(id)) return undefined;
    const size = major === 4 ? syncsafe(bytes, at + 4) : uint32(bytes, at + 4);
    if (size < 0 || (topLevel && bytes[at + 9] !== 0)) return undefined;
    const start = at + 10;
    if (start + size > end) return undefined;
    frames.push({ id, body: bytes.subarray(start, start + size) });
    at = start + size;
  }
  return frames;
}

/** A 28-bit syncsafe integer (ID3v2.4 §6.2); -1 when a byte has its top bit set, which music-metadata misreads. */
function syncsafe(bytes: Uint8Array, at: number): number {
  let value = 0;
  for (let i = at; i < at + 4; i++) {
    const b = bytes[i] as number;
    if (b >= 0x80) return -1;
    value = value * 128 + b;
  }
  return value;
}

function uint32(bytes: Uint8Array, at: number): number {
  return (
    (bytes[at] as number) * 0x1000000 +
    (((bytes[at + 1] as number) << 16) | ((bytes[at + 2] as number) << 8) | (bytes[at + 3] as number))
  );
}
