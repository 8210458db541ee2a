// MPEG audio frame headers (ISO 11172-3, ISO 13818-3, MPEG 2.5): validate, measure, describe.

export type MpegVersion = 1 | 2 | 2.5;

export interface FrameHeader {
  readonly version: MpegVersion;
  readonly layer: 1 | 2 | 3;
  /** Bits per second. */
  readonly bitrate: number;
  readonly sampleRate: number;
  readonly channels: 1 | 2;
  readonly samplesPerFrame: number;
  /** Whole frame, header included, in bytes. */
  readonly frameLength: number;
  readonly hasCrc: boolean;
}

// Bitrates in kbit/s by [table][index]; index 0 (free format) and 15 (bad) are invalid here.
const BITRATES: readonly (readonly number[])[] = [
  [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448], // V1 L1
  [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384], // V1 L2
  [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320], // V1 L3
  [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256], // V2 L1
  [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160], // V2 L2, L3
];
const SAMPLE_RATES: Readonly<Record<number, readonly number[]>> = {
  3: [44100, 48000, 32000], // MPEG 1
  2: [22050, 24000, 16000], // MPEG 2
  0: [11025, 12000, 8000], // MPEG 2.5
};

/**
 * Bits that stay the same from frame to frame within one stream: sync, version, layer and sample
 * rate. A chain of frames agreeing on them is what tells audio from junk that looks like a header.
 */
export const STREAM_SIGNATURE_MASK = 0xfffe0c00;

/** Reads the big-endian 32-bit word at `offset` (caller guarantees 4 bytes). */
export function word(bytes: Uint8Array, offset: number): number {
  return (
    (((bytes[offset] as number) << 24) |
      ((bytes[offset + 1] as number) << 16) |
      ((bytes[offset + 2] as number) << 8) |
      (bytes[offset + 3] as number)) >>>
    0
  );
}

/** Parses the 32-bit header `h`; undefined when it is not a valid (non-free-format) frame header. */
export function parseFrameHeader(h: number): FrameHeader | undefined {
  if (h >>> 21 !== 0x7ff) return undefined;
  const versionBits = (h >>> 19) & 3;
  const layerBits = (h >>> 17) & 3;
  const bitrateIndex = (h >>> 12) & 15;
  const rateIndex = (h >>> 10) & 3;
  if (versionBits === 1 || layerBits === 0 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) {
    return undefined;
  }
  if ((h & 3) === 2) return undefined; // reserved emphasis
  const version: MpegVersion = versionBits === 3 ? 1 : versionBits === 2 ? 2 : 2.5;
  const layer = (4 - layerBits) as 1 | 2 | 3;
  const table = version === 1 ? layer - 1 : layer === 1 ? 3 : 4;
  const bitrate = (BITRATES[table]?.[bitrateIndex] ?? 0) * 1000;
  const sampleRate = SAMPLE_RATES[versionBits]?.[rateIndex] ?? 0;
  const padding = (h >>> 9) & 1;
  const samplesPerFrame = layer === 1 ? 384 : layer === 2 || version === 1 ? 1152 : 576;
  const frameLength =
    layer === 1
      ? (Math.floor((12 * bitrate) / sampleRate) + padding) * 4
      : Math.floor(((samplesPerFrame / 8) * bitrate) / sampleRate) + padding;
  return {
    version,
    layer,
    bitrate,
    sampleRate,
    channels: ((h >>> 6) & 3) === 3 ? 1 : 2,
    samplesPerFrame,
    frameLength,
    hasCrc: ((h >>> 16) & 1) === 0,
  };
}

/** Frame lengths by header bits 9-20 (padding, rate, bitrate, CRC flag, layer, version); 0 when invalid. */
const FRAME_LENGTHS = (() => {
  const table = new Int32Array(4096);
  for (let bits = 0; bits < 4096; bits++) {
    const header = parseFrameHeader((0xffe00000 | (bits << 9)) >>> 0);
    table[bits] = header?.frameLength ?? 0;
  }
  return table;
})();

/**
 * Frame length in bytes for header `h`, or 0 when `h` is not a valid header: the allocation-free
 * twin of parseFrameHeader, for the frame walk's inner loop.
 */
export function frameLengthOf(h: number): number {
  return h >>> 21 === 0x7ff ? (FRAME_LENGTHS[(h >>> 9) & 0xfff] as number) : 0;
}

/**
 * Frame length of a header `h` whose stream bits equal a valid header's (h & STREAM_SIGNATURE_MASK
 * is a signature taken from a frame that parsed): its sync bits are then set, so unlike
 * frameLengthOf this does not test them again. 0 when its bitrate is invalid.
 */
export function streamFrameLength(h: number): number {
  return FRAME_LENGTHS[(h >>> 9) & 0xfff] as number;
}
