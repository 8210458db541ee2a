/** @jsxImportSource hono/jsx */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { chapterLine } from '../../src/studio/forms/chapters-form.ts';
import { ChaptersPanel } from '../../src/studio/screens/chapters-panel.tsx';
import { chapterClock, refreshChapters } from '../../src/studio-client/chapters.ts';
import type { UploadedAsset } from '../../src/studio-client/facts.ts';

const asset = (chapters: UploadedAsset['chapters']): UploadedAsset => ({
  url: 'https://news.example/media/a.mp3',
  mimeType: 'audio/mpeg',
  sizeBytes: 1000,
  durationText: '1:00',
  codec: 'MPEG 1 Layer 3',
  bitrate: 128000,
  chapters,
});

const NEW_AUDIO = asset([
  { startSeconds: 0, title: 'Cold open' },
  { startSeconds: 65.4, title: 'The keepers' },
  { startSeconds: 3723, title: 'Questions' },
]);

/** The panel as the server renders it, in a document the script works on. */
async function panelDocument(source: 'file' | 'audio' | 'none', lines: string) {
  const html = String(
    await (
      <ChaptersPanel episodeId={7} etag='"e"' csrf="t" lines={lines} source={source} errors={{}} />
    ).toString(),
  );
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
  const textarea = document.querySelector('textarea[name="chapters"]') as unknown as HTMLTextAreaElement;
  const hint = () => document.querySelector('[data-chapters-hint]')?.textContent?.trim();
  return { document: document as unknown as Document, textarea, hint };
}

describe('the chapter editor after the script attaches new audio', () => {
  it('writes chapter starts as the server does', () => {
    for (const s of [0, 5, 65.4, 600, 3599, 3600, 3723, 36000]) {
      expect(chapterClock(s)).toBe(chapterLine({ startSeconds: s, title: '' }).trim());
    }
  });

  it('replaces the lines taken from the old audio with the new audio’s chapters', async () => {
    const page = await panelDocument('audio', '0:00 Old intro\n0:30 Old middle');
    expect(refreshChapters(page.document, NEW_AUDIO)).toBe('replaced');
    expect(page.textarea.value).toBe('0:00 Cold open\n1:05 The keepers\n1:02:03 Questions');
    expect(page.hint()).toMatch(/found in the audio file/);
  });

  it('fills an empty editor, and empties it (saying so) when the new audio has no chapters', async () => {
    const page = await panelDocument('none', '');
    expect(refreshChapters(page.document, NEW_AUDIO)).toBe('replaced');
    expect(page.textarea.value.split('\n')).toHaveLength(3);
    expect(refreshChapters(page.document, asset([]))).toBe('replaced');
    expect(page.textarea.value).toBe('');
    expect(page.hint()).toMatch(/no chapters/);
  });

  it('keeps the episode’s own chapters file and says why the new audio’s chapters are not shown', async () => {
    const page = await panelDocument('file', '0:00 Edited intro');
    expect(refreshChapters(page.document, NEW_AUDIO)).toBe('kept-file');
    expect(page.textarea.value).toBe('0:00 Edited intro');
    expect(page.hint()).toMatch(/chapters file, kept: the new audio has 3 chapter/);
  });
  // Lines typed and not saved (a textarea's dirty value, which linkedom does not model) are
  // checked in Chromium: test/browser/studio-episode.test.ts.
});
