import { parseFromTokenizer } from 'music-metadata';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { probeAudio } from '../../src/audio/probe.ts';
import { bytesReader } from '../helpers/byte-reader.ts';
import { id3v1Tag, id3v2Tag, textFrame } from '../helpers/id3-tags.ts';
import { vbrStream } from '../helpers/mpeg-stream.ts';

vi.mock('music-metadata', async (importOriginal) => {
  const original = await importOriginal<typeof import('music-metadata')>();
  return { ...original, parseFromTokenizer: vi.fn(original.parseFromTokenizer) };
});

const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

describe('probeAudio on MP3 tags', () => {
  beforeEach(() => {
    vi.mocked(parseFromTokenizer).mockClear();
  });

  it('reads plain ID3 tags itself: no music-metadata parse per file', async () => {
    const tag = id3v2Tag(3, [textFrame('TIT2', 1, 'Plain'), textFrame('TALB', 0, 'Album')]);
    const file = concat(tag, vbrStream(2_000), id3v1Tag({ artist: 'From v1', year: '2021' }));
    const probe = await probeAudio(bytesReader(file));
    expect(probe.tags).toEqual({ title: 'Plain', artist: 'From v1', album: 'Album', year: 2021 });
    expect(parseFromTokenizer).not.toHaveBeenCalled();
  });

  it('asks music-metadata about tags it does not read itself, with the same result shape', async () => {
    const tag = id3v2Tag(3, [{ ...textFrame('TIT2', 0, 'Compressed?'), formatFlags: 0x20 }]);
    const probe = await probeAudio(bytesReader(concat(tag, vbrStream(2_000))));
    expect(parseFromTokenizer).toHaveBeenCalledTimes(1);
    expect(probe.durationMethod).toBe('frame-walk');
  });
});
