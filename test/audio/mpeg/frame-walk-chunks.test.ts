import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STREAM_SIGNATURE_MASK } from '../../../src/audio/mpeg/frame-header.ts';
import { WALK_CHUNK, walkFrames } from '../../../src/audio/mpeg/frame-walk.ts';
import type { RandomAccessReader } from '../../../src/media-store/media-store.ts';
import { openBlockingFileReader, probeFile } from '../../../src/node/file-reader.ts';
import { concatBytes } from '../../helpers/byte-reader.ts';
import { frameOf, SAMPLE_RATE, SAMPLES_PER_FRAME, vbrStream } from '../../helpers/mpeg-stream.ts';
import { referenceWalk } from '../../helpers/reference-walk.ts';
import { tempDirs } from '../../helpers/temp-dir.ts';

const SIGNATURE = 0xfffb50c4 & STREAM_SIGNATURE_MASK;
const newDir = tempDirs();

/**
 * Frames of 104 and 105 bytes (32 kbit/s, 44.1 kHz) up to byte `at`, where a frame of bitrate
 * `edge` (1: 104 bytes ... 14: 1,045 bytes) starts, then `after` frames of every bitrate.
 */
function headerAt(at: number, after: number, edge = 1): Uint8Array {
  const padded = at % 104; // 104 * plain + 105 * padded = at
  const plain = (at - 105 * padded) / 104;
  return concatBytes(
    ...Array.from({ length: padded }, () => frameOf(1, 1)),
    ...Array.from({ length: plain }, () => frameOf(1, 0)),
    frameOf(edge, 0),
    ...Array.from({ length: after }, (_, i) => frameOf(1 + (i % 14), (i % 2) as 0 | 1)),
  );
}

/** A reader of `bytes` that counts what it hands out through readInto, as the file reader does. */
function countingReader(bytes: Uint8Array) {
  const reader = {
    size: bytes.byteLength,
    filled: 0,
    fills: 0,
    async read(offset: number, length: number) {
      return bytes.slice(offset, Math.min(offset + length, bytes.byteLength));
    },
    async readInto(target: Uint8Array, offset: number) {
      const part = bytes.subarray(offset, Math.min(offset + target.byteLength, bytes.byteLength));
      target.set(part);
      reader.filled += part.byteLength;
      reader.fills++;
      return part.byteLength;
    },
    close: async () => {},
  } satisfies RandomAccessReader & { filled: number; fills: number };
  return reader;
}

describe('walkFrames over chunk boundaries', () => {
  it('counts a frame whose header or body straddles the end of a chunk, wherever it is cut', async () => {
    // the frame at the edge starts `k` bytes before the chunk's end: after it (k <= 0), its
    // header cut (1-3), its body cut (4 up to its length), or whole before the end
    const cuts = [
      -3, -2, -1, 0, 1, 2, 3, 4, 5, 6, 50, 102, 103, 104, 105, 106, 600, 1_043, 1_044, 1_045, 1_046,
    ];
    for (const edge of [1, 14]) {
      for (const k of cuts) {
        const bytes = headerAt(WALK_CHUNK - k, 300, edge);
        const expected = referenceWalk(bytes, 0, bytes.byteLength, SIGNATURE, 5_000);
        const reader = countingReader(bytes);
        const walk = await walkFrames(reader, 0, bytes.byteLength, SIGNATURE, { mark: 5_000 });
        expect({ edge, k, ...walk }).toEqual({ edge, k, ...expected });
        expect(walk.frames).toBe(expected.frames);
        expect(walk.warnings).toEqual([]);
        // a header cut by the chunk's end is read again (at most 3 bytes); a cut body is skipped
        expect(reader.filled).toBeLessThanOrEqual(bytes.byteLength + 3);
        expect(reader.fills).toBe(2);
      }
    }
  });

  it('notes where the mark frame ends when that frame straddles a chunk boundary', async () => {
    for (const k of [-1, 0, 1, 2, 3, 4, 5, 500]) {
      const bytes = headerAt(WALK_CHUNK - k, 50, 14);
      const mark = referenceWalk(bytes, 0, WALK_CHUNK - k, SIGNATURE).frames + 1; // the edge frame
      const walk = await walkFrames(countingReader(bytes), 0, bytes.byteLength, SIGNATURE, { mark });
      expect({ k, markEnd: walk.markEnd }).toEqual({ k, markEnd: WALK_CHUNK - k + 1_044 });
      const short = await walkFrames(countingReader(bytes), 0, bytes.byteLength, SIGNATURE, {
        mark,
        stopAtMark: true,
      });
      expect([short.frames, short.markEnd]).toEqual([mark, WALK_CHUNK - k + 1_044]);
    }
  });

  it('marks the last frame cut short when the file ends just past a chunk boundary', async () => {
    for (let d = -3; d <= 40; d++) {
      const whole = headerAt(WALK_CHUNK + d, 0, 14);
      const cut = whole.subarray(0, whole.byteLength - 20); // the frame at the edge loses its last 20 bytes
      const expected = referenceWalk(cut, 0, cut.byteLength, SIGNATURE);
      const walk = await walkFrames(countingReader(cut), 0, cut.byteLength, SIGNATURE);
      expect({ d, ...walk }).toEqual({ d, ...expected });
      expect(walk.truncated).toBe(true);
      expect(walk.warnings).toEqual([`the last frame, at byte ${WALK_CHUNK + d}, is cut short`]);
    }
  });

  it('skips garbage that starts, ends or sits across a chunk boundary, and says where', async () => {
    for (const [offset, length] of [
      [-500, 500], // garbage up to the boundary
      [0, 700], // garbage from the boundary
      [-2, 5], // a few bytes across it
      [-300, 2_000], // a long run across it
    ] as const) {
      const head = headerAt(WALK_CHUNK + offset, 0);
      const garbage = Uint8Array.from({ length }, (_, i) => (i % 5 === 0 ? 0xff : 0x42));
      const bytes = concatBytes(head, garbage, vbrStream(400));
      const expected = referenceWalk(bytes, 0, bytes.byteLength, SIGNATURE);
      const walk = await walkFrames(countingReader(bytes), 0, bytes.byteLength, SIGNATURE);
      expect(walk).toEqual(expected);
      expect(walk.warnings).toEqual([`skipped ${length} bytes of junk at byte ${head.byteLength}`]);
    }
  });

  it('walks a stream smaller than one chunk in one read, down to a single frame', async () => {
    for (const frames of [1, 2, 3, 40, 160, 1_000]) {
      const bytes = vbrStream(frames);
      expect(bytes.byteLength).toBeLessThan(WALK_CHUNK);
      const reader = countingReader(bytes);
      const walk = await walkFrames(reader, 0, bytes.byteLength, SIGNATURE);
      expect(walk).toEqual({ frames, audioBytes: bytes.byteLength, truncated: false, warnings: [] });
      expect([reader.fills, reader.filled]).toEqual([1, bytes.byteLength]);
    }
  });
});

describe('probeFile over chunk boundaries (the blocking file reader)', () => {
  it('finds every frame of a file whose frames straddle each chunk boundary, and reads it once', async () => {
    // frames of 104 to 1,045 bytes over 6 chunks: the boundaries fall mid-header and mid-body
    const audio = vbrStream(8_000);
    expect(audio.byteLength).toBeGreaterThan(5 * WALK_CHUNK);
    const path = join(await newDir(), 'chunks.mp3');
    await writeFile(path, audio);
    const probe = await probeFile(path);
    expect(probe).toMatchObject({
      durationMethod: 'frame-walk',
      durationSeconds: (8_000 * SAMPLES_PER_FRAME) / SAMPLE_RATE,
      partial: false,
      warnings: [],
    });
    // the whole file once, plus the probe's look at its head block (64 KiB) and its tail
    expect(probe.bytesRead).toBeGreaterThanOrEqual(audio.byteLength);
    expect(probe.bytesRead).toBeLessThanOrEqual(audio.byteLength + 2 * 64 * 1024);
  });

  it('reads a file that ends inside its last frame as partial, through the blocking reader', async () => {
    const audio = headerAt(2 * WALK_CHUNK + 1, 0, 14);
    const path = join(await newDir(), 'cut.mp3');
    await writeFile(path, audio.subarray(0, audio.byteLength - 30));
    const reader = openBlockingFileReader(path);
    const walk = await walkFrames(reader, 0, reader.size, SIGNATURE);
    await reader.close();
    expect(walk.truncated).toBe(true);
    expect(walk.warnings).toEqual([`the last frame, at byte ${2 * WALK_CHUNK + 1}, is cut short`]);
    expect(walk.frames).toBe(referenceWalk(audio, 0, 2 * WALK_CHUNK + 1, SIGNATURE).frames);
  });
});

describe('walkFrames signature', () => {
  it('refuses a signature that is not a frame header (its loops trust the sync bits)', async () => {
    const bytes = vbrStream(10);
    await expect(walkFrames(countingReader(bytes), 0, bytes.byteLength, 0)).rejects.toThrow(RangeError);
    await expect(
      walkFrames(countingReader(bytes), 0, bytes.byteLength, SIGNATURE & 0x7fffffff),
    ).rejects.toThrow(/not an MPEG frame signature/);
  });
});
