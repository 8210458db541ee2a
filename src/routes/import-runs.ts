// Imports from a request (the API and the studio): the use case's deps from the app's, and the run after the answer.
import type { Context } from 'hono';
import { runImportWithin } from '../catalog/import/import-budget.ts';
import { DEFAULT_MAX_FEED_BYTES, type ImportDeps } from '../catalog/import/import-ports.ts';
import { runImportJob } from '../catalog/import/run-import.ts';
import type { AppEnv } from '../deps.ts';
import { PodwireError } from '../errors.ts';
import { changed } from './api/openapi-helpers.ts';

/** Imports cannot run without the SSRF-safe fetch: a 503 that says so. */
export class ImportsUnavailableError extends PodwireError {
  override readonly name = 'ImportsUnavailableError';
  override readonly status = 503;
  override readonly title = 'Imports unavailable';
}

/** What the import use case needs, from the app's deps; a 503 when this server has no safe fetch. */
export function importDeps(c: Context<AppEnv>): ImportDeps {
  const { db, media, config, now, importFetch, importMaxFeedBytes, instance } = c.var.deps;
  if (!importFetch)
    throw new ImportsUnavailableError(
      'imports are not available on this server: it has no SSRF-safe fetch configured',
    );
  return {
    db,
    media,
    baseUrl: config.baseUrl,
    now,
    fetch: importFetch,
    sanitize: c.var.runtime.sanitize,
    maxFeedBytes: importMaxFeedBytes ?? DEFAULT_MAX_FEED_BYTES,
    maxUploadBytes: config.maxUploadBytes,
    instance: instance ?? 'app',
    actor: c.var.principal,
  };
}

/**
 * Runs the job after the answer: to its end, or (AppDeps.importBudget, on Workers) a few items,
 * the cron trigger doing the rest. Feeds are rendered again once it is done.
 */
export function runImportLater(c: Context<AppEnv>, deps: ImportDeps, jobId: number): void {
  const { log, background, importBudget } = c.var.deps;
  if (!background) return;
  const requestId = c.var.requestId;
  const run = importBudget
    ? runImportWithin(deps, jobId, importBudget).then((r) => r.job)
    : runImportJob(deps, jobId);
  const work = run.then(
    async (job) => {
      if (job.showId !== null && job.status === 'done')
        await changed(c, { shows: [job.showId], news: false });
      log.info(job.status === 'running' ? 'import step finished' : 'import finished', {
        requestId,
        job: job.id,
        status: job.status,
      });
    },
    (error: unknown) => log.error('import failed', { requestId, job: jobId, error }),
  );
  background(c, work);
}
