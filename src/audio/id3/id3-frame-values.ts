// The values of the ID3v2 frames podwire reads (text, TXXX, COMM, APIC, CHAP, CTOC), as music-metadata 12 reads them.
import {
  decodeId3Text,
  decodesCleanly,
  findTerminator,
  type Id3Encoding,
  id3Encoding,
  terminatorLength,
  trimNulls,
} from './id3-text.ts';
import { type Id3Frame, splitFrames } from './id3v2-frames.ts';

/** A frame music-metadata would fail on, so that it, not the fast path, must answer for the tag. */
export class Id3FallbackError extends Error {
  override readonly name = 'Id3FallbackError';
}

/** v2.3 frames whose single value may hold several separated by "/" (music-metadata's splitValue). */
const SLASH_SEPARATED = new Set([
  'TPE1',
  'TPE2',
  'TPE3',
  'TPE4',
  'TCOM',
  'TEXT',
  'TOLY',
  'TOPE',
  'TXXX',
  'TSRC',
]);

/** The text of a T*** frame with its trailing NULs removed; throws Id3TextError when it does not decode. */
export function frameText(body: Uint8Array): string {
  return trimNulls(decodeId3Text(body.subarray(1), id3Encoding(body[0])));
}

/** Several values in one text: NUL-separated (v2.4), or "/"-separated in some v2.3 frames; each trimmed. */
export function splitValues(id: string, text: string, major: 3 | 4): string[] {
  let values = text.split('\0');
  if (major < 4 && values.length === 1 && SLASH_SEPARATED.has(id)) values = text.split('/');
  return values.map((value) => trimNulls(value).trim());
}

/** The values music-metadata takes from a text frame that is neither a title nor a person. */
export function plainValues(id: string, text: string, major: 3 | 4): string[] {
  return major >= 4 ? splitValues(id, text, major) : [text];
}

/** A string up to its terminator, and how many bytes it took with the terminator. */
function terminated(bytes: Uint8Array, encoding: Id3Encoding): { text: string; length: number } {
  const end = findTerminator(bytes, encoding);
  if (end >= bytes.length) return { text: strict(bytes, encoding), length: bytes.length };
  return { text: strict(bytes.subarray(0, end), encoding), length: end + terminatorLength(encoding) };
}

/** Decodes where a failure would make music-metadata drop the whole tag. */
function strict(bytes: Uint8Array, encoding: Id3Encoding): string {
  if (!decodesCleanly(bytes, encoding)) throw new Id3FallbackError('text that music-metadata cannot decode');
  return decodeId3Text(bytes, encoding);
}

/** TXXX: a description and its values. */
export function userText(body: Uint8Array, major: 3 | 4): { description: string; values: string[] } {
  const encoding = id3Encoding(body[0]);
  const rest = body.subarray(1);
  const description = terminated(rest, encoding);
  const text = trimNulls(strict(rest.subarray(description.length), encoding));
  return { description: description.text, values: splitValues('TXXX', text, major) };
}

/** COMM and USLT: language, descriptor, then the text. */
export function commentText(body: Uint8Array): string {
  const encoding = id3Encoding(body[0]);
  const descriptor = terminated(body.subarray(4), encoding);
  return terminated(body.subarray(4 + descriptor.length), encoding).text;
}

/** WXXX (description, then a Latin-1 URL) and WFED: only whether music-metadata can read them. */
export function checkUrlFrame(body: Uint8Array): void {
  terminated(body.subarray(1), id3Encoding(body[0]));
}

// ID3v2.4 §4.14 picture types, named as music-metadata names them.
const PICTURE_TYPES = [
  'Other',
  "32x32 pixels 'file icon' (PNG only)",
  'Other file icon',
  'Cover (front)',
  'Cover (back)',
  'Leaflet page',
  'Media (e.g. label side of CD)',
  'Lead artist/lead performer/soloist',
  'Artist/performer',
  'Conductor',
  'Band/Orchestra',
  'Composer',
  'Lyricist/text writer',
  'Recording Location',
  'During recording',
  'During performance',
  'Movie/video screen capture',
  'A bright coloured fish',
  'Illustration',
  'Band/artist logotype',
  'Publisher/Studio logotype',
];

export interface Id3Picture {
  readonly format: string;
  readonly type: string | undefined;
  readonly description: string;
  readonly data: Uint8Array;
}

/** APIC: MIME type (normalised as music-metadata does), picture type, description, image bytes. */
export function picture(body: Uint8Array): Id3Picture {
  const encoding = id3Encoding(body[0]);
  let rest = body.subarray(1);
  const mimeEnd = findTerminator(rest, 'latin1');
  let format = decodeId3Text(rest.subarray(0, mimeEnd), 'latin1').toLocaleLowerCase();
  if (format === 'jpg' || format === 'image/jpg') format = 'image/jpeg';
  else if (format === 'png') format = 'image/png';
  rest = rest.subarray(mimeEnd + 1);
  const type = rest[0] === undefined ? undefined : PICTURE_TYPES[rest[0]];
  rest = rest.subarray(1);
  const descriptionEnd = findTerminator(rest, encoding);
  const description = strict(rest.subarray(0, descriptionEnd), encoding);
  return { format, type, description, data: rest.subarray(descriptionEnd + terminatorLength(encoding)) };
}

export interface ChapterFrame {
  readonly label: string;
  readonly startMs: number;
  /** The TIT2 sub-frame's text; undefined when there is none (or it is empty). */
  readonly title: string | undefined;
}

export interface TocFrame {
  readonly topLevel: boolean;
  readonly children: readonly string[];
}

/** CHAP (ID3v2 Chapters 1.0 §3): element ID, start/end times and offsets, then sub-frames. */
export function chapter(body: Uint8Array, major: 3 | 4): ChapterFrame {
  const labelEnd = findTerminator(body, 'latin1');
  const info = labelEnd + 1;
  if (info + 16 > body.length) throw new Id3FallbackError('CHAP frame too short');
  const startMs = new DataView(body.buffer, body.byteOffset + info, 16).getUint32(0);
  return {
    label: decodeId3Text(body.subarray(0, labelEnd), 'latin1'),
    startMs,
    title: subFrameTitle(body, info + 16, major),
  };
}

/** CTOC (ID3v2 Chapters 1.0 §4): element ID, flags, child element IDs, then sub-frames. */
export function tableOfContents(body: Uint8Array, major: 3 | 4): TocFrame {
  let at = findTerminator(body, 'latin1') + 1;
  if (at + 2 > body.length) throw new Id3FallbackError('CTOC frame too short');
  const flags = body[at++] as number;
  const count = body[at++] as number;
  const children: string[] = [];
  for (let i = 0; i < count && at < body.length; i++) {
    const end = findTerminator(body.subarray(at), 'latin1');
    children.push(decodeId3Text(body.subarray(at, at + end), 'latin1'));
    at += end + 1;
  }
  subFrameTitle(body, at, major);
  return { topLevel: (flags & 0x02) !== 0, children };
}

/** The last TIT2 among the sub-frames from `at`; throws Id3FallbackError for sub-frames it cannot vouch for. */
function subFrameTitle(body: Uint8Array, at: number, major: 3 | 4): string | undefined {
  const frames = at < body.length ? splitFrames(body, at, body.length, major, false) : [];
  if (!frames) throw new Id3FallbackError('malformed chapter sub-frames');
  let title: string | undefined;
  for (const frame of frames) {
    const empty = frame.body.length === 0;
    if (frame.id === 'TIT2') title = empty ? undefined : titleOf(frame);
    else if (!empty) checkSubFrame(frame);
  }
  return title || undefined;
}

function titleOf(frame: Id3Frame): string {
  if (!decodesCleanly(frame.body.subarray(1), id3Encoding(frame.body[0]))) {
    throw new Id3FallbackError('chapter title that music-metadata cannot decode');
  }
  return frameText(frame.body);
}

function checkSubFrame(frame: Id3Frame): void {
  const { id, body } = frame;
  if (id === 'WXXX' || id === 'WFED') checkUrlFrame(body);
  else if (id === 'APIC') picture(body);
  else if ((id[0] !== 'T' || id === 'TXXX') && id[0] !== 'W') {
    throw new Id3FallbackError(`chapter sub-frame ${id}`);
  }
}
