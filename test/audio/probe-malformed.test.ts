import { describe, expect, it } from 'vitest';
import { probeAudio } from '../../src/audio/probe.ts';
import { CorruptMediaError, MediaError, UnsupportedMediaError } from '../../src/errors.ts';
import type { RandomAccessReader } from '../../src/media-store/media-store.ts';
import { bytesReader, fixtureBytes, repeatingReader } from '../helpers/byte-reader.ts';

/** Every malformed input must settle within this time: an error or a result marked partial. */
const DEADLINE_MS = 3000;

async function probeWithin(reader: RandomAccessReader) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`probe still running after ${DEADLINE_MS} ms`)), DEADLINE_MS);
  });
  try {
    return await Promise.race([probeAudio(reader, { name: 'upload' }), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

async function errorOf(reader: RandomAccessReader): Promise<MediaError> {
  const error = await probeWithin(reader).then(
    (probe) => new Error(`expected an error, got ${JSON.stringify(probe)}`),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MediaError);
  return error as MediaError;
}

const ascii = (text: string) => new TextEncoder().encode(text);
function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}
function seededRandom(length: number, seed = 7): Uint8Array {
  const out = new Uint8Array(length);
  let s = seed;
  for (let i = 0; i < length; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    out[i] = s >>> 16;
  }
  return out;
}
const id3Header = (size: number) =>
  new Uint8Array([
    0x49,
    0x44,
    0x33,
    4,
    0,
    0,
    (size >>> 21) & 127,
    (size >>> 14) & 127,
    (size >>> 7) & 127,
    size & 127,
  ]);

describe('probeAudio on malformed input', () => {
  it('refuses a zero-byte file', async () => {
    const error = await errorOf(bytesReader(new Uint8Array(0)));
    expect(error).toBeInstanceOf(CorruptMediaError);
    expect(error.message).toBe('upload: the file is empty');
  });

  it('refuses random bytes with an audio extension', async () => {
    const error = await errorOf(bytesReader(seededRandom(300_000)));
    expect(error).toBeInstanceOf(UnsupportedMediaError);
  });

  it('refuses text renamed to .m4a, saying it looks like text', async () => {
    const error = await errorOf(bytesReader(ascii('Meeting notes\n'.repeat(500))));
    expect(error).toBeInstanceOf(UnsupportedMediaError);
    expect(error.message).toMatch(/looks like text/);
  });

  it('refuses an HTML page saved as .mp3', async () => {
    const error = await errorOf(bytesReader(ascii('<!DOCTYPE html><html><body>Not found</body></html>')));
    expect(error).toBeInstanceOf(UnsupportedMediaError);
  });

  it('refuses an HTML page in front of real MP3 frames, saying it starts like HTML', async () => {
    const page = ascii('<html><body><h1>502 Bad Gateway</h1></body></html>\n');
    const error = await errorOf(bytesReader(concat(page, await fixtureBytes('mp3-cbr-no-header.mp3'))));
    expect(error).toBeInstanceOf(UnsupportedMediaError);
    expect(error.message).toBe('upload: not an audio file podwire can read (it starts like HTML)');
  });

  it('refuses an ID3v2 tag claiming 200 MB in a small file, without allocating it', async () => {
    const error = await errorOf(bytesReader(concat(id3Header(200 * 1024 * 1024), seededRandom(5000))));
    expect(error).toBeInstanceOf(CorruptMediaError);
    expect(error.message).toMatch(/ID3v2 tag at byte 0 claims 209715200 bytes/);
  });

  it('gets past an ID3v2 tag of 200 MB in a 300 MB file without reading it into memory', async () => {
    const frame = new Uint8Array(208);
    frame.set([0xff, 0xfb, 0x50, 0xc4]);
    const size = 300 * 1024 * 1024;
    const reader = repeatingReader(id3Header(200 * 1024 * 1024), frame, size);
    const probe = await probeWithin(reader);
    expect(probe.durationSeconds).toBeGreaterThan(0);
    expect(probe.warnings.join(' ')).toMatch(/tags unreadable/);
  });

  it('refuses an MP4 box claiming more bytes than the file holds', async () => {
    const ftyp = concat(new Uint8Array([0, 0, 0, 16]), ascii('ftypM4A '), new Uint8Array([0, 0, 0, 0]));
    const moov = concat(new Uint8Array([0xff, 0xff, 0xff, 0xf0]), ascii('moov'), seededRandom(100));
    const error = await errorOf(bytesReader(concat(ftyp, moov)));
    expect(error).toBeInstanceOf(CorruptMediaError);
    expect(error.message).toMatch(/MP4 box "moov" at byte 16 claims 4294967280 bytes/);
  });

  it('refuses an MP4 box with a huge 64-bit size', async () => {
    const ftyp = concat(new Uint8Array([0, 0, 0, 16]), ascii('ftypisom'), new Uint8Array([0, 0, 2, 0]));
    const big = concat(
      new Uint8Array([0, 0, 0, 1]),
      ascii('mdat'),
      new Uint8Array([0x7f, 0, 0, 0, 0, 0, 0, 0]),
    );
    const error = await errorOf(bytesReader(concat(ftyp, big, seededRandom(64))));
    expect(error).toBeInstanceOf(CorruptMediaError);
  });

  it('refuses an MP4 file whose moov is missing (an unfinished upload)', async () => {
    const bytes = await fixtureBytes('m4a-moov-end.m4a');
    const text = new TextDecoder('latin1').decode(bytes);
    const error = await errorOf(bytesReader(bytes.subarray(0, text.indexOf('moov') - 4)));
    expect(error.message).toMatch(/no moov box/);
  });

  it('refuses an MP4 whose moov holds a child box larger than itself', async () => {
    const bytes = await fixtureBytes('m4a-faststart.m4a');
    const text = new TextDecoder('latin1').decode(bytes);
    const trak = text.indexOf('trak') - 4;
    new DataView(bytes.buffer, bytes.byteOffset).setUint32(trak, 0x7ffffff0);
    const error = await errorOf(bytesReader(bytes));
    expect(error).toBeInstanceOf(CorruptMediaError);
  });

  it('measures an Ogg stream cut mid-page up to its last whole page, marked partial', async () => {
    const bytes = await fixtureBytes('vorbis.ogg');
    const probe = await probeWithin(bytesReader(bytes.subarray(0, Math.floor(bytes.byteLength * 0.6))));
    expect(probe.partial).toBe(true);
    expect(probe.durationSeconds).toBeGreaterThan(2);
    expect(probe.durationSeconds).toBeLessThan(7.3 * 0.7);
  });

  it('measures an MP3 cut in half (its Xing header promising more) and marks it partial', async () => {
    const bytes = await fixtureBytes('mp3-vbr-xing.mp3');
    const probe = await probeWithin(bytesReader(bytes.subarray(0, Math.floor(bytes.byteLength / 2))));
    expect(probe.partial).toBe(true);
    expect(probe.durationMethod).toBe('frame-walk');
    expect(probe.durationSeconds).toBeGreaterThan(3);
    expect(probe.durationSeconds).toBeLessThan(4);
  });

  it('marks a header-less MP3 whose last frame is cut short as partial', async () => {
    const bytes = await fixtureBytes('mp3-cbr-no-header.mp3');
    const probe = await probeWithin(bytesReader(bytes.subarray(0, bytes.byteLength - 100)));
    expect(probe.partial).toBe(true);
    expect(probe.warnings.join(' ')).toMatch(/cut short/);
  });

  it('measures a WAV file cut short by what is present, marked partial', async () => {
    const bytes = await fixtureBytes('wav.wav');
    const probe = await probeWithin(bytesReader(bytes.subarray(0, 44 + 8000)));
    expect(probe.partial).toBe(true);
    expect(probe.durationSeconds).toBe(1);
  });

  it('measures a FLAC file cut short by its last whole frame, not by what STREAMINFO promised', async () => {
    const bytes = await fixtureBytes('flac.flac');
    // Cut at byte 12406: the frame of samples 6912-7487 (bytes 12172-12477) is the one cut short.
    const probe = await probeWithin(bytesReader(bytes.subarray(0, 12406)));
    expect(probe.partial).toBe(true);
    expect(probe.durationSeconds).toBe(6912 / 8000);
  });

  it('refuses a file that holds only an ID3 tag', async () => {
    const tag = concat(id3Header(20), new Uint8Array(20));
    const error = await errorOf(bytesReader(tag));
    expect(error).toBeInstanceOf(UnsupportedMediaError);
  });

  it('refuses FLAC whose STREAMINFO does not declare the length, instead of guessing', async () => {
    const bytes = (await fixtureBytes('flac.flac')).slice();
    // total samples: the low 36 bits of the 8 bytes at STREAMINFO offset 10 (file offset 18)
    bytes.set([bytes[21]! & 0xf0, 0, 0, 0, 0], 21);
    const error = await errorOf(bytesReader(bytes));
    expect(error.message).toMatch(/does not declare its length/);
  });

  it.each([1, 3, 10, 100, 1000])('never hangs on the first %i bytes of each fixture', async (length) => {
    for (const name of ['mp3-vbr-xing.mp3', 'm4a-chapters.m4a', 'opus.opus', 'flac.flac', 'aiff.aiff']) {
      const bytes = (await fixtureBytes(name)).subarray(0, length);
      await probeWithin(bytesReader(bytes)).then(
        (probe) => expect(probe.partial || probe.durationSeconds > 0).toBe(true),
        (error: unknown) => expect(error).toBeInstanceOf(MediaError),
      );
    }
  });
});
