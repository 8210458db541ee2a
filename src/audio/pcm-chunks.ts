// analyzePcm: exact length of WAV (RIFF, little-endian) and AIFF (big-endian) files from their chunks.
import { CorruptMediaError } from '../errors.ts';
import type { RandomAccessReader } from '../media-store/media-store.ts';
import { MINUTE_SECONDS } from './minute-bytes.ts';
import { type WavCodec, wavCodec } from './wav-format.ts';

export interface PcmAnalysis {
  readonly durationSeconds: number;
  readonly sampleRate: number;
  readonly channels: number;
  readonly bitsPerSample: number;
  /** WAV only: the codec its fmt chunk declares (AIFF's is left to music-metadata). */
  readonly codec?: WavCodec;
  /** Offset just past the sample frame in which playback reaches 60 s (header included). */
  readonly minuteEnd: number;
  readonly partial: boolean;
  readonly warnings: readonly string[];
}

const MAX_CHUNKS = 256;

/** IEEE 754 80-bit extended float (AIFF's sample rate). */
function extended80(bytes: Uint8Array, at: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const exponent = view.getUint16(at) & 0x7fff;
  const mantissa = view.getUint32(at + 2) * 2 ** 32 + view.getUint32(at + 6);
  return mantissa * 2 ** (exponent - 16383 - 63);
}

/**
 * Walks the chunks; the sample data's length is what the data chunk declares or, when the file is
 * cut short, what is present (marked partial).
 */
export async function analyzePcm(reader: RandomAccessReader, kind: 'wav' | 'aiff'): Promise<PcmAnalysis> {
  const little = kind === 'wav';
  let rate = 0;
  let channels = 0;
  let bits = 0;
  let blockAlign = 0;
  let frames: number | undefined;
  let codec: WavCodec | undefined;
  let dataStart = -1;
  let dataSize = 0;
  let at = 12;
  for (let n = 0; n < MAX_CHUNKS && at + 8 <= reader.size; n++) {
    const head = await reader.read(at, 8 + 40); // an extensible fmt chunk's body is 40 bytes
    const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
    const id = String.fromCharCode(...head.subarray(0, 4));
    const size = view.getUint32(4, little);
    const body = at + 8;
    if (little && id === 'fmt ' && head.byteLength >= 8 + 16) {
      channels = view.getUint16(10, true);
      rate = view.getUint32(12, true);
      blockAlign = view.getUint16(20, true);
      bits = view.getUint16(22, true);
      codec = wavCodec(head.subarray(8, 8 + Math.min(size, 40)));
    } else if (!little && id === 'COMM' && head.byteLength >= 8 + 18) {
      channels = view.getUint16(8);
      frames = view.getUint32(10);
      bits = view.getUint16(14);
      rate = extended80(head, 16);
      blockAlign = channels * Math.ceil(bits / 8);
    } else if (little && id === 'data') {
      dataStart = body;
      dataSize = size;
    } else if (!little && id === 'SSND') {
      dataStart = body + 8 + view.getUint32(8);
      dataSize = size - 8 - view.getUint32(8);
    }
    if (dataStart >= 0 && rate > 0 && (little || frames !== undefined)) break;
    at = body + size + (size % 2); // chunks are padded to even sizes
  }
  if (rate <= 0 || blockAlign <= 0 || dataStart < 0) {
    throw new CorruptMediaError(`${kind.toUpperCase()} file lacks a format or sample-data chunk`);
  }
  const present = Math.max(0, Math.min(dataSize, reader.size - dataStart));
  const declaredFrames = frames ?? Math.floor(dataSize / blockAlign);
  const presentFrames = Math.min(declaredFrames, Math.floor(present / blockAlign));
  const partial = presentFrames < declaredFrames;
  return {
    durationSeconds: presentFrames / rate,
    sampleRate: rate,
    channels,
    bitsPerSample: bits,
    codec,
    // Whole sample frames (blockAlign bytes each) for 60 s: 60 × the byte rate, block-aligned.
    minuteEnd: dataStart + Math.ceil(MINUTE_SECONDS * rate) * blockAlign,
    partial,
    warnings: partial ? [`file is truncated: ${declaredFrames - presentFrames} sample frames missing`] : [],
  };
}
