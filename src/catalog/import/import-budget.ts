// Bounded import runs: a few items of one job, or of every unfinished job, per invocation (Workers' cron and waitUntil).
import type { ImportJob } from '../../db/schema.ts';
import { getImportJob, unfinishedImportJobs } from './import-jobs.ts';
import type { ImportDeps } from './import-ports.ts';
import { runImportStep } from './run-import.ts';

export interface ImportBudget {
  /** Items processed in this run at most, across jobs (reading a feed is not counted). */
  readonly maxItems: number;
  /** Items fetched at once (each holds a connection: Workers allow 6 open at once). */
  readonly concurrency: number;
}

/** Jobs looked at per run: more than any operator runs at once. */
const JOBS_PER_RUN = 20;

const isUnfinished = (job: ImportJob) => job.status === 'queued' || job.status === 'running';
const itemsDone = (job: ImportJob) => job.created + job.updated + job.unchanged + job.failed;

/**
 * Runs job `jobId` in steps until it is finished, another runner holds it, or `budget.maxItems`
 * items were processed. Returns the job as it stands and the items this run processed.
 */
export async function runImportWithin(
  deps: ImportDeps,
  jobId: number,
  budget: ImportBudget,
): Promise<{ job: ImportJob; items: number }> {
  let job = await getImportJob(deps.db, jobId);
  let items = 0;
  while (isUnfinished(job) && items < budget.maxItems) {
    // Reading the feed starts the counts again from 0.
    const before = job.status === 'running' ? itemsDone(job) : 0;
    const next = await runImportStep(deps, jobId, {
      maxItems: budget.maxItems - items,
      concurrency: budget.concurrency,
    });
    // A step releases its lease: one still in the future means another runner holds the job.
    if (next.leaseUntil !== null && next.leaseUntil.getTime() > deps.now().getTime())
      return { job: next, items };
    items += Math.max(0, itemsDone(next) - before);
    job = next;
  }
  return { job, items };
}

/**
 * One cron invocation's share of every unfinished import, oldest first, `budget.maxItems` items in
 * all. Returns the jobs that finished in this run (their shows' feeds need rendering again); a job
 * that failed unexpectedly is among them, its `error` saying why.
 */
export async function continueImports(deps: ImportDeps, budget: ImportBudget): Promise<ImportJob[]> {
  const finished: ImportJob[] = [];
  let left = budget.maxItems;
  for (const job of await unfinishedImportJobs(deps.db, JOBS_PER_RUN)) {
    if (left <= 0) break;
    try {
      const run = await runImportWithin(deps, job.id, { ...budget, maxItems: left });
      left -= run.items;
      if (!isUnfinished(run.job)) finished.push(run.job);
    } catch {
      // runImportStep recorded the failure on the job ("podwire failed: ..."); the others go on.
      finished.push(await getImportJob(deps.db, job.id));
    }
  }
  return finished;
}
