// The chapter editor: chapters as lines of "start title" ("12:05 The machine"), and those lines as a Podcasting 2.0 JSON chapters file.
import type { ChaptersDocument } from '../../catalog/chapters-doc.ts';
import { formatDuration } from '../../domain/duration.ts';
import type { FieldErrors } from '../form/field-errors.ts';

const START = /^(?:(\d{1,3}):)?([0-5]?\d):([0-5]\d)(?:\.(\d{1,3}))?$/;

/** "12:05 The machine": one chapter per line, start first. */
export const chapterLine = (c: { startSeconds: number; title: string }) =>
  `${formatDuration(Math.floor(c.startSeconds))} ${c.title}`;

/** "1:02:03.5" → 3723.5; undefined when the text is no time. */
export function parseStart(text: string): number | undefined {
  const m = START.exec(text);
  if (!m) return undefined;
  const [, h = '0', min = '0', s = '0', frac = ''] = m;
  return Number(h) * 3600 + Number(min) * 60 + Number(s) + (frac ? Number(`0.${frac}`) : 0);
}

/**
 * The lines as a chapters document (starts in order, titles not empty), or the problems found,
 * each naming its line. An empty list is a problem too: the file needs one chapter at least.
 */
export function chaptersFromLines(
  text: string,
): { ok: true; document: ChaptersDocument } | { ok: false; errors: FieldErrors } {
  const problems: string[] = [];
  const chapters: { startTime: number; title: string }[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const [start = '', ...words] = line.split(/\s+/);
    const startTime = parseStart(start);
    const title = words.join(' ');
    if (startTime === undefined) problems.push(`Line ${i + 1}: start with a time such as 0:00 or 1:02:03.`);
    else if (title === '') problems.push(`Line ${i + 1}: give the chapter a title after its time.`);
    else if (title.length > 500) problems.push(`Line ${i + 1}: at most 500 characters of title.`);
    else if (chapters.length > 0 && startTime <= (chapters.at(-1)?.startTime ?? 0)) {
      problems.push(`Line ${i + 1}: chapters go in order: start this one after the one above.`);
    } else chapters.push({ startTime, title });
  });
  if (problems.length === 0 && chapters.length === 0) problems.push('Give at least one chapter.');
  if (chapters.length > 1000) problems.push('At most 1000 chapters.');
  if (problems.length > 0) return { ok: false, errors: { chapters: problems } };
  return { ok: true, document: { version: '1.2.0', chapters } };
}
