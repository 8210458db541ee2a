// sniffContainer: what a file is, from its first bytes (after any ID3v2 tag), whatever its name says.
import { UnsupportedMediaError } from '../errors.ts';
import type { RandomAccessReader } from '../media-store/media-store.ts';
import { frameLengthOf, word } from './mpeg/frame-header.ts';
import { skipId3v2 } from './tag-spans.ts';

export type AudioContainer = 'mpeg' | 'mp4' | 'ogg' | 'flac' | 'wav' | 'aiff';

export interface Sniffed {
  readonly container: AudioContainer;
  /** Offset after leading ID3v2 tags (0 when there are none). */
  readonly afterTags: number;
}

/**
 * Decides the container by magic numbers. An MPEG stream may start with junk, so a file that is
 * nothing else and has an MPEG frame header within its first 64 KiB is tried as MPEG; the frame
 * walk then demands a chain of frames before believing it.
 */
export async function sniffContainer(reader: RandomAccessReader): Promise<Sniffed> {
  const afterTags = await skipId3v2(reader);
  const head = await reader.read(afterTags, 64);
  const ascii = (from: number, length: number) => String.fromCharCode(...head.subarray(from, from + length));
  if (afterTags === 0) {
    if (ascii(4, 4) === 'ftyp') return { container: 'mp4', afterTags };
    if (ascii(0, 4) === 'OggS') return { container: 'ogg', afterTags };
    if (ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WAVE') return { container: 'wav', afterTags };
    if (ascii(0, 4) === 'FORM' && (ascii(8, 4) === 'AIFF' || ascii(8, 4) === 'AIFC')) {
      return { container: 'aiff', afterTags };
    }
  }
  if (ascii(0, 4) === 'fLaC') return { container: 'flac', afterTags };
  if (afterTags > 0 || (head.byteLength >= 4 && frameLengthOf(word(head, 0)) > 0)) {
    return { container: 'mpeg', afterTags };
  }
  const window = await reader.read(afterTags, 64 * 1024);
  for (let i = 0; i + 4 <= window.byteLength; i++) {
    if (window[i] === 0xff && frameLengthOf(word(window, i)) > 0) return { container: 'mpeg', afterTags };
  }
  throw new UnsupportedMediaError(`not an audio file podwire can read (${describeStart(head)})`, {
    context: {
      firstBytes: Array.from(head.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' '),
    },
  });
}

function describeStart(head: Uint8Array): string {
  if (head.byteLength === 0) return 'it is empty';
  const printable = head.every((b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127) || b >= 0xc2);
  if (printable) return 'it looks like text';
  const hex = Array.from(head.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ');
  return `it starts with bytes ${hex}`;
}
