// Rebuilds the search index from the catalogue: every article, episode and transcript (podwire reindex, the seed).
import { and, asc, eq, gt, notExists, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '../../db/database.ts';
import { articles, episodes, mediaAssets, searchTexts } from '../../db/schema.ts';
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

/** Items per batch: each batch is one round trip, and one atomic step if the run is interrupted. */
const PAGE = 200;

/**
 * Writes every article's and episode's search text again, transcripts read from the media store,
 * then has FTS5 rebuild its index from those rows and merge its segments
 * (https://sqlite.org/fts5.html#the_rebuild_command). Safe to run while serving: each item's rows
 * are replaced in one batch, so a search sees its old text or its new, never none.
 */
export async function reindexSearch(
  db: Database,
  media: MediaStore,
  options: ReindexOptions = {},
): Promise<ReindexReport> {
  const report = { articles: 0, episodes: 0, transcripts: 0 };
  for (let after = 0; ; ) {
    const rows = await db
      .select({
        id: articles.id,
        headline: articles.headline,
        standfirst: articles.standfirst,
        bodyHtml: articles.bodyHtml,
      })
      .from(articles)
      .where(
        and(
          gt(articles.id, after),
          options.missingOnly ? notExists(textOf('article', articles.id)) : undefined,
        ),
      )
      .orderBy(asc(articles.id))
      .limit(PAGE);
    const last = rows.at(-1);
    if (!last) break;
    await runBatch(
      db,
      rows.flatMap((row) => articleSearchStatements(db, row.id, row)),
    );
    report.articles += rows.length;
    after = last.id;
  }
  for (let after = 0; ; ) {
    const rows = await db
      .select({
        id: episodes.id,
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
      .where(
        and(
          gt(episodes.id, after),
          options.missingOnly ? notExists(textOf('episode', episodes.id)) : undefined,
        ),
      )
      .orderBy(asc(episodes.id))
      .limit(PAGE);
    const last = rows.at(-1);
    if (!last) break;
    const statements: BatchItem<'sqlite'>[] = [];
    for (const row of rows) {
      const transcript = row.transcript ? await readTranscriptText(media, row.transcript) : undefined;
      if (transcript) report.transcripts++;
      statements.push(
        ...episodeSearchStatements(db, row.id, row),
        ...transcriptSearchStatements(db, row.id, transcript),
      );
    }
    await runBatch(db, statements);
    report.episodes += rows.length;
    after = last.id;
  }
  if (!options.missingOnly) {
    await db.run(sql`INSERT INTO search_fts (search_fts) VALUES ('rebuild')`);
    await db.run(sql`INSERT INTO search_fts (search_fts) VALUES ('optimize')`);
  }
  return report;
}

/** The search texts of kind `kind` that belong to the row whose id is `id`. */
function textOf(kind: 'article' | 'episode', id: typeof articles.id | typeof episodes.id) {
  const owner = kind === 'article' ? searchTexts.articleId : searchTexts.episodeId;
  return sql`(SELECT 1 FROM ${searchTexts} WHERE ${owner} = ${id} AND ${searchTexts.kind} = ${kind})`;
}

async function runBatch(db: Database, statements: BatchItem<'sqlite'>[]): Promise<void> {
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
}
