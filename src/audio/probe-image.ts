// probeImage(reader): type and pixel size of artwork (JPEG, PNG, WebP), read from the file itself.
import { imageSize } from 'image-size';
import { MediaError, UnsupportedMediaError } from '../errors.ts';
import type { RandomAccessReader } from '../media-store/media-store.ts';
import { describeTextStart } from './text-start.ts';

export interface ImageProbe {
  readonly mimeType: string;
  readonly width: number;
  readonly height: number;
  readonly sizeBytes: number;
}

const MIME_BY_TYPE: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
};

/** Signatures of the types above: a file that starts with one is that type, readable or not. */
const SIGNATURES: readonly ((b: Uint8Array) => boolean)[] = [
  (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff, // JPEG SOI
  (b) => ascii(b, 1, 3) === 'PNG' && b[0] === 0x89,
  (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP',
  (b) => ascii(b, 0, 4) === 'GIF8',
];

const ascii = (bytes: Uint8Array, at: number, length: number) =>
  String.fromCharCode(...bytes.subarray(at, at + length));

/** Largest image read into memory to measure it (artwork is a few hundred KB). */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

/**
 * Measures the image behind `reader`. What is not an image of an accepted type (text, another
 * format) is UnsupportedMediaError (415), saying what was found; a JPEG, PNG or WebP that cannot
 * be measured is MediaError (422).
 */
export async function probeImage(
  reader: RandomAccessReader,
  options: { name?: string } = {},
): Promise<ImageProbe> {
  const label = options.name ?? 'the file';
  if (reader.size === 0) throw new MediaError(`${label} is empty`);
  if (reader.size > MAX_IMAGE_BYTES) {
    throw new MediaError(`${label} is larger than ${MAX_IMAGE_BYTES} bytes`, {
      context: { size: reader.size },
    });
  }
  const bytes = await reader.read(0, reader.size);
  let measured: ReturnType<typeof imageSize> | undefined;
  let failure: unknown;
  try {
    measured = imageSize(bytes);
  } catch (cause) {
    failure = cause;
  }
  const mimeType = measured?.type === undefined ? undefined : MIME_BY_TYPE[measured.type];
  if (measured?.type !== undefined && mimeType === undefined) {
    throw new UnsupportedMediaError(
      `${label} is not a JPEG, PNG or WebP image (it is ${measured.type.toUpperCase()})`,
      { context: { type: measured.type } },
    );
  }
  if (!SIGNATURES.some((matches) => matches(bytes))) {
    const hex = Array.from(bytes.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ');
    const found = describeTextStart(bytes) ?? `it starts with bytes ${hex}`;
    throw new UnsupportedMediaError(`${label} is not an image: JPEG, PNG or WebP expected (${found})`);
  }
  if (!measured || !mimeType || !measured.width || !measured.height) {
    const why = failure instanceof Error ? failure.message : 'it has no width or height';
    throw new MediaError(`${label} is not a readable image: ${why}`, { cause: failure });
  }
  return { mimeType, width: measured.width, height: measured.height, sizeBytes: reader.size };
}
