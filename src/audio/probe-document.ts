// probeDocument(reader, kind): recognise a transcript (WebVTT, SRT, JSON, HTML) or a JSON chapters file by content.
import { chaptersOfJson } from '../domain/json-chapters.ts';
import type { Chapter } from '../domain/vocabulary.ts';
import { MediaError, UnsupportedMediaError } from '../errors.ts';
import type { RandomAccessReader } from '../media-store/media-store.ts';

export type DocumentKind = 'transcript' | 'chapters';

export interface DocumentProbe {
  readonly mimeType: string;
  readonly sizeBytes: number;
  /** A chapters file's table of contents, stored so feeds can carry it inline (Podlove Simple Chapters). */
  readonly chapters?: Chapter[];
}

/** Transcripts and chapter files are text; anything larger is not one. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/**
 * Types per the Podcast Index namespace: `text/vtt`, `application/x-subrip`, `application/json`
 * (transcripts), `text/html`; `application/json+chapters` for chapters. The content decides, not
 * the name: a chapters file must parse and list chapters with numeric start times.
 */
export async function probeDocument(
  reader: RandomAccessReader,
  kind: DocumentKind,
  options: { name?: string } = {},
): Promise<DocumentProbe> {
  const label = options.name ?? kind;
  if (reader.size === 0) throw new MediaError(`${label} is empty`);
  if (reader.size > MAX_DOCUMENT_BYTES)
    throw new MediaError(`${label} is larger than ${MAX_DOCUMENT_BYTES} bytes`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })
      .decode(await reader.read(0, reader.size))
      .replace(/^\uFEFF/, '');
  } catch {
    throw new UnsupportedMediaError(`${label} is not UTF-8 text`);
  }
  const sizeBytes = reader.size;
  const start = text.trimStart();
  if (kind === 'chapters') {
    if (!isChaptersJson(start)) {
      throw new UnsupportedMediaError(
        `${label} is not a JSON chapters file (it needs "chapters" with "startTime" and "title")`,
      );
    }
    return { mimeType: 'application/json+chapters', sizeBytes, chapters: chaptersOfJson(start) ?? [] };
  }
  if (/^WEBVTT(?:[ \t]|\r?\n|$)/.test(start)) return { mimeType: 'text/vtt', sizeBytes };
  if (/^\d+\r?\n\d\d:\d\d:\d\d,\d{3} --> \d\d:\d\d:\d\d,\d{3}/.test(start))
    return { mimeType: 'application/x-subrip', sizeBytes };
  if (start.startsWith('{') && isJsonTranscript(start)) return { mimeType: 'application/json', sizeBytes };
  if (/^<(?:!doctype html|html|p|div|cite|time)\b/i.test(start)) return { mimeType: 'text/html', sizeBytes };
  throw new UnsupportedMediaError(`${label} is not a WebVTT, SRT, JSON or HTML transcript`);
}

function isChaptersJson(text: string): boolean {
  try {
    const doc = JSON.parse(text) as { chapters?: unknown };
    return (
      Array.isArray(doc.chapters) &&
      doc.chapters.length > 0 &&
      doc.chapters.every(
        (c: { startTime?: unknown; title?: unknown }) =>
          typeof c.startTime === 'number' && c.startTime >= 0 && typeof c.title === 'string',
      )
    );
  } catch {
    return false;
  }
}

function isJsonTranscript(text: string): boolean {
  try {
    const doc = JSON.parse(text) as { segments?: unknown };
    return Array.isArray(doc.segments);
  } catch {
    return false;
  }
}
