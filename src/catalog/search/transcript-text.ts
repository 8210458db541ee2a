// Reads a stored transcript file for the search index: its timed cues, or the text of an HTML one.
import { MAX_DOCUMENT_BYTES } from '../../audio/probe-document.ts';
import type { MediaStore } from '../../media-store/media-store.ts';
import { parseTranscriptCues } from '../transcript-cues.ts';
import type { TranscriptText } from './search-index.ts';

/** The facts of a stored transcript the reader needs (a media_assets row, or one about to be). */
export interface StoredTranscript {
  readonly key: string;
  readonly mimeType: string;
  readonly sizeBytes: number;
}

/**
 * The transcript's searchable text, or undefined when there is none to index: the file is missing,
 * too large, or not what its type says (the page then shows no transcript either, so search must
 * not find words in it).
 */
export async function readTranscriptText(
  media: MediaStore,
  asset: StoredTranscript,
): Promise<TranscriptText | undefined> {
  if (asset.sizeBytes > MAX_DOCUMENT_BYTES) return undefined;
  const object = await media.get(asset.key).catch(() => undefined);
  if (!object) return undefined;
  const text = (await new Response(object.body).text()).replace(/^\uFEFF/, '');
  try {
    const cues = await parseTranscriptCues(text, asset.mimeType);
    if (cues) return { cues };
    if (asset.mimeType === 'text/html') return { text };
  } catch {
    // Unreadable as its type: not indexed, as the page does not show it.
  }
  return undefined;
}
