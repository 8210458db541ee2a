import { describe, expect, it } from 'vitest';
import { probeAudio } from '../../src/audio/probe.ts';
import { bytesReader, fixtureBytes, fixtureReader } from '../helpers/byte-reader.ts';

const CHAPTERS = [
  { title: 'Opening', startSeconds: 0, endSeconds: 2.5 },
  { title: 'Middle part', startSeconds: 2.5, endSeconds: 5 },
  { title: 'Close & end', startSeconds: 5, endSeconds: 7.3 },
];

describe('probeAudio metadata', () => {
  it('reads ID3v2 CHAP/CTOC chapters from an MP3', async () => {
    const probe = await probeAudio(await fixtureReader('mp3-chapters.mp3'));
    expect(probe.chapters).toEqual(CHAPTERS);
  });

  it('reads MP4 chapters (Nero chpl)', async () => {
    const probe = await probeAudio(await fixtureReader('m4a-chapters.m4a'));
    expect(probe.chapters).toEqual(CHAPTERS);
  });

  it('reads MP4 chapters from a QuickTime chapter track when there is no chpl box', async () => {
    const bytes = await fixtureBytes('m4a-chapters.m4a');
    const text = new TextDecoder('latin1').decode(bytes);
    const at = text.indexOf('chpl');
    expect(at).toBeGreaterThan(0);
    bytes.set(new TextEncoder().encode('free'), at); // hide the Nero chapters
    const probe = await probeAudio(bytesReader(bytes));
    expect(probe.chapters.map((c) => c.title)).toEqual(['Opening', 'Middle part', 'Close & end']);
    expect(probe.chapters.map((c) => c.startSeconds)).toEqual([0, 2.5, 5]);
  });

  it('describes embedded artwork with its type, size and pixel dimensions', async () => {
    const probe = await probeAudio(await fixtureReader('mp3-artwork.mp3'));
    expect(probe.artwork).toMatchObject({ mimeType: 'image/jpeg', width: 300, height: 300 });
    expect(probe.artwork?.sizeBytes).toBeGreaterThan(100);
  });

  it('reads the common tags', async () => {
    const probe = await probeAudio(await fixtureReader('mp3-artwork.mp3'));
    expect(probe.tags).toEqual({
      title: 'With artwork',
      artist: 'podwire tests',
      album: 'Fixtures',
      year: 2026,
      comment: 'A cover is embedded',
    });
  });
});
