// Search reindex from a request (the API and the studio): the job's deps from the app's, and its run after the answer.
import type { Context } from 'hono';
import type { EditorContext } from '../catalog/editor/context.ts';
import { requireEditor } from '../catalog/editor/permissions.ts';
import { type ReindexJobDeps, runReindexJob, startReindexJob } from '../catalog/search/reindex-jobs.ts';
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

/** Starts a reindex for an editor or admin (`only`: everything, or what has no text yet) and runs it after the answer. */
export async function startReindexLater(
  c: Context<AppEnv>,
  ctx: EditorContext,
  only: 'all' | 'missing',
): ReturnType<typeof startReindexJob> {
  requireEditor(ctx, 'rebuild the search index');
  const job = await startReindexJob(
    ctx.db,
    { missingOnly: only === 'missing' },
    ctx.now,
    ctx.actor?.userId ?? null,
  );
  runReindexLater(c, job.id);
  return job;
}
