import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBlockingFileReader, probeFile } from '../../src/node/file-reader.ts';
import { id3v2Tag, textFrame } from '../helpers/id3-tags.ts';
import { SAMPLE_RATE, SAMPLES_PER_FRAME, vbrStream } from '../helpers/mpeg-stream.ts';
import { tempDirs } from '../helpers/temp-dir.ts';

const newDir = tempDirs();

describe('openBlockingFileReader', () => {
  it('reads ranges, fills buffers and stops at the end of the file', async () => {
    const path = join(await newDir(), 'bytes.bin');
    await writeFile(
      path,
      Uint8Array.from({ length: 1000 }, (_, i) => i % 256),
    );
    const reader = openBlockingFileReader(path);
    expect(reader.size).toBe(1000);
    expect([...(await reader.read(998, 10))]).toEqual([998 % 256, 999 % 256]);
    const target = new Uint8Array(16);
    expect(await reader.readInto?.(target, 990)).toBe(10);
    expect(target[0]).toBe(990 % 256);
    await reader.close();
  });

  it('fails like open() for a missing file (the CLI reports "no such file")', () => {
    expect(() => openBlockingFileReader('/nonexistent/podwire.mp3')).toThrow(
      expect.objectContaining({ code: 'ENOENT' }),
    );
  });
});

describe('probeFile', () => {
  it('walks a header-less MP3 exactly, reads its tags and reports the bytes read', async () => {
    const tag = id3v2Tag(4, [textFrame('TIT2', 3, 'Walked'), textFrame('TPE1', 1, 'Tester')]);
    const audio = vbrStream(3_000);
    const path = join(await newDir(), 'episode.mp3');
    await writeFile(path, Buffer.concat([tag, audio]));
    const probe = await probeFile(path);
    expect(probe).toMatchObject({
      durationMethod: 'frame-walk',
      durationSeconds: (3_000 * SAMPLES_PER_FRAME) / SAMPLE_RATE,
      tags: { title: 'Walked', artist: 'Tester' },
      partial: false,
      warnings: [],
    });
    expect(probe.bytesRead).toBeGreaterThan(audio.byteLength * 0.99);
    expect(probe.bytesRead).toBeLessThan(tag.byteLength + audio.byteLength + 256 * 1024);
  });
});
