// readMpegTags: an MP3's ID3v2 and ID3v1 tags read directly, agreeing with music-metadata, or undefined to ask it.
import type { Chapter } from '../../domain/vocabulary.ts';
import type { RandomAccessReader } from '../../media-store/media-store.ts';
import type { TagFacts, TagPicture } from '../tag-facts.ts';
import {
  type ChapterFrame,
  chapter,
  checkUrlFrame,
  commentText,
  frameText,
  Id3FallbackError,
  picture,
  plainValues,
  splitValues,
  type TocFrame,
  tableOfContents,
  userText,
} from './id3-frame-values.ts';
import { Id3TextError, Id3UnsureError } from './id3-text.ts';
import { readId3v1 } from './id3v1.ts';
import { readId3v2Frames } from './id3v2-frames.ts';

/**
 * Below this much audio music-metadata answers, as before: its MPEG parser may then consume the
 * ID3v1 tag's bytes and skip it, and small files cost it little.
 */
const MIN_AUDIO_BYTES = 64 * 1024;
/** Larger tags go to music-metadata, which refuses them (a probe never holds more in memory). */
const MAX_TAG_BYTES = 16 * 1024 * 1024;
/** TXXX descriptions music-metadata maps to the artist (through `artists`) or the year (through `date`). */
const MAPPED_TXXX = new Set(['ARTISTS', 'DISCOGS_ARTISTS', 'DISCOGS_ARTIST_NAME', 'DISCOGS_RELEASED']);

/** The text frames that give a field podwire keeps; music-metadata's reading of the others cannot change it. */
const FIELD_FRAMES = new Set(['TIT2', 'TPE1', 'TALB', 'TYER', 'TDRC', 'TDRV']);

function ascii(bytes: Uint8Array, at: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

/**
 * music-metadata costs 0.25-1 ms per MP3 (it builds its tag mappers and loads its MPEG parser on
 * every call), as much as the whole frame walk of a 26-minute file (bench/probe-cli): so the plain
 * tags most MP3s carry are read here. The result equals what music-metadata 12 would give for the
 * fields podwire keeps, including its precedence (ID3v2 over ID3v1, the first artist, TYER over a
 * v1 year, TDRC not); a test holds both to that. Anything else (ID3v2.2, unsynchronisation,
 * compressed frames, APEv2 or Lyrics3 tags, text it would fail on) is undefined: ask music-metadata.
 */
export async function readMpegTags(
  reader: RandomAccessReader,
  afterTags: number,
): Promise<TagFacts | undefined> {
  const size = reader.size;
  if (afterTags > MAX_TAG_BYTES || size - afterTags < MIN_AUDIO_BYTES) return undefined;
  const tail = await reader.read(size - 160, 160);
  const v1 = readId3v1(tail.subarray(32));
  // where music-metadata looks for APEv2 and Lyrics3 (it parses them with ID3v1)
  if (v1 ? ascii(tail, 23, 'LYRICS200') || ascii(tail, 0, 'APETAGEX') : ascii(tail, 128, 'APETAGEX')) {
    return undefined;
  }
  try {
    return fromTags(afterTags > 0 ? await reader.read(0, afterTags) : undefined, v1);
  } catch (error) {
    if (error instanceof Id3FallbackError || error instanceof Id3UnsureError) return undefined;
    throw error;
  }
}

function fromTags(v2: Uint8Array | undefined, v1: ReturnType<typeof readId3v1>): TagFacts | undefined {
  const parsed = v2 ? readId3v2Frames(v2) : { major: 4 as const, frames: [] };
  if (!parsed) return undefined;
  const { major } = parsed;
  let title: string | undefined;
  let artist: string | undefined;
  let album: string | undefined;
  let year: number | undefined;
  let yearFromYearFrame = false;
  const comments: string[] = [];
  let userComment: string | undefined;
  let image: TagPicture | undefined;
  const chapters: ChapterFrame[] = [];
  const tocs: TocFrame[] = [];
  for (const { id, body } of parsed.frames) {
    if (body.length === 0) continue; // music-metadata skips empty frames
    if (id[0] !== 'T' && (manyBoms(body, 0) || manyBoms(body, 1))) return undefined;
    if (id[0] === 'T' && id !== 'TXXX') {
      if (!FIELD_FRAMES.has(id)) continue;
      const text = textOrUndefined(body);
      if (text === undefined) continue; // undecodable text frames are skipped, as music-metadata does
      if (id === 'TIT2')
        title = text || title; // an empty title is no title to music-metadata
      else if (id === 'TPE1') artist ??= splitValues(id, text, major)[0];
      else if (id === 'TALB') album = plainValues(id, text, major).at(-1) ?? album;
      else if (id === 'TYER') {
        for (const value of plainValues(id, text, major)) year = Number.parseInt(value, 10);
        yearFromYearFrame = true;
      } else if (id === 'TDRC' || id === 'TDRV') {
        for (const value of plainValues(id, text, major)) {
          const y = Number.parseInt(value.slice(0, 4), 10);
          if (!Number.isNaN(y)) year = y;
        }
      }
    } else if (id === 'TXXX') {
      const { description, values } = userText(body, major);
      if (MAPPED_TXXX.has(description.toUpperCase())) return undefined;
      if (description === 'comment') userComment ??= values[0];
    } else if (id === 'COMM' || id === 'USLT') {
      const text = commentText(body);
      if (id === 'COMM') comments.push(text);
    } else if (id === 'APIC') {
      const p = picture(body);
      if (p.format === '') return undefined; // music-metadata would guess the type from the bytes
      if (p.data.length > 0) image ??= { format: p.format, type: p.type, data: p.data };
    } else if (id === 'CHAP') chapters.push(chapter(body, major));
    else if (id === 'CTOC') tocs.push(tableOfContents(body, major));
    else if (id === 'WXXX' || id === 'WFED') checkUrlFrame(body);
    else if (id === 'GEOB' || id === 'SYLT') return undefined;
  }
  // ID3v1 fills only what ID3v2 left unset (music-metadata ranks it last), except that a year from
  // TDRC carries no rank there, so a v1 year replaces it.
  if (v1) {
    title ??= v1.title;
    artist ??= v1.artist;
    album ??= v1.album;
    if (comments.length === 0 && v1.comment !== undefined) comments.push(v1.comment);
    if (v1.year !== undefined && !yearFromYearFrame) year = Number.parseInt(v1.year, 10);
  }
  return {
    tags: { title, artist, album, year, comment: comments[0] ?? userComment },
    picture: image,
    chapters: orderChapters(chapters, tocs),
  };
}

/**
 * music-metadata decodes Latin-1 fields of most frames recursing once per leading FF FE pair, outside
 * any try: thousands of them overflow its stack and lose the whole tag. Such a frame goes to it.
 */
function manyBoms(body: Uint8Array, at: number): boolean {
  let i = at;
  while (i - at < 512 && body[i] === 0xff && body[i + 1] === 0xfe) i += 2;
  return i - at >= 512;
}

function textOrUndefined(body: Uint8Array): string | undefined {
  try {
    return frameText(body);
  } catch (error) {
    if (error instanceof Id3TextError) return undefined;
    throw error;
  }
}

/** Chapters in the top-level table of contents' order, else by start time; untitled ones left out. */
function orderChapters(frames: readonly ChapterFrame[], tocs: readonly TocFrame[]): Chapter[] {
  if (frames.length === 0) return [];
  const byLabel = new Map<string, ChapterFrame>();
  for (const frame of frames) byLabel.set(frame.label, frame);
  const order = tocs.find((toc) => toc.topLevel)?.children;
  const chapters: Chapter[] = [];
  for (const label of order ?? byLabel.keys()) {
    const frame = byLabel.get(label);
    if (frame?.title) chapters.push({ title: frame.title, startSeconds: frame.startMs / 1000 });
  }
  if (!order) chapters.sort((a, b) => a.startSeconds - b.startSeconds);
  return chapters;
}
