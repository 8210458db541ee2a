// The statements that keep search_texts (and through its triggers the FTS5 index) in step with a write.
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '../../db/database.ts';
import { searchTexts } from '../../db/schema.ts';
import type { TranscriptCue } from '../transcript-cues.ts';
import { cleanText, plainTextOfHtml } from './plain-text.ts';

export interface ArticleText {
  readonly headline: string;
  readonly standfirst: string;
  readonly bodyHtml: string;
}

export interface EpisodeText {
  readonly title: string;
  readonly summary: string;
  readonly contentHtml: string;
}

/** What a transcript contributes: timed cues, or the text of an untimed (HTML) transcript. */
export type TranscriptText = { readonly cues: readonly TranscriptCue[] } | { readonly text: string };

/** An id known now, or the SQL that finds it within the batch (a row the batch itself inserts). */
type RowId = number | SQL<number>;

/** Whether a patch changes any of the fields search reads (the others leave the index as it is). */
export const touchesWords = (patch: object, fields: readonly string[]) =>
  fields.some((field) => field in patch && (patch as Record<string, unknown>)[field] !== undefined);

const idValue = (id: RowId) => (typeof id === 'number' ? sql<number>`${id}` : id);

/** Writes the article's search text (headline; standfirst and body as plain text), replacing the one it had. */
export function articleSearchStatements(
  db: Database,
  articleId: RowId,
  text: ArticleText,
): BatchItem<'sqlite'>[] {
  const title = cleanText(text.headline);
  const body = `${cleanText(text.standfirst)} ${plainTextOfHtml(text.bodyHtml)}`.trim();
  return [
    db
      .insert(searchTexts)
      .values({ kind: 'article', articleId: idValue(articleId), title, body })
      .onConflictDoUpdate({ target: searchTexts.articleId, set: { title, body } }),
  ];
}

/** Writes the episode's search text (title; summary and show notes as plain text), replacing the one it had. */
export function episodeSearchStatements(
  db: Database,
  episodeId: RowId,
  text: EpisodeText,
): BatchItem<'sqlite'>[] {
  const title = cleanText(text.title);
  const body = `${cleanText(text.summary)} ${plainTextOfHtml(text.contentHtml)}`.trim();
  return [
    db
      .delete(searchTexts)
      .where(and(eq(searchTexts.episodeId, idValue(episodeId)), eq(searchTexts.kind, 'episode'))),
    db.insert(searchTexts).values({ kind: 'episode', episodeId: idValue(episodeId), title, body }),
  ];
}

/**
 * Bytes of JSON per insert statement: D1 refuses a string over 2 MB (a transcript may be 5 MB), and
 * smaller statements keep each step of the batch short.
 */
const JSON_CHUNK_CHARS = 256 * 1024;
/** An untimed transcript is indexed in passages of about this many characters, so snippets find their place. */
const PASSAGE_CHARS = 2000;

/** `text` in passages of about PASSAGE_CHARS, cut at spaces. */
function passages(text: string): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > PASSAGE_CHARS) {
    const cut = rest.lastIndexOf(' ', PASSAGE_CHARS);
    const at = cut > PASSAGE_CHARS / 2 ? cut : PASSAGE_CHARS;
    out.push(rest.slice(0, at).trim());
    rest = rest.slice(at);
  }
  out.push(rest.trim());
  return out;
}

/** Rows as JSON arrays of at most JSON_CHUNK_CHARS each (a single longer row is its own chunk). */
function jsonChunks(rows: readonly (readonly [number | null, string])[]): string[] {
  const chunks: string[] = [];
  let current: string[] = [];
  let size = 2;
  for (const row of rows) {
    const item = JSON.stringify(row);
    if (current.length > 0 && size + item.length + 1 > JSON_CHUNK_CHARS) {
      chunks.push(`[${current.join(',')}]`);
      current = [];
      size = 2;
    }
    current.push(item);
    size += item.length + 1;
  }
  if (current.length > 0) chunks.push(`[${current.join(',')}]`);
  return chunks;
}

/**
 * Replaces the episode's transcript text: one row per cue, each with the time its words are spoken
 * (so a hit links to that moment), or untimed passages; `undefined` removes it. The cues travel as
 * JSON parameters (a few statements however long the transcript, within D1's 100 bound parameters).
 */
export function transcriptSearchStatements(
  db: Database,
  episodeId: RowId,
  transcript: TranscriptText | undefined,
): BatchItem<'sqlite'>[] {
  const id = idValue(episodeId);
  const clear = db
    .delete(searchTexts)
    .where(and(eq(searchTexts.episodeId, id), eq(searchTexts.kind, 'transcript')));
  if (transcript === undefined) return [clear];
  const rows: [number | null, string][] =
    'cues' in transcript
      ? transcript.cues.map((cue) => [Math.max(0, Math.round(cue.startSeconds * 1000)), cleanText(cue.text)])
      : passages(plainTextOfHtml(transcript.text)).map((text) => [null, text]);
  const inserts = jsonChunks(rows.filter(([, body]) => body !== '')).map((json) =>
    // Query builders only: drizzle's D1 batch cannot run raw `db.run(sql)` statements.
    db.insert(searchTexts).select(
      db
        // Every column, in the table's order (drizzle's insert-select requires it); NULL id: a new rowid.
        .select({
          id: sql<number>`NULL`.as('id'),
          kind: sql<'transcript'>`'transcript'`.as('kind'),
          articleId: sql<null>`NULL`.as('article_id'),
          episodeId: sql<number>`${id}`.as('episode_id'),
          startMs: sql<number | null>`json_extract(value, '$[0]')`.as('start_ms'),
          title: sql<string>`''`.as('title'),
          body: sql<string>`json_extract(value, '$[1]')`.as('body'),
        })
        .from(sql`json_each(${json})`)
        .orderBy(sql`key`),
    ),
  );
  return [clear, ...inserts];
}
