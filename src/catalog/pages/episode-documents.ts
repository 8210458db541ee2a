// An episode's transcript and chapters as a page shows them, read from the files the editor uploaded
// (WebVTT and SRT through media-captions; Podcast Index JSON; HTML sanitised) or from the audio itself.
import { MAX_DOCUMENT_BYTES } from '../../audio/probe-document.ts';
import type { MediaAsset } from '../../db/schema.ts';
import type { Html } from '../../domain/html.ts';
import { chaptersOfJson } from '../../domain/json-chapters.ts';
import type { Chapter } from '../../domain/vocabulary.ts';
import { parseTranscriptCues, type TranscriptCue } from '../transcript-cues.ts';
import type { PageContext } from './page-context.ts';

export type { TranscriptCue } from '../transcript-cues.ts';

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
    const cues = await parseTranscriptCues(text, asset.mimeType);
    if (cues) return { kind: 'cues', cues: joinBySpeaker(cues) };
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
    // Chapters files stored by this podwire carry their table of contents; older records are read.
    const stored =
      document.chapters.length > 0
        ? document.chapters
        : chaptersOfJson((await readText(ctx, document)) ?? '');
    if (stored) return stored.map((c) => ({ startSeconds: c.startSeconds, title: c.title, url: c.url }));
    ctx.log.warn('chapters file could not be read', { key: document.key });
  }
  return fromAudio.map((c) => ({ startSeconds: c.startSeconds, title: c.title }));
}
