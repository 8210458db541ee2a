// Search reindex from a request (the API and the studio): the job's deps from the app's, and its run after the answer.
import type { Context } from 'hono';
import { type ReindexJobDeps, runReindexJob } from '../catalog/search/reindex-jobs.ts';
import type { AppEnv } from '../deps.ts';

/** What the reindex use case needs, from the app's deps. */
export function reindexDeps(c: Context<AppEnv>): ReindexJobDeps {
  const { db, media, now } = c.var.deps;
  return { db, media, now };
}

/** Runs the job after the answer: all of it (Node), or AppDeps.reindexBudget's share, the cron trigger the rest. */
export function runReindexLater(c: Context<AppEnv>, id: number): void {
  const { log, background, reindexBudget } = c.var.deps;
  if (!background) return;
  const requestId = c.var.requestId;
  const work = runReindexJob(reindexDeps(c), id, reindexBudget ?? { pages: Number.POSITIVE_INFINITY }).then(
    (job) =>
      log.info(job.status === 'running' ? 'search reindex step finished' : `search reindex ${job.status}`, {
        requestId,
        job: job.id,
        ...(job.error ? { error: job.error } : {}),
      }),
    (error: unknown) => log.error('search reindex failed', { requestId, job: id, error }),
  );
  background(c, work);
}
