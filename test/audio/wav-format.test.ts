import { describe, expect, it } from 'vitest';
import { wavCodec } from '../../src/audio/wav-format.ts';

/** A fmt chunk body: plain (16 bytes) or extensible (40 bytes, `guid` at byte 24). */
function fmt(tag: number, guid?: number[]): Uint8Array {
  const body = new Uint8Array(guid ? 40 : 16);
  const view = new DataView(body.buffer);
  view.setUint16(0, tag, true);
  view.setUint16(2, 2, true); // channels
  view.setUint32(4, 48000, true);
  if (guid) {
    view.setUint16(16, 22, true); // cbSize
    body.set(guid, 24);
  }
  return body;
}
const KSDATAFORMAT = (tag: number) => [
  tag & 0xff,
  tag >>> 8,
  0x00,
  0x00,
  0x00,
  0x00,
  0x10,
  0x00,
  0x80,
  0x00,
  0x00,
  0xaa,
  0x00,
  0x38,
  0x9b,
  0x71,
];

describe('wavCodec', () => {
  it('names plain PCM and IEEE float chunks as music-metadata does, lossless', () => {
    expect(wavCodec(fmt(1))).toEqual({ codec: 'PCM', lossless: true });
    expect(wavCodec(fmt(3))).toEqual({ codec: 'IEEE_FLOAT', lossless: true });
  });

  it('reads the codec of a WAVE_FORMAT_EXTENSIBLE chunk from its subformat GUID', () => {
    expect(wavCodec(fmt(0xfffe, KSDATAFORMAT(1)))).toEqual({ codec: 'PCM', lossless: true });
    expect(wavCodec(fmt(0xfffe, KSDATAFORMAT(3)))).toEqual({ codec: 'IEEE_FLOAT', lossless: true });
    expect(wavCodec(fmt(0xfffe, KSDATAFORMAT(7)))).toEqual({ codec: 'MULAW', lossless: false });
    expect(wavCodec(fmt(0xfffe, KSDATAFORMAT(0x55)))).toEqual({ codec: 'non-PCM (85)', lossless: undefined });
  });

  it('says when an extensible subformat is not a WAVE format GUID, or the chunk is cut short', () => {
    const other = wavCodec(
      fmt(
        0xfffe,
        Array.from({ length: 16 }, (_, i) => i),
      ),
    );
    expect(other.codec).toBe('WAVE_FORMAT_EXTENSIBLE (unknown subformat)');
    expect(wavCodec(fmt(0xfffe, KSDATAFORMAT(1)).subarray(0, 30)).codec).toBe(
      'WAVE_FORMAT_EXTENSIBLE (unknown subformat)',
    );
  });

  it('leaves rarer plain format tags to music-metadata', () => {
    expect(wavCodec(fmt(2))).toEqual({ codec: undefined, lossless: undefined });
  });
});
