// ISO BMFF (MP4) boxes: locate top-level boxes in a file and walk child boxes in memory, never trusting sizes.
import { CorruptMediaError } from '../../errors.ts';
import type { RandomAccessReader } from '../../media-store/media-store.ts';

export interface Box {
  readonly type: string;
  /** Offset of the box header in its container (file offset for top-level boxes). */
  readonly start: number;
  /** Offset of the payload (after the 8- or 16-byte header). */
  readonly payload: number;
  /** Offset just past the box. */
  readonly end: number;
}

const fourcc = (b: Uint8Array, at: number) =>
  String.fromCharCode(b[at] ?? 0, b[at + 1] ?? 0, b[at + 2] ?? 0, b[at + 3] ?? 0);

/** Reads big-endian integers at offsets of a byte array. */
export class ByteView {
  readonly bytes: Uint8Array;
  readonly #view: DataView;
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  get length(): number {
    return this.bytes.byteLength;
  }
  u8 = (at: number) => this.#view.getUint8(at);
  u16 = (at: number) => this.#view.getUint16(at);
  u32 = (at: number) => this.#view.getUint32(at);
  i32 = (at: number) => this.#view.getInt32(at);
  u64 = (at: number) => Number(this.#view.getBigUint64(at));
  i64 = (at: number) => Number(this.#view.getBigInt64(at));
  type = (at: number) => fourcc(this.bytes, at);
}

/** The top-level boxes of the file, by reading 16 bytes per box (mdat and other payloads are skipped). */
export async function topLevelBoxes(reader: RandomAccessReader, maxBoxes = 1000): Promise<Box[]> {
  const boxes: Box[] = [];
  for (let at = 0; at < reader.size && boxes.length < maxBoxes; ) {
    const head = await reader.read(at, 16);
    if (head.byteLength < 8) {
      throw new CorruptMediaError(`MP4 box header at byte ${at} is cut short`, { context: { offset: at } });
    }
    const view = new ByteView(head);
    const box = boxAt(view, 0, at, reader.size - at);
    boxes.push({
      ...box,
      start: at,
      payload: at + (box.payload - box.start),
      end: at + (box.end - box.start),
    });
    at += box.end - box.start;
  }
  return boxes;
}

/**
 * The box whose header is at `at` in `view`, positioned as if `view` began at `base`. `room` is the
 * space left in the container: a box claiming more is corrupt (a size of 0 means "to the end").
 */
function boxAt(view: ByteView, at: number, base: number, room: number): Box {
  let size = view.u32(at);
  const type = view.type(at + 4);
  let header = 8;
  if (size === 1) {
    if (view.length < at + 16) throw new CorruptMediaError(`MP4 box "${type}" at byte ${base} is cut short`);
    size = view.u64(at + 8);
    header = 16;
  } else if (size === 0) {
    size = room;
  }
  if (size < header || size > room) {
    throw new CorruptMediaError(
      `MP4 box "${type}" at byte ${base} claims ${size} bytes, but its container has ${room}`,
      { context: { offset: base, type, claimed: size } },
    );
  }
  return { type, start: base, payload: base + header, end: base + size };
}

/** The child boxes between `from` and `to` of an in-memory container. */
export function childBoxes(view: ByteView, from: number, to: number): Box[] {
  const boxes: Box[] = [];
  for (let at = from; at + 8 <= to; ) {
    const box = boxAt(view, at, at, to - at);
    boxes.push(box);
    at = box.end;
  }
  return boxes;
}

/** The first box on `path` (such as ['trak', 'mdia', 'mdhd']) under the container `from`..`to`. */
export function findBox(view: ByteView, from: number, to: number, path: readonly string[]): Box | undefined {
  let range: Box | undefined;
  let start = from;
  let end = to;
  for (const type of path) {
    range = childBoxes(view, start, end).find((b) => b.type === type);
    if (!range) return undefined;
    start = range.payload;
    end = range.end;
  }
  return range;
}
