// analyzeOgg: the length of an Ogg Opus or Vorbis stream from its last page's granule position (RFC 3533, RFC 7845).
import { CorruptMediaError, UnsupportedMediaError } from '../errors.ts';
import type { RandomAccessReader } from '../media-store/media-store.ts';
import { MINUTE_SECONDS } from './minute-bytes.ts';
import { oggMinuteEnd } from './ogg-minute.ts';

export interface OggAnalysis {
  readonly codec: 'Opus' | 'Vorbis';
  readonly durationSeconds: number;
  readonly sampleRate: number;
  readonly channels: number;
  /** Opus pre-skip: samples (at 48 kHz) the decoder drops at the start. */
  readonly preSkip: number;
  /** Offset just past the page on which playback reaches 60 s; undefined when not found. */
  readonly minuteEnd: number | undefined;
  readonly partial: boolean;
  readonly warnings: readonly string[];
}

const PAGE_HEADER = 27;
/** A page is at most 27 + 255 + 255 * 255 bytes; the tail read covers two. */
const TAIL_BYTES = 2 * (PAGE_HEADER + 255 + 255 * 255);

interface Page {
  readonly offset: number;
  readonly granule: bigint;
  readonly serial: number;
  readonly length: number;
}

function pageAt(bytes: Uint8Array, at: number, base: number): Page | undefined {
  if (at + PAGE_HEADER > bytes.byteLength) return undefined;
  if (bytes[at] !== 0x4f || bytes[at + 1] !== 0x67 || bytes[at + 2] !== 0x67 || bytes[at + 3] !== 0x53)
    return undefined;
  if (bytes[at + 4] !== 0) return undefined; // stream structure version 0
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const segments = bytes[at + 26] as number;
  let length = PAGE_HEADER + segments;
  if (at + length > bytes.byteLength)
    return { offset: base + at, granule: -1n, serial: -1, length: Infinity };
  for (let i = 0; i < segments; i++) length += bytes[at + PAGE_HEADER + i] as number;
  return {
    offset: base + at,
    granule: view.getBigInt64(at + 6, true),
    serial: view.getUint32(at + 14, true),
    length,
  };
}

export async function analyzeOgg(reader: RandomAccessReader): Promise<OggAnalysis> {
  const head = await reader.read(0, Math.min(reader.size, 4096));
  const first = pageAt(head, 0, 0);
  if (!first || !Number.isFinite(first.length))
    throw new CorruptMediaError('Ogg file does not start with a whole page');
  const packet = head.subarray(PAGE_HEADER + (head[26] as number));
  const ascii = (from: number, length: number) =>
    String.fromCharCode(...packet.subarray(from, from + length));
  const view = new DataView(packet.buffer, packet.byteOffset, packet.byteLength);
  let codec: OggAnalysis['codec'];
  let sampleRate: number;
  let channels: number;
  let preSkip = 0;
  if (packet.byteLength >= 19 && ascii(0, 8) === 'OpusHead') {
    codec = 'Opus';
    channels = packet[9] as number;
    preSkip = view.getUint16(10, true);
    sampleRate = 48000; // Opus granules always count 48 kHz samples (RFC 7845 §4)
  } else if (packet.byteLength >= 16 && packet[0] === 1 && ascii(1, 6) === 'vorbis') {
    codec = 'Vorbis';
    channels = packet[11] as number;
    sampleRate = view.getUint32(12, true);
  } else {
    throw new UnsupportedMediaError('Ogg stream is neither Opus nor Vorbis');
  }
  if (sampleRate <= 0) throw new CorruptMediaError('Ogg stream declares a sample rate of 0');

  const warnings: string[] = [];
  let partial = false;
  const tailStart = Math.max(0, reader.size - TAIL_BYTES);
  const tail = await reader.read(tailStart, reader.size - tailStart);
  let last: Page | undefined;
  for (let i = tail.byteLength - PAGE_HEADER; i >= 0 && !last; i--) {
    const page = pageAt(tail, i, tailStart);
    if (!page || (page.serial !== first.serial && page.serial !== -1)) continue;
    if (page.offset + page.length > reader.size) {
      partial = true; // the final page is cut short: its samples never arrive
      continue;
    }
    if (page.granule >= 0n) last = page;
  }
  if (!last)
    throw new CorruptMediaError('Ogg stream has no complete page with a granule position near its end');
  if (partial) warnings.push('file is truncated: its last Ogg page is cut short');
  const samples = Number(last.granule) - preSkip;
  if (samples <= 0) throw new CorruptMediaError('Ogg stream ends before its first sample');
  const durationSeconds = samples / sampleRate;
  const minuteEnd =
    durationSeconds > MINUTE_SECONDS
      ? await oggMinuteEnd(reader, { serial: first.serial, sampleRate, preSkip }, MINUTE_SECONDS)
      : undefined;
  return { codec, durationSeconds, sampleRate, channels, preSkip, minuteEnd, partial, warnings };
}
