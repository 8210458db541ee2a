// sniffContainer: what a file is, from its first bytes (after any ID3v2 tag), whatever its name says.
import { UnsupportedMediaError } from '../errors.ts';
import type { RandomAccessReader } from '../media-store/media-store.ts';
import { frameLengthOf, word } from './mpeg/frame-header.ts';
import { skipId3v2 } from './tag-spans.ts';
import { describeTextStart } from './text-start.ts';

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
 *
 * That junk is binary in real files (zero padding after a tag, a cut frame, stray bytes), never
 * text: a file whose audio part (after its ID3v2 tags, if any) opens like HTML, XML, JSON or plain
 * text is refused here, even when real frames follow. Otherwise an error page saved in front of an
 * MP3, or a page with a few bytes that look like a frame sync, would pass for audio.
 * describeTextStart says exactly what counts as text.
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
  const text = describeTextStart(head);
  if (text) throw notAudio(head, text);
  if (afterTags > 0 || (head.byteLength >= 4 && frameLengthOf(word(head, 0)) > 0)) {
    return { container: 'mpeg', afterTags };
  }
  const window = await reader.read(afterTags, 64 * 1024);
  for (let i = 0; i + 4 <= window.byteLength; i++) {
    if (window[i] === 0xff && frameLengthOf(word(window, i)) > 0) return { container: 'mpeg', afterTags };
  }
  throw notAudio(head, describeStart(head));
}

const firstBytes = (head: Uint8Array) =>
  Array.from(head.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ');

function notAudio(head: Uint8Array, description: string): UnsupportedMediaError {
  return new UnsupportedMediaError(`not an audio file podwire can read (${description})`, {
    context: { firstBytes: firstBytes(head) },
  });
}

function describeStart(head: Uint8Array): string {
  return head.byteLength === 0 ? 'it is empty' : `it starts with bytes ${firstBytes(head)}`;
}
