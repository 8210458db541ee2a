import { describe, expect, it } from 'vitest';
import { STREAM_SIGNATURE_MASK } from '../../../src/audio/mpeg/frame-header.ts';
import { walkFrames } from '../../../src/audio/mpeg/frame-walk.ts';
import type { RandomAccessReader } from '../../../src/media-store/media-store.ts';
import { vbrStream } from '../../helpers/mpeg-stream.ts';

const SIGNATURE = 0xfffb50c4 & STREAM_SIGNATURE_MASK;

/** A reader with readInto (the path file readers take) that yields between reads and counts the bytes. */
function fillingReader(bytes: Uint8Array) {
  const reader = {
    size: bytes.byteLength,
    bytesFilled: 0,
    async read(offset: number, length: number) {
      return bytes.slice(offset, Math.min(offset + length, bytes.byteLength));
    },
    async readInto(target: Uint8Array, offset: number) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      const part = bytes.subarray(offset, Math.min(offset + target.byteLength, bytes.byteLength));
      target.set(part);
      reader.bytesFilled += part.byteLength;
      return part.byteLength;
    },
    close: async () => {},
  } satisfies RandomAccessReader & { bytesFilled: number };
  return reader;
}

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

describe('walkFrames', () => {
  it('counts every frame of a stream longer than its buffer, frames straddling each buffer edge', async () => {
    const stream = vbrStream(20_000); // about 9 MB: several buffers, frames of 104 to 1045 bytes
    const reader = fillingReader(stream);
    const walk = await walkFrames(reader, 0, stream.byteLength, SIGNATURE);
    expect(walk).toEqual({ frames: 20_000, audioBytes: stream.byteLength, truncated: false, warnings: [] });
    // each byte is read at most once: the body of a frame cut by a buffer's end is skipped
    expect(reader.bytesFilled).toBeLessThanOrEqual(stream.byteLength);
    expect(reader.bytesFilled).toBeGreaterThan(stream.byteLength - 20 * 1045);
  });

  it('gives the same count through read() alone, for readers without readInto', async () => {
    const stream = vbrStream(5_000);
    const { readInto: _, ...plain } = fillingReader(stream);
    expect((await walkFrames(plain, 0, stream.byteLength, SIGNATURE)).frames).toBe(5_000);
  });

  it('skips junk between frames past a buffer edge, and says where', async () => {
    const head = vbrStream(3_000);
    const junk = new Uint8Array(5000).fill(0x55);
    const stream = concat(head, junk, vbrStream(3_000));
    const walk = await walkFrames(fillingReader(stream), 0, stream.byteLength, SIGNATURE);
    expect(walk.frames).toBe(6_000);
    expect(walk.warnings).toEqual([`skipped 5000 bytes of junk at byte ${head.byteLength}`]);
  });

  it('marks a stream whose last frame is cut short as truncated', async () => {
    const stream = vbrStream(4_000);
    const cut = stream.subarray(0, stream.byteLength - 10);
    const walk = await walkFrames(fillingReader(cut), 0, cut.byteLength, SIGNATURE);
    expect(walk.frames).toBe(3_999);
    expect(walk.truncated).toBe(true);
    expect(walk.warnings[0]).toMatch(/^the last frame, at byte \d+, is cut short$/);
  });

  it('keeps concurrent walks apart (each has a buffer of its own while it runs)', async () => {
    const a = vbrStream(6_000);
    const b = concat(new Uint8Array(0), vbrStream(9_000));
    const walks = await Promise.all([
      walkFrames(fillingReader(a), 0, a.byteLength, SIGNATURE),
      walkFrames(fillingReader(b), 0, b.byteLength, SIGNATURE),
      walkFrames(fillingReader(a), 0, a.byteLength, SIGNATURE),
    ]);
    expect(walks.map((w) => [w.frames, w.audioBytes, w.warnings.length])).toEqual([
      [6_000, a.byteLength, 0],
      [9_000, b.byteLength, 0],
      [6_000, a.byteLength, 0],
    ]);
  });
});
