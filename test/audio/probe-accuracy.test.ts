import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { probeAudio } from '../../src/audio/probe.ts';
import { AUDIO_FIXTURES, fixtureBytes, fixtureReader } from '../helpers/byte-reader.ts';

interface Truth {
  sampleRate: number;
  decodedSamples: number;
  seconds: number;
}
const manifest = JSON.parse(await readFile(new URL('manifest.json', AUDIO_FIXTURES), 'utf8')) as Record<
  string,
  Truth
>;

const EXPECTED: Record<string, { mimeType: string; container: string; method: string }> = {
  'mp3-cbr-info.mp3': { mimeType: 'audio/mpeg', container: 'mpeg', method: 'info' },
  'mp3-cbr-no-header.mp3': { mimeType: 'audio/mpeg', container: 'mpeg', method: 'frame-walk' },
  'mp3-vbr-xing.mp3': { mimeType: 'audio/mpeg', container: 'mpeg', method: 'xing' },
  'mp3-vbr-vbri.mp3': { mimeType: 'audio/mpeg', container: 'mpeg', method: 'vbri' },
  'mp3-vbr-no-header.mp3': { mimeType: 'audio/mpeg', container: 'mpeg', method: 'frame-walk' },
  'mp3-speech-no-header.mp3': { mimeType: 'audio/mpeg', container: 'mpeg', method: 'frame-walk' },
  'mp3-big-id3.mp3': { mimeType: 'audio/mpeg', container: 'mpeg', method: 'info' },
  'mp3-artwork.mp3': { mimeType: 'audio/mpeg', container: 'mpeg', method: 'info' },
  'mp3-junk-start.mp3': { mimeType: 'audio/mpeg', container: 'mpeg', method: 'frame-walk' },
  'mp3-chapters.mp3': { mimeType: 'audio/mpeg', container: 'mpeg', method: 'info' },
  'mp3-mpeg2-16k.mp3': { mimeType: 'audio/mpeg', container: 'mpeg', method: 'frame-walk' },
  'mp3-mpeg25-8k-no-header.mp3': { mimeType: 'audio/mpeg', container: 'mpeg', method: 'frame-walk' },
  'm4a-faststart.m4a': { mimeType: 'audio/x-m4a', container: 'mp4', method: 'mp4-edit-list' },
  'm4a-moov-end.m4a': { mimeType: 'audio/x-m4a', container: 'mp4', method: 'mp4-edit-list' },
  'm4a-chapters.m4a': { mimeType: 'audio/x-m4a', container: 'mp4', method: 'mp4-edit-list' },
  'vorbis.ogg': { mimeType: 'audio/ogg', container: 'ogg', method: 'ogg-granule' },
  'opus.opus': { mimeType: 'audio/ogg', container: 'ogg', method: 'ogg-granule' },
  'flac.flac': { mimeType: 'audio/flac', container: 'flac', method: 'flac-streaminfo' },
  'wav.wav': { mimeType: 'audio/wav', container: 'wav', method: 'pcm-chunks' },
  'wav-float32-extensible.wav': { mimeType: 'audio/wav', container: 'wav', method: 'pcm-chunks' },
  'wav-pcm24-extensible.wav': { mimeType: 'audio/wav', container: 'wav', method: 'pcm-chunks' },
  'aiff.aiff': { mimeType: 'audio/aiff', container: 'aiff', method: 'pcm-chunks' },
};

describe('probeAudio accuracy', () => {
  it('has a fixture with a known decoded length for every case', () => {
    expect(Object.keys(manifest).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))(
    '%s: within 0.05 s of the gapless decoded length',
    async (file, expected) => {
      const truth = manifest[file] as Truth;
      const probe = await probeAudio(await fixtureReader(file), { name: file });
      expect(Math.abs(probe.durationSeconds - truth.seconds)).toBeLessThanOrEqual(0.05);
      expect(probe).toMatchObject({
        mimeType: expected.mimeType,
        container: expected.container,
        durationMethod: expected.method,
        sampleRate: truth.sampleRate,
        partial: false,
      });
      if (expected.container === 'mpeg') {
        // MP3 is exact to the sample: frame counts and the LAME tag leave nothing to estimate.
        expect(Math.round(probe.durationSeconds * truth.sampleRate)).toBe(truth.decodedSamples);
      }
    },
  );

  it('reads an MP3 speech file whose first frames share a bitrate exactly (music-metadata is 5x long here)', async () => {
    const probe = await probeAudio(await fixtureReader('mp3-speech-no-header.mp3'));
    expect(probe.durationSeconds).toBe(10.584);
    expect(probe.durationText).toBe('0:11');
  });

  it('skips junk that looks like frame headers before the first real frame, and says so', async () => {
    const probe = await probeAudio(await fixtureReader('mp3-junk-start.mp3'));
    expect(probe.warnings).toContain('skipped 3000 bytes of junk before the first frame');
  });

  it('reports codec, channels and an average bitrate', async () => {
    const mp3 = await probeAudio(await fixtureReader('mp3-cbr-no-header.mp3'));
    expect(mp3).toMatchObject({ codec: 'MPEG 1 Layer 3', channels: 1, bitrate: 64000, lossless: false });
    const flac = await probeAudio(await fixtureReader('flac.flac'));
    expect(flac).toMatchObject({ channels: 1, lossless: true });
    const m4a = await probeAudio(await fixtureReader('m4a-faststart.m4a'));
    expect(m4a).toMatchObject({ codec: 'MPEG-4/AAC', channels: 1 });
  });

  it('names the codec of a WAVE_FORMAT_EXTENSIBLE file from its subformat GUID, as for a plain WAV', async () => {
    for (const name of ['wav-float32-extensible.wav', 'wav-pcm24-extensible.wav']) {
      // the fixtures really are extensible: fmt tag 0xFFFE at byte 20
      const bytes = await fixtureBytes(name);
      expect(new DataView(bytes.buffer, bytes.byteOffset).getUint16(20, true), name).toBe(0xfffe);
    }
    const float = await probeAudio(await fixtureReader('wav-float32-extensible.wav'));
    expect(float).toMatchObject({ codec: 'IEEE_FLOAT', bitrate: 256000, channels: 1, lossless: true });
    const pcm24 = await probeAudio(await fixtureReader('wav-pcm24-extensible.wav'));
    expect(pcm24).toMatchObject({ codec: 'PCM', bitrate: 192000, channels: 1, lossless: true });
    expect(await probeAudio(await fixtureReader('wav.wav'))).toMatchObject({ codec: 'PCM', lossless: true });
  });
});
