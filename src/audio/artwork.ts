// describeArtwork(picture): type, size and pixel dimensions of the cover art embedded in an audio file.
import { imageSize } from 'image-size';
import type { TagPicture } from './tag-facts.ts';

export interface EmbeddedArtwork {
  readonly mimeType: string;
  readonly sizeBytes: number;
  readonly width: number | undefined;
  readonly height: number | undefined;
  /** ID3 picture type, such as "Cover (front)". */
  readonly type: string | undefined;
}

/** Dimensions come from the image header, which is already in memory: cheap. */
export function describeArtwork(picture: TagPicture | undefined): EmbeddedArtwork | undefined {
  if (!picture) return undefined;
  let width: number | undefined;
  let height: number | undefined;
  try {
    ({ width, height } = imageSize(picture.data));
  } catch {
    // not an image this library can measure: report it without dimensions
  }
  return { mimeType: picture.format, sizeBytes: picture.data.byteLength, width, height, type: picture.type };
}
