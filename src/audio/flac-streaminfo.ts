// readFlacStreamInfo: sample rate, channels and the exact sample count from a FLAC STREAMINFO block.
import { CorruptMediaError } from '../errors.ts';
import type { RandomAccessReader } from '../media-store/media-store.ts';

export interface FlacStreamInfo {
  /** Largest block size, which numbers the frames of a fixed-blocksize stream. */
  readonly maxBlockSize: number;
  readonly sampleRate: number;
  readonly channels: number;
  readonly bitsPerSample: number;
  readonly samples: number;
}

/** STREAMINFO is the first metadata block after "fLaC" (RFC 9639 §8.2). */
export async function readFlacStreamInfo(
  reader: RandomAccessReader,
  offset: number,
): Promise<FlacStreamInfo> {
  const bytes = await reader.read(offset, 4 + 4 + 34);
  if (bytes.byteLength < 42 || ((bytes[4] as number) & 0x7f) !== 0) {
    throw new CorruptMediaError('FLAC file does not start with a STREAMINFO block');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const info = 8;
  const maxBlockSize = view.getUint16(info + 2);
  const packed = view.getBigUint64(info + 10); // rate:20 channels:3 bits:5 samples:36
  const sampleRate = Number(packed >> 44n);
  const channels = Number((packed >> 41n) & 7n) + 1;
  const bitsPerSample = Number((packed >> 36n) & 31n) + 1;
  const samples = Number(packed & 0xfffffffffn);
  if (sampleRate === 0) throw new CorruptMediaError('FLAC STREAMINFO declares a sample rate of 0');
  // 0 means the encoder did not know the length; podwire will not guess it.
  if (samples === 0)
    throw new CorruptMediaError('FLAC stream does not declare its length (STREAMINFO total is 0)');
  return { maxBlockSize, sampleRate, channels, bitsPerSample, samples };
}

/** CRC-8 (polynomial 0x07) over a FLAC frame header. */
function crc8(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x80 ? ((crc << 1) ^ 0x07) & 0xff : (crc << 1) & 0xff;
  }
  return crc;
}

/** CRC-16 (polynomial 0x8005) by byte, from a table. */
const CRC16_TABLE = (() => {
  const table = new Uint16Array(256);
  for (let n = 0; n < 256; n++) {
    let crc = n << 8;
    for (let bit = 0; bit < 8; bit++)
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x8005) & 0xffff : (crc << 1) & 0xffff;
    table[n] = crc;
  }
  return table;
})();

/** CRC-16 (polynomial 0x8005) over a whole FLAC frame, which its last two bytes carry (RFC 9639 §9.3). */
export function crc16(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) crc = ((crc << 8) ^ (CRC16_TABLE[(crc >>> 8) ^ byte] as number)) & 0xffff;
  return crc;
}

const BLOCK_SIZES = [0, 192, 576, 1152, 2304, 4608, -8, -16, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768];

/**
 * The sample just past the last whole frame before `end` (RFC 9639 §9.1), or undefined when no
 * frame header with a valid CRC-8 is found in the final `window` bytes. The last frame counts only
 * if its CRC-16 footer matches, so a file cut mid-frame is told from a whole one without decoding.
 */
export async function lastFrameEnd(
  reader: RandomAccessReader,
  info: FlacStreamInfo,
  end: number,
  window = 256 * 1024,
): Promise<number | undefined> {
  const start = Math.max(0, end - window);
  const tail = await reader.read(start, end - start);
  for (let i = tail.byteLength - 6; i >= 0; i--) {
    if (tail[i] !== 0xff || ((tail[i + 1] as number) & 0xfe) !== 0xf8) continue;
    const header = flacFrameHeader(tail, i, info);
    if (!header) continue;
    const footer = ((tail[tail.byteLength - 2] as number) << 8) | (tail[tail.byteLength - 1] as number);
    const whole = crc16(tail.subarray(i, tail.byteLength - 2)) === footer;
    return whole ? header.firstSample + header.blockSize : header.firstSample;
  }
  return undefined;
}

const RATES = [0, 88200, 176400, 192000, 8000, 16000, 22050, 24000, 32000, 44100, 48000, 96000];
const SAMPLE_SIZES = [0, 8, 12, -1, 16, 20, 24, 32];

/**
 * A frame header at `at` whose CRC-8 holds and that agrees with STREAMINFO (rate, channels, sample
 * size, block size, length): its first sample and block size.
 */
export function flacFrameHeader(bytes: Uint8Array, at: number, info: FlacStreamInfo) {
  const variable = ((bytes[at + 1] as number) & 1) === 1;
  const sizeCode = (bytes[at + 2] as number) >> 4;
  const rateCode = (bytes[at + 2] as number) & 15;
  const channelCode = (bytes[at + 3] as number) >> 4;
  const sampleSize = SAMPLE_SIZES[((bytes[at + 3] as number) >> 1) & 7] as number;
  if (sizeCode === 0 || rateCode === 15 || ((bytes[at + 3] as number) & 1) !== 0) return undefined;
  if (rateCode >= 1 && rateCode <= 11 && RATES[rateCode] !== info.sampleRate) return undefined;
  const channels = channelCode <= 7 ? channelCode + 1 : channelCode <= 10 ? 2 : -1;
  if (channels !== info.channels) return undefined;
  if (sampleSize === -1 || (sampleSize !== 0 && sampleSize !== info.bitsPerSample)) return undefined;
  // UTF-8-style coded frame or sample number
  let p = at + 4;
  const lead = bytes[p] as number;
  let extra = 0;
  if (lead >= 0xfe) return undefined;
  if (lead >= 0xc0) extra = lead >= 0xfc ? 5 : lead >= 0xf8 ? 4 : lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : 1;
  else if (lead >= 0x80) return undefined;
  let number = extra ? lead & (0x3f >> extra) : lead;
  for (let k = 0; k < extra; k++) {
    const b = bytes[++p];
    if (b === undefined || (b & 0xc0) !== 0x80) return undefined;
    number = number * 64 + (b & 0x3f);
  }
  p++;
  let blockSize = BLOCK_SIZES[sizeCode] as number;
  if (blockSize === -8) blockSize = (bytes[p++] as number) + 1;
  else if (blockSize === -16) {
    blockSize = (bytes[p] as number) * 256 + (bytes[p + 1] as number) + 1;
    p += 2;
  }
  if (rateCode === 12) p += 1;
  else if (rateCode === 13 || rateCode === 14) p += 2;
  if (p >= bytes.byteLength || crc8(bytes.subarray(at, p)) !== bytes[p]) return undefined;
  const firstSample = variable ? number : number * info.maxBlockSize;
  if (blockSize > info.maxBlockSize || firstSample + blockSize > info.samples) return undefined;
  return { blockSize, firstSample };
}
