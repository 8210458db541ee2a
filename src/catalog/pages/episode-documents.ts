// An episode's transcript and chapters as a page shows them, read from the files the editor uploaded
// (WebVTT and SRT through media-captions; Podcast Index JSON; HTML sanitised) or from the audio itself.
import { parseText } from 'media-captions';
import { MAX_DOCUMENT_BYTES } from '../../audio/probe-document.ts';
import type { MediaAsset } from '../../db/schema.ts';
import type { Html } from '../../domain/html.ts';
import type { Chapter } from '../../domain/vocabulary.ts';
import type { PageContext } from './page-context.ts';

export interface TranscriptCue {
  readonly startSeconds: number;
  readonly speaker?: string;
  readonly text: string;
}

export type Transcript =
  | { readonly kind: 'cues'; readonly cues: readonly TranscriptCue[] }
  | { readonly kind: 'html'; readonly html: Html };

export interface PageChapter {
  readonly startSeconds: number;
  readonly title: string;
  readonly url?: string;
}

async function readText(ctx: PageContext, asset: MediaAsset): Promise<string | undefined> {
  if (asset.sizeBytes > MAX_DOCUMENT_BYTES) return undefined;
  const object = await ctx.media.get(asset.key).catch(() => undefined);
  if (!object) {
    ctx.log.error('registered media file is missing from the store', { key: asset.key });
    return undefined;
  }
  return (await new Response(object.body).text()).replace(/^\uFEFF/, '');
}

const VTT_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  nbsp: '\u00a0',
  lrm: '\u200e',
  rlm: '\u200f',
};

/** A WebVTT cue's text without its markup: `<v Ana>Hi &amp; bye</v>` is Ana saying "Hi & bye". */
export function plainCue(text: string): { speaker?: string; text: string } {
  const voice = /^\s*<v(?:\.[^\s>]+)*\s+([^>]+)>/.exec(text);
  const plain = text
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|nbsp|lrm|rlm);/g, (_, name: string) => VTT_ENTITIES[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  return voice?.[1] ? { speaker: voice[1].trim(), text: plain } : { text: plain };
}

/** Consecutive cues of one speaker become one paragraph, so a transcript reads as prose. */
function joinBySpeaker(cues: readonly TranscriptCue[]): TranscriptCue[] {
  const out: TranscriptCue[] = [];
  for (const cue of cues) {
    if (!cue.text) continue;
    const last = out.at(-1);
    if (last && cue.speaker !== undefined && last.speaker === cue.speaker) {
      out[out.length - 1] = { ...last, text: `${last.text} ${cue.text}` };
    } else out.push(cue);
  }
  return out;
}

/** The transcript, or undefined when it cannot be read (logged; the page shows none). */
export async function loadTranscript(ctx: PageContext, asset: MediaAsset): Promise<Transcript | undefined> {
  const text = await readText(ctx, asset);
  if (text === undefined) return undefined;
  try {
    if (asset.mimeType === 'text/vtt' || asset.mimeType === 'application/x-subrip') {
      const parsed = await parseText(text, { type: asset.mimeType === 'text/vtt' ? 'vtt' : 'srt' });
      const cues = parsed.cues.map((cue) => ({ startSeconds: cue.startTime, ...plainCue(cue.text) }));
      return { kind: 'cues', cues: joinBySpeaker(cues) };
    }
    if (asset.mimeType === 'application/json') {
      const doc = JSON.parse(text) as {
        segments?: { startTime?: number; speaker?: string; body?: string }[];
      };
      const cues = (doc.segments ?? []).map((s) => ({
        startSeconds: Number(s.startTime) || 0,
        speaker: typeof s.speaker === 'string' && s.speaker ? s.speaker : undefined,
        text: String(s.body ?? '').trim(),
      }));
      return { kind: 'cues', cues: joinBySpeaker(cues) };
    }
    if (asset.mimeType === 'text/html') return { kind: 'html', html: ctx.sanitize(text) };
  } catch (error) {
    ctx.log.warn('transcript could not be read', { key: asset.key, error });
  }
  return undefined;
}

/** The editor's chapters file when there is one, else the chapters found in the audio. */
export async function loadChapters(
  ctx: PageContext,
  document: MediaAsset | null,
  fromAudio: readonly Chapter[],
): Promise<PageChapter[]> {
  if (document) {
    const text = await readText(ctx, document);
    try {
      const doc = JSON.parse(text ?? '') as {
        chapters?: { startTime?: number; title?: string; url?: string; toc?: boolean }[];
      };
      return (doc.chapters ?? [])
        .filter((c) => c.toc !== false && typeof c.startTime === 'number' && typeof c.title === 'string')
        .map((c) => ({
          startSeconds: c.startTime as number,
          title: c.title as string,
          url: typeof c.url === 'string' && /^https?:\/\//.test(c.url) ? c.url : undefined,
        }));
    } catch {
      ctx.log.warn('chapters file could not be read', { key: document.key });
    }
  }
  return fromAudio.map((c) => ({ startSeconds: c.startSeconds, title: c.title }));
}
