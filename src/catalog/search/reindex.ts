// Rebuilds the search index from the catalogue: every article, episode and transcript (podwire reindex, the seed).
import { and, asc, between, eq, gt, inArray, notExists, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '../../db/database.ts';
import { articles, episodes, mediaAssets, type REINDEX_PHASES, searchTexts } from '../../db/schema.ts';
import type { MediaStore } from '../../media-store/media-store.ts';
import {
  articleSearchStatements,
  episodeSearchStatements,
  transcriptSearchStatements,
} from './search-index.ts';
import { readTranscriptText } from './transcript-text.ts';

export interface ReindexReport {
  readonly articles: number;
  readonly episodes: number;
  readonly transcripts: number;
}

export interface ReindexOptions {
  /** Only items with no search text yet (what the seed adds); otherwise every item is rewritten. */
  readonly missingOnly?: boolean;
}

/** Where a run stands: the kind of item it is writing and the last id written, or FTS5's rebuild, or done. */
export interface ReindexCursor {
  readonly phase: ReindexPhase;
  readonly afterId: number;
}
export type ReindexPhase = (typeof REINDEX_PHASES)[number];

export const REINDEX_START: ReindexCursor = { phase: 'articles', afterId: 0 };

/** What one step did: the cursor to go on from and the items it wrote. */
export interface ReindexStep extends ReindexReport {
  readonly cursor: ReindexCursor;
}

/** Items per batch: each batch is one round trip, and one atomic step if the run is interrupted. */
const PAGE = 200;
/** Times a page's edited items are read and written again before the run goes on (an edit writes its own text). */
const SETTLE_ROUNDS = 3;

type Row = { readonly id: number; readonly version: number };

/** A kind of item: how its rows are read, and how their search text is written. */
interface Source<R extends Row> {
  readonly table: typeof articles | typeof episodes;
  read(where: SQL | undefined): Promise<R[]>;
  /** Writes the rows' search texts; returns how many transcripts were among them. */
  write(rows: readonly R[]): Promise<number>;
}

/**
 * Writes every article's and episode's search text again, transcripts read from the media store,
 * then has FTS5 rebuild its index from those rows and merge its segments
 * (https://sqlite.org/fts5.html#the_rebuild_command). Safe to run while serving: each item's rows
 * are replaced in one batch, so a search sees its old text or its new, never none; and an item
 * edited between this run's read and its write (the edit wrote its own, newer text, which this run
 * then overwrote) is read and written again.
 */
export async function reindexSearch(
  db: Database,
  media: MediaStore,
  options: ReindexOptions = {},
): Promise<ReindexReport> {
  const { articles, episodes, transcripts } = await reindexSteps(db, media, REINDEX_START, {
    ...options,
    pages: Number.POSITIVE_INFINITY,
  });
  return { articles, episodes, transcripts };
}

/**
 * Goes on from `cursor` for at most `pages` steps: a page of up to 200 items, or (last, unless
 * `missingOnly`) FTS5's rebuild and merge. A run cut off between steps loses nothing: the step
 * after the saved cursor is written again.
 */
export async function reindexSteps(
  db: Database,
  media: MediaStore,
  from: ReindexCursor,
  options: ReindexOptions & { readonly pages: number },
): Promise<ReindexStep> {
  const sources = { articles: articleSource(db), episodes: episodeSource(db, media) };
  const counts = { articles: 0, episodes: 0, transcripts: 0 };
  let cursor = from;
  for (let page = 0; page < options.pages && cursor.phase !== 'done'; page++) {
    if (cursor.phase === 'index') {
      if (!options.missingOnly) {
        await db.run(sql`INSERT INTO search_fts (search_fts) VALUES ('rebuild')`);
        await db.run(sql`INSERT INTO search_fts (search_fts) VALUES ('optimize')`);
      }
      cursor = { phase: 'done', afterId: 0 };
      continue;
    }
    const phase = cursor.phase;
    const source: Source<Row> = sources[phase];
    const existing = options.missingOnly
      ? textOf(phase === 'articles' ? 'article' : 'episode', source.table.id)
      : undefined;
    const rows = await source.read(
      and(gt(source.table.id, cursor.afterId), existing ? notExists(existing) : undefined),
    );
    const last = rows.at(-1);
    if (!last) {
      cursor = { phase: phase === 'articles' ? 'episodes' : 'index', afterId: 0 };
      continue;
    }
    counts.transcripts += await source.write(rows);
    await settle(db, source, rows);
    counts[phase] += rows.length;
    cursor = { phase, afterId: last.id };
  }
  return { ...counts, cursor };
}

function articleSource(db: Database): Source<Awaited<ReturnType<typeof readArticles>>[number]> {
  return {
    table: articles,
    read: (where) => readArticles(db, where),
    async write(rows) {
      await runBatch(
        db,
        rows.flatMap((row) => articleSearchStatements(db, row.id, row)),
      );
      return 0;
    },
  };
}

function episodeSource(
  db: Database,
  media: MediaStore,
): Source<Awaited<ReturnType<typeof readEpisodes>>[number]> {
  return {
    table: episodes,
    read: (where) => readEpisodes(db, where),
    async write(rows) {
      const statements: BatchItem<'sqlite'>[] = [];
      let transcripts = 0;
      for (const row of rows) {
        const transcript = row.transcript ? await readTranscriptText(media, row.transcript) : undefined;
        if (transcript) transcripts++;
        statements.push(
          ...episodeSearchStatements(db, row.id, row),
          ...transcriptSearchStatements(db, row.id, transcript),
        );
      }
      await runBatch(db, statements);
      return transcripts;
    },
  };
}

/** Writes again the items of `rows` whose version moved on since they were read, until none did. */
async function settle<R extends Row>(db: Database, source: Source<R>, rows: readonly R[]) {
  let read = rows;
  for (let round = 0; round < SETTLE_ROUNDS && read.length > 0; round++) {
    const first = read[0] as R;
    const last = read.at(-1) as R;
    const now = await db
      .select({ id: source.table.id, version: source.table.version })
      .from(source.table)
      .where(between(source.table.id, first.id, last.id));
    const versions = new Map(now.map((r) => [r.id, r.version]));
    // A deleted item took its search rows with it (ON DELETE CASCADE): nothing to redo.
    const edited = read
      .filter((r) => versions.has(r.id) && versions.get(r.id) !== r.version)
      .map((r) => r.id);
    if (edited.length === 0) return;
    const again: R[] = [];
    // In slices: D1 binds at most 100 parameters per statement.
    for (let i = 0; i < edited.length; i += 90) {
      again.push(...(await source.read(inArray(source.table.id, edited.slice(i, i + 90)))));
    }
    await source.write(again);
    read = again;
  }
}

const readArticles = (db: Database, where: SQL | undefined) =>
  db
    .select({
      id: articles.id,
      version: articles.version,
      headline: articles.headline,
      standfirst: articles.standfirst,
      bodyHtml: articles.bodyHtml,
    })
    .from(articles)
    .where(where)
    .orderBy(asc(articles.id))
    .limit(PAGE);

const readEpisodes = (db: Database, where: SQL | undefined) =>
  db
    .select({
      id: episodes.id,
      version: episodes.version,
      title: episodes.title,
      summary: episodes.summary,
      contentHtml: episodes.contentHtml,
      transcript: {
        key: mediaAssets.key,
        mimeType: mediaAssets.mimeType,
        sizeBytes: mediaAssets.sizeBytes,
      },
    })
    .from(episodes)
    .leftJoin(mediaAssets, eq(mediaAssets.id, episodes.transcriptAssetId))
    .where(where)
    .orderBy(asc(episodes.id))
    .limit(PAGE);

/** The search texts of kind `kind` that belong to the row whose id is `id`. */
function textOf(kind: 'article' | 'episode', id: typeof articles.id | typeof episodes.id) {
  const owner = kind === 'article' ? searchTexts.articleId : searchTexts.episodeId;
  return sql`(SELECT 1 FROM ${searchTexts} WHERE ${owner} = ${id} AND ${searchTexts.kind} = ${kind})`;
}

async function runBatch(db: Database, statements: BatchItem<'sqlite'>[]): Promise<void> {
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
}
