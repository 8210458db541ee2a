import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STREAM_SIGNATURE_MASK } from '../../../src/audio/mpeg/frame-header.ts';
import { walkFrames } from '../../../src/audio/mpeg/frame-walk.ts';
import type { RandomAccessReader } from '../../../src/media-store/media-store.ts';
import { concatBytes } from '../../helpers/byte-reader.ts';
import { frameOf, vbrStream } from '../../helpers/mpeg-stream.ts';
import { referenceWalk } from '../../helpers/reference-walk.ts';

const SIGNATURE = 0xfffb50c4 & STREAM_SIGNATURE_MASK;
const FAKE = frameOf(1, 0).subarray(0, 4);

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

const concat = concatBytes;

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

  it('notes where frame number `mark` ends, past junk and buffer edges, and stops there when asked', async () => {
    const stream = concat(vbrStream(3_000), new Uint8Array(5000).fill(0x55), vbrStream(3_000));
    for (const mark of [1, 1_500, 2_999, 3_000, 3_001, 4_500, 6_000, 6_001]) {
      const expected = referenceWalk(stream, 0, stream.byteLength, SIGNATURE, mark);
      const walk = await walkFrames(fillingReader(stream), 0, stream.byteLength, SIGNATURE, { mark });
      expect(walk).toEqual(expected);
      const short = await walkFrames(fillingReader(stream), 0, stream.byteLength, SIGNATURE, {
        mark,
        stopAtMark: true,
        firstChunk: 64 * 1024,
      });
      expect(short.markEnd).toBe(expected.markEnd);
      if (mark <= 6_000) expect(short.frames).toBe(mark);
    }
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

  it('counts exactly what a plain byte-by-byte walk counts, over junk, false syncs and cuts anywhere', async () => {
    // Frames in runs of up to 3,000 (so buffers end mid-frame and lanes start anywhere),
    // maybe with fake headers in their data; between runs junk full of sync-like bytes; the file
    // may end mid-frame.
    const frames = fc
      .array(fc.tuple(fc.integer({ min: 1, max: 14 }), fc.constantFrom<0 | 1>(0, 1)), { maxLength: 40 })
      .chain((kinds) =>
        fc.record({ kinds: fc.constant(kinds), n: fc.integer({ min: 1, max: 3_000 }), fakes: fc.nat(60) }),
      );
    const junk = fc
      .uint8Array({ maxLength: 3_000 })
      .map((bytes) => bytes.map((b, i) => (i % 7 === 0 ? 0xff : b)));
    const file = fc.record({
      runs: fc.array(fc.tuple(frames, junk), { minLength: 1, maxLength: 5 }),
      cut: fc.nat(2_000),
      mark: fc.nat(16_000), // where the first minute ends: anywhere, or past the end
    });
    await fc.assert(
      fc.asyncProperty(file, async ({ runs, cut, mark }) => {
        const parts: Uint8Array[] = [];
        for (const [{ kinds, n, fakes }, noise] of runs) {
          for (let f = 0; f < n; f++) {
            const [index, padding] = kinds[f % Math.max(1, kinds.length)] ?? [9, 0];
            const frame = frameOf(index, padding);
            // fake headers inside the frame's data, `fakes` bytes apart (none when under 4)
            for (let at = 4; fakes >= 4 && at + 4 <= frame.length; at += fakes) frame.set(FAKE, at);
            parts.push(frame);
          }
          parts.push(noise);
        }
        const whole = concat(...parts);
        const bytes = whole.subarray(0, Math.max(4, whole.byteLength - cut));
        const expected = referenceWalk(bytes, 0, bytes.byteLength, SIGNATURE, mark);
        const walk = await walkFrames(fillingReader(bytes), 0, bytes.byteLength, SIGNATURE, { mark });
        expect(walk).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });

  it('is not misled by frame data that looks like a run of frames (false syncs inside frames)', async () => {
    // 320 kbit/s frames (1,044 bytes), each carrying a run of fake 32 kbit/s headers (104 bytes
    // apart, so each chains to the next): a second lane started on one must be dropped.
    const fake = frameOf(1, 0).subarray(0, 4);
    const frame = frameOf(14, 0);
    for (let at = 4; at + 104 < frame.length; at += 104) frame.set(fake, at);
    const stream = concat(...Array.from({ length: 4_000 }, () => frame));
    const walk = await walkFrames(fillingReader(stream), 0, stream.byteLength, SIGNATURE);
    expect(walk).toEqual({ frames: 4_000, audioBytes: stream.byteLength, truncated: false, warnings: [] });
  });
});
