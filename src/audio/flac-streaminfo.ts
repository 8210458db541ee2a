// readFlacStreamInfo: sample rate, channels and the exact sample count from a FLAC STREAMINFO block.
import { CorruptMediaError } from '../errors.ts';
import type { RandomAccessReader } from '../media-store/media-store.ts';

export interface FlacStreamInfo {
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
  const packed = view.getBigUint64(info + 10); // rate:20 channels:3 bits:5 samples:36
  const sampleRate = Number(packed >> 44n);
  const channels = Number((packed >> 41n) & 7n) + 1;
  const bitsPerSample = Number((packed >> 36n) & 31n) + 1;
  const samples = Number(packed & 0xfffffffffn);
  if (sampleRate === 0) throw new CorruptMediaError('FLAC STREAMINFO declares a sample rate of 0');
  // 0 means the encoder did not know the length; podwire will not guess it.
  if (samples === 0)
    throw new CorruptMediaError('FLAC stream does not declare its length (STREAMINFO total is 0)');
  return { sampleRate, channels, bitsPerSample, samples };
}
