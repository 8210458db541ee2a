// After new audio is attached: the chapter editor shows the audio's chapters at once (no reload), unless the episode has its own chapters file or unsaved edits.
import type { UploadedAsset } from './facts.ts';

/** "12:05", "1:02:03": the start as the server writes chapter lines (formatDuration). */
export const chapterClock = (seconds: number): string => {
  const s = Math.floor(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
};

/** The hints the server's chapters panel gives for each source (studio/screens/chapters-panel.tsx). */
const HINTS = {
  audio: 'These are the chapters found in the audio file; saving them makes a chapters file you can edit.',
  none: 'The audio has no chapters. Add some, one per line.',
} as const;

/**
 * Brings the chapters panel (`#chapters-panel`, `data-chapters-source`) in line with the audio just
 * attached. With a chapters file of its own the episode keeps it (podcast apps read it instead of
 * the audio's): the panel says so. Lines typed and not saved are never overwritten: the panel says
 * what the new audio holds instead. Returns what it did, for the status line.
 */
export function refreshChapters(
  root: ParentNode,
  asset: UploadedAsset,
): 'replaced' | 'kept-file' | 'kept-edits' | 'none' {
  const panel = root.querySelector<HTMLElement>('#chapters-panel');
  const textarea = panel?.querySelector<HTMLTextAreaElement>('textarea[name="chapters"]');
  const hint = panel?.querySelector<HTMLElement>('[data-chapters-hint]');
  if (!panel || !textarea || !hint) return 'none';
  const lines = asset.chapters.map((c) => `${chapterClock(c.startSeconds)} ${c.title}`).join('\n');
  const count = asset.chapters.length;
  if (panel.dataset.chaptersSource === 'file') {
    hint.textContent = `These are the episode’s chapters file, kept: the new audio has ${count} chapter(s) of its own, which podcast apps ignore while the file exists.`;
    return 'kept-file';
  }
  // A textarea's text content is its default value (as served, or as last refreshed here).
  if (textarea.value !== (textarea.textContent ?? '')) {
    hint.textContent = `The new audio has ${count} chapter(s); your unsaved lines are kept. Reload the page to start from the audio’s.`;
    return 'kept-edits';
  }
  textarea.textContent = lines;
  textarea.value = lines;
  panel.dataset.chaptersSource = count > 0 ? 'audio' : 'none';
  hint.textContent = count > 0 ? HINTS.audio : HINTS.none;
  return 'replaced';
}
