// What an uploaded file is: its extension from its first bytes, and the facts probed from the stored file.
import { probeAudio } from '../../audio/probe.ts';
import { probeImage } from '../../audio/probe-image.ts';
import { sniffContainer } from '../../audio/sniff.ts';
import type { NewMediaAsset } from '../../db/schema.ts';
import { CorruptMediaError } from '../../errors.ts';
import { bytesReader } from '../../media-store/bytes-reader.ts';
import type { MediaStore } from '../../media-store/media-store.ts';
import { audioFacts } from '../audio-facts.ts';

const AUDIO_EXTENSION = {
  mpeg: 'mp3',
  mp4: 'm4a',
  ogg: 'ogg',
  flac: 'flac',
  wav: 'wav',
  aiff: 'aiff',
} as const;
export const IMAGE_EXTENSION: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};
export const DOCUMENT_EXTENSION: Readonly<Record<string, string>> = {
  'text/vtt': 'vtt',
  'application/x-subrip': 'srt',
  'application/json': 'json',
  'text/html': 'html',
  'application/json+chapters': 'chapters.json',
};

/** The extension audio is stored under, from its first bytes (see audioSniffLength): never its name. */
export async function audioExtension(head: Uint8Array): Promise<string> {
  const { container } = await sniffContainer(bytesReader(head));
  const isOpus =
    container === 'ogg' && new TextDecoder('latin1').decode(head.subarray(0, 512)).includes('OpusHead');
  return isOpus ? 'opus' : AUDIO_EXTENSION[container];
}

/** The extension of a JPEG, PNG or WebP image by its signature, or undefined for anything else. */
export function imageExtension(head: Uint8Array): string | undefined {
  const ascii = (at: number, length: number) => String.fromCharCode(...head.subarray(at, at + length));
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpg';
  if (ascii(0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WEBP') return 'webp';
  return undefined;
}

const IMAGE_EXTENSIONS = new Set(Object.values(IMAGE_EXTENSION));

/** Whether a key made from these extensions holds an image (else audio). */
export const isImageKey = (key: string) => IMAGE_EXTENSIONS.has(key.slice(key.lastIndexOf('.') + 1));

export type ProbedFacts = Omit<NewMediaAsset, 'key' | 'sha256' | 'createdAt' | 'sizeBytes'>;

/** Probes a stored audio file: its type, exact duration, codec, chapters. A file cut short is refused. */
export async function probeStoredAudio(media: MediaStore, key: string): Promise<ProbedFacts> {
  const reader = await media.open(key);
  if (!reader) throw new CorruptMediaError('the upload disappeared while it was probed');
  const probe = await probeAudio(reader, { name: 'upload' }).finally(() => reader.close());
  if (probe.partial) throw new CorruptMediaError(`the upload is cut short: ${probe.warnings.join('; ')}`);
  return audioFacts(probe);
}

/** Measures a stored image (JPEG, PNG or WebP). */
export async function probeStoredImage(media: MediaStore, key: string): Promise<ProbedFacts> {
  const reader = await media.open(key);
  if (!reader) throw new CorruptMediaError('the upload disappeared while it was probed');
  const image = await probeImage(reader, { name: 'the upload' }).finally(() => reader.close());
  return { mimeType: image.mimeType, width: image.width, height: image.height };
}
