// An episode's transcript file read as timed cues: WebVTT and SRT through media-captions, Podcast Index JSON.
import { parseText } from 'media-captions';

export interface TranscriptCue {
  readonly startSeconds: number;
  readonly speaker?: string;
  readonly text: string;
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

/**
 * The cues of a timed transcript, in file order, or undefined for a type without times (HTML,
 * plain text). Throws on a file that is not what its type says (JSON that does not parse).
 */
export async function parseTranscriptCues(
  text: string,
  mimeType: string,
): Promise<TranscriptCue[] | undefined> {
  if (mimeType === 'text/vtt' || mimeType === 'application/x-subrip') {
    const parsed = await parseText(text, { type: mimeType === 'text/vtt' ? 'vtt' : 'srt' });
    return parsed.cues.map((cue) => ({ startSeconds: cue.startTime, ...plainCue(cue.text) }));
  }
  if (mimeType === 'application/json') {
    // https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/examples/transcripts/transcripts.md
    const doc = JSON.parse(text) as { segments?: { startTime?: number; speaker?: string; body?: string }[] };
    return (doc.segments ?? []).map((s) => ({
      startSeconds: Number(s.startTime) || 0,
      speaker: typeof s.speaker === 'string' && s.speaker ? s.speaker : undefined,
      text: String(s.body ?? '').trim(),
    }));
  }
  return undefined;
}
