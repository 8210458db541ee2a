// probeImage(reader): type and pixel size of artwork (JPEG, PNG, WebP), read from the file itself.
import { imageSize } from 'image-size';
import { MediaError } from '../errors.ts';
import type { RandomAccessReader } from '../media-store/media-store.ts';

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

/** Largest image read into memory to measure it (artwork is a few hundred KB). */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

export async function probeImage(
  reader: RandomAccessReader,
  options: { name?: string } = {},
): Promise<ImageProbe> {
  const label = options.name ?? 'image';
  if (reader.size === 0) throw new MediaError(`${label} is empty`);
  if (reader.size > MAX_IMAGE_BYTES) {
    throw new MediaError(`${label} is larger than ${MAX_IMAGE_BYTES} bytes`, {
      context: { size: reader.size },
    });
  }
  const bytes = await reader.read(0, reader.size);
  let measured: ReturnType<typeof imageSize>;
  try {
    measured = imageSize(bytes);
  } catch (cause) {
    throw new MediaError(`${label} is not a readable image: ${(cause as Error).message}`, { cause });
  }
  const mimeType = measured.type === undefined ? undefined : MIME_BY_TYPE[measured.type];
  if (!mimeType || !measured.width || !measured.height) {
    throw new MediaError(`${label} is not a JPEG, PNG or WebP image`, { context: { type: measured.type } });
  }
  return { mimeType, width: measured.width, height: measured.height, sizeBytes: reader.size };
}
