// chaptersOfJson(text): the table of contents of a Podcasting 2.0 JSON chapters document, as podwire's chapters.
import type { Chapter } from './vocabulary.ts';

/** Longest chapter title kept: titles are shown in players and written into feeds. */
const MAX_TITLE = 500;

const webUrl = (value: unknown): string | undefined =>
  typeof value === 'string' && /^https?:\/\/[^\s]+$/.test(value) && value.length <= 2048 ? value : undefined;

/**
 * https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/examples/chapters/jsonChapters.md
 * Chapters with `toc: false` are left out (they change artwork, they are not headings); so are entries
 * without a numeric `startTime` ≥ 0 or a string `title`. Sorted by start; undefined when the text is
 * not a chapters document at all.
 */
export function chaptersOfJson(text: string): Chapter[] | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  const list = (doc as { chapters?: unknown } | null)?.chapters;
  if (!Array.isArray(list)) return undefined;
  const chapters: Chapter[] = [];
  for (const entry of list as Record<string, unknown>[]) {
    const { startTime, endTime, title, toc } = entry ?? {};
    if (toc === false || typeof title !== 'string') continue;
    if (typeof startTime !== 'number' || !Number.isFinite(startTime) || startTime < 0) continue;
    const chapter: Chapter = { title: title.slice(0, MAX_TITLE), startSeconds: startTime };
    if (typeof endTime === 'number' && Number.isFinite(endTime) && endTime > startTime)
      chapter.endSeconds = endTime;
    const url = webUrl(entry.url);
    if (url) chapter.url = url;
    const imageUrl = webUrl(entry.img);
    if (imageUrl) chapter.imageUrl = imageUrl;
    chapters.push(chapter);
  }
  return chapters.sort((a, b) => a.startSeconds - b.startSeconds);
}
