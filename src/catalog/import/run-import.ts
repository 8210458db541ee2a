// Runs an import job in steps (read the feed, then a few items at a time), the same on Node and Workers.
import { and, asc, eq, isNull, lt, or } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { episodes, type ImportJob, importItems, importJobs, shows } from '../../db/schema.ts';
import { PodwireError } from '../../errors.ts';
import { UnsafeXmlError } from '../../feeds-in/feed-errors.ts';
import type { ShowInImport } from './episode-slots.ts';
import { reasonOf } from './fetch-file.ts';
import { importItem } from './import-episode.ts';
import { getImportJob } from './import-jobs.ts';
import type { ImportDeps } from './import-ports.ts';
import { importShow } from './import-show.ts';
import { checkOwnership } from './ownership.ts';
import { readSourceFeed } from './read-source-feed.ts';

/** How long a runner holds a job it works on; another runner takes it over only after. */
export const IMPORT_LEASE_MS = 10 * 60 * 1000;
/**
 * Item rows written per statement when the feed is read: D1 binds at most 100 variables per
 * statement, and a row of import_items takes up to 8 (one per column).
 */
const ITEM_ROWS_PER_BATCH = 12;
/** Errors from the safe fetch that are refusals (an address, scheme, port or size rule), not failures. */
const REFUSALS = new Set(['FetchRefused', 'FetchTooLarge', 'UnsafeXmlError', 'ImportRefusedError']);

export interface StepOptions {
  /** Items processed in this step at most. */
  readonly maxItems: number;
  /** Items fetched at once. */
  readonly concurrency?: number;
}

/** Takes the job for this runner, unless another runner holds it; returns whether it did. */
async function takeLease(deps: ImportDeps, jobId: number): Promise<boolean> {
  const now = deps.now();
  const rows = await deps.db
    .update(importJobs)
    .set({ leaseUntil: new Date(now.getTime() + IMPORT_LEASE_MS) })
    .where(and(eq(importJobs.id, jobId), or(isNull(importJobs.leaseUntil), lt(importJobs.leaseUntil, now))))
    .returning({ id: importJobs.id });
  return rows.length > 0;
}

const releaseLease = (deps: ImportDeps, jobId: number) =>
  deps.db.update(importJobs).set({ leaseUntil: null }).where(eq(importJobs.id, jobId));

/** Reads the feed, checks ownership, brings the show up to date and lists the items still to do. */
async function readFeedStep(deps: ImportDeps, job: ImportJob): Promise<void> {
  const now = deps.now();
  try {
    const read = await readSourceFeed(deps, job.url);
    checkOwnership(read.feed.show, job);
    const outcome = await importShow(deps, { sourceUrl: job.url, showSlug: job.showSlug }, read);
    const rows = read.feed.episodes.map((source, position) => ({
      jobId: job.id,
      position,
      guid: source.guid,
      title: source.title.slice(0, 500),
      source,
    }));
    const statements: BatchItem<'sqlite'>[] = [
      deps.db.delete(importItems).where(eq(importItems.jobId, job.id)),
    ];
    for (let at = 0; at < rows.length; at += ITEM_ROWS_PER_BATCH) {
      statements.push(deps.db.insert(importItems).values(rows.slice(at, at + ITEM_ROWS_PER_BATCH)));
    }
    statements.push(
      deps.db
        .update(importJobs)
        .set({
          status: 'running',
          feedUrl: read.feedUrl,
          showId: outcome.show.id,
          showStatus: outcome.status,
          total: rows.length,
          created: 0,
          updated: 0,
          unchanged: 0,
          failed: 0,
          warnings: [...read.feed.warnings, ...outcome.warnings],
          updatedAt: now,
        })
        .where(eq(importJobs.id, job.id)),
    );
    await deps.db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
  } catch (error) {
    if (!(error instanceof PodwireError)) throw error;
    const refused = REFUSALS.has(error.name) || error instanceof UnsafeXmlError;
    await deps.db
      .update(importJobs)
      .set({ status: refused ? 'refused' : 'failed', error: error.message, updatedAt: now, finishedAt: now })
      .where(eq(importJobs.id, job.id));
  }
}

/** Processes up to `maxItems` pending items, `concurrency` at a time. */
async function itemsStep(deps: ImportDeps, job: ImportJob, options: StepOptions): Promise<number> {
  const pending = await deps.db
    .select()
    .from(importItems)
    .where(and(eq(importItems.jobId, job.id), eq(importItems.status, 'pending')))
    .orderBy(asc(importItems.position))
    .limit(options.maxItems);
  if (pending.length === 0) return 0;
  const [show] = await deps.db
    .select({ slug: shows.slug })
    .from(shows)
    .where(eq(shows.id, job.showId as number));
  const slugs = await deps.db
    .select({ slug: episodes.slug })
    .from(episodes)
    .where(eq(episodes.showId, job.showId as number));
  const context: ShowInImport = {
    jobId: job.id,
    showId: job.showId as number,
    showSlug: show?.slug as string,
    feedUrl: job.feedUrl as string,
    slugs: new Set(slugs.map((r) => r.slug)),
  };
  let next = 0;
  const worker = async () => {
    while (next < pending.length) {
      const item = pending[next++];
      if (item) await importItem(deps, context, item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker));
  return pending.length;
}

/**
 * One step of job `jobId`: a queued job has its feed read; a running one has up to
 * `options.maxItems` items processed; one with none left is done. A job another runner holds is
 * left alone. Returns the job as it stands after the step.
 */
export async function runImportStep(
  deps: ImportDeps,
  jobId: number,
  options: StepOptions,
): Promise<ImportJob> {
  const job = await getImportJob(deps.db, jobId);
  if (job.status !== 'queued' && job.status !== 'running') return job;
  if (!(await takeLease(deps, jobId))) return job;
  try {
    if (job.status === 'queued') await readFeedStep(deps, job);
    else if ((await itemsStep(deps, job, options)) === 0) {
      const now = deps.now();
      await deps.db
        .update(importJobs)
        .set({ status: 'done', updatedAt: now, finishedAt: now })
        .where(eq(importJobs.id, jobId));
    }
  } catch (error) {
    const now = deps.now();
    await deps.db
      .update(importJobs)
      .set({ status: 'failed', error: `podwire failed: ${reasonOf(error)}`, updatedAt: now, finishedAt: now })
      .where(eq(importJobs.id, jobId));
    throw error;
  } finally {
    await releaseLease(deps, jobId);
  }
  return getImportJob(deps.db, jobId);
}

/** Runs the job to its end in steps of `stepItems`, telling `onProgress` after each. */
export async function runImportJob(
  deps: ImportDeps,
  jobId: number,
  options: { stepItems?: number; concurrency?: number; onProgress?: (job: ImportJob) => void } = {},
): Promise<ImportJob> {
  for (;;) {
    const job = await runImportStep(deps, jobId, {
      maxItems: options.stepItems ?? 16,
      concurrency: options.concurrency ?? 4,
    });
    options.onProgress?.(job);
    if (job.status !== 'queued' && job.status !== 'running') return job;
    if (job.leaseUntil !== null && job.leaseUntil.getTime() > deps.now().getTime()) return job;
  }
}
