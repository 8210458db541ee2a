// Background jobs on Workers (imports, search reindex): a request runs a share in waitUntil after its 202, the cron trigger carries every unfinished job on.
import type { ExecutionContext } from '@cloudflare/workers-types';
import type { Context } from 'hono';
import type { DocumentPipeline } from '../catalog/documents/store-documents.ts';
import { refreshAfterWrite } from '../catalog/documents/store-documents.ts';
import { createHtmlSanitizer } from '../catalog/html-sanitizer.ts';
import { continueImports, type ImportBudget } from '../catalog/import/import-budget.ts';
import type { ImportDeps } from '../catalog/import/import-ports.ts';
import type { ReindexBudget } from '../catalog/search/reindex-jobs.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../log.ts';
import type { MediaStore } from '../media-store/media-store.ts';
import { createWorkerSafeFetch } from './worker-fetch-port.ts';

/**
 * Items one invocation (a POST's waitUntil, or one cron run) imports, two at a time. Each item
 * fetches at most 4 files (audio, image, transcript, chapters), each a subrequest per redirect hop
 * (at most 6): 20 subrequests usually, 120 at worst, and about 6 D1 queries an item, well inside
 * the paid plan's 1,000 subrequests and 1,000 queries per invocation and its 6 open connections.
 * A minute's cron thus imports 300 episodes an hour. The Free plan's 10 ms of CPU per invocation
 * is too little to probe audio: imports need the paid plan (see the README).
 */
export const WORKER_IMPORT_BUDGET: ImportBudget = { maxItems: 5, concurrency: 2 };

/**
 * Pages of 200 items a search reindex writes per invocation (a POST's waitUntil, or one cron run):
 * up to 800 items, each episode's transcript one R2 read, and about 4 D1 queries a page, inside the
 * paid plan's 1,000 subrequests per invocation. A minute's cron thus reindexes 48,000 items an hour.
 */
export const WORKER_REINDEX_BUDGET: ReindexBudget = { pages: 4 };

/** AppDeps.background on Workers: the work goes to this request's waitUntil. */
export function workerBackground(c: Context, work: Promise<unknown>): void {
  (c.executionCtx as unknown as ExecutionContext).waitUntil(work);
}

export interface CronImportDeps {
  readonly db: Database;
  readonly media: MediaStore;
  readonly config: Config;
  readonly log: Logger;
  readonly documents: DocumentPipeline;
  readonly now: () => Date;
  /** Who stores files, for the media journal (the Worker's instance name). */
  readonly instance: string;
}

/** The cron trigger's share of the unfinished imports; feeds of shows whose import finished are rendered again. */
export async function continueImportsOnCron(cron: CronImportDeps): Promise<void> {
  const { config, log } = cron;
  const deps: ImportDeps = {
    db: cron.db,
    media: cron.media,
    baseUrl: config.baseUrl,
    now: cron.now,
    fetch: createWorkerSafeFetch(config),
    sanitize: createHtmlSanitizer({ baseUrl: config.baseUrl }),
    maxFeedBytes: config.importMaxFeedBytes,
    maxUploadBytes: config.maxUploadBytes,
    instance: cron.instance,
  };
  const finished = await continueImports(deps, WORKER_IMPORT_BUDGET);
  const shows = finished.flatMap((job) => (job.status === 'done' && job.showId !== null ? [job.showId] : []));
  if (shows.length > 0) await refreshAfterWrite(cron.documents, { shows, news: false }, log);
  for (const job of finished)
    log.info('import finished', { job: job.id, status: job.status, error: job.error });
}
