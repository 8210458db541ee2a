// Import jobs: start one (or take over the unfinished one for the same feed), read one, and its view.
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { type ImportJob, importItems, importJobs, shows } from '../../db/schema.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import { siteUrls } from '../site-urls.ts';
import { movingSteps } from './moving-steps.ts';

export interface ImportRequest {
  readonly url: string;
  /** Import into this show (made if missing); absent: the show imported from this feed before, or a new one. */
  readonly showSlug?: string;
  readonly ownerEmail?: string;
  readonly iOwnThisFeed?: boolean;
}

/** The absolute http(s) URL asked for, or a 400 saying what is wrong with it. */
export function checkImportUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ValidationError(
      `"${url}" is not an absolute URL: give the feed's address, such as https://host/feed.xml`,
    );
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ValidationError(`"${url}" is not an http(s) URL: podwire imports feeds over HTTP only`);
  }
  return parsed.href;
}

/**
 * Starts an import of `request.url`. An unfinished job for the same address (a run that was
 * interrupted) is taken over instead, with the new request's options: its finished items stay
 * done and the rest are processed, so the next run finishes what the last one began.
 */
export async function startImportJob(
  db: Database,
  request: ImportRequest,
  now: Date,
  options: {
    createdBy?: number | null;
    /**
     * Clear a lease another runner holds (the CLI: the operator knows the last run is dead). Off
     * for the API, where the job may still be running in the background.
     */
    takeOver?: boolean;
  } = {},
): Promise<{ job: ImportJob; resumed: boolean }> {
  const url = checkImportUrl(request.url);
  const claim = {
    showSlug: request.showSlug ?? null,
    ownerEmail: request.ownerEmail ?? null,
    iOwnThisFeed: request.iOwnThisFeed ?? false,
  };
  const [unfinished] = await db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.url, url), inArray(importJobs.status, ['queued', 'running'])))
    .orderBy(desc(importJobs.id))
    .limit(1);
  if (unfinished) {
    const [job] = await db
      .update(importJobs)
      .set({ ...claim, ...(options.takeOver ? { leaseUntil: null } : {}), updatedAt: now })
      .where(eq(importJobs.id, unfinished.id))
      .returning();
    return { job: job as ImportJob, resumed: true };
  }
  const [job] = await db
    .insert(importJobs)
    .values({ url, ...claim, createdBy: options.createdBy ?? null, createdAt: now, updatedAt: now })
    .returning();
  return { job: job as ImportJob, resumed: false };
}

export async function getImportJob(db: Database, id: number): Promise<ImportJob> {
  const [job] = await db.select().from(importJobs).where(eq(importJobs.id, id));
  if (!job) throw new NotFoundError(`there is no import ${id}`);
  return job;
}

/** Jobs that still have work, oldest first (what a step runner picks up). */
export async function unfinishedImportJobs(db: Database, limit: number): Promise<ImportJob[]> {
  return db
    .select()
    .from(importJobs)
    .where(inArray(importJobs.status, ['queued', 'running']))
    .orderBy(asc(importJobs.id))
    .limit(limit);
}

/** The latest jobs, newest first, with their show's title (the studio's list). */
export async function recentImportJobs(db: Database, limit: number) {
  return db
    .select({ job: importJobs, showTitle: shows.title })
    .from(importJobs)
    .leftJoin(shows, eq(shows.id, importJobs.showId))
    .orderBy(desc(importJobs.id))
    .limit(limit);
}

export type RecentImportJob = Awaited<ReturnType<typeof recentImportJobs>>[number];

export interface ImportFailure {
  readonly guid: string;
  readonly title: string;
  readonly reason: string;
}

/** Items that failed, and items imported with a file missing (`reason` says which and why). */
export async function importFailures(db: Database, jobId: number): Promise<ImportFailure[]> {
  const rows = await db
    .select({ guid: importItems.guid, title: importItems.title, reason: importItems.error })
    .from(importItems)
    .where(and(eq(importItems.jobId, jobId), isNotNull(importItems.error)))
    .orderBy(asc(importItems.position));
  return rows.map((r) => ({ guid: r.guid, title: r.title, reason: r.reason ?? '' }));
}

/** What the API and the studio show of a job: status, progress, summary, failures, and the moving steps once done. */
export async function importJobView(db: Database, baseUrl: string, job: ImportJob) {
  const [show] =
    job.showId === null
      ? []
      : await db
          .select({ id: shows.id, slug: shows.slug, title: shows.title })
          .from(shows)
          .where(eq(shows.id, job.showId));
  const feedUrl = show ? siteUrls(baseUrl).podcastFeed(show.slug) : null;
  const done = job.created + job.updated + job.unchanged + job.failed;
  return {
    id: job.id,
    url: `${baseUrl}/api/v1/imports/${job.id}`,
    source: job.url,
    feedUrl: job.feedUrl,
    status: job.status,
    show: show ? { ...show, feedUrl: feedUrl as string } : null,
    showStatus: job.showStatus,
    progress: { total: job.total, done },
    summary: { new: job.created, updated: job.updated, unchanged: job.unchanged, failed: job.failed },
    failures: await importFailures(db, job.id),
    warnings: job.warnings,
    error: job.error,
    movingSteps: job.status === 'done' && feedUrl ? movingSteps(job.url, feedUrl) : [],
    createdAt: job.createdAt.toISOString(),
    updatedAt: job.updatedAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

export type ImportJobView = Awaited<ReturnType<typeof importJobView>>;

/** Counts one more item as `outcome` (the statement goes in the item's batch). */
export function countItem(
  db: Database,
  jobId: number,
  outcome: 'created' | 'updated' | 'unchanged' | 'failed',
  now: Date,
) {
  return db
    .update(importJobs)
    .set({ [outcome]: sql`${importJobs[outcome]} + 1`, updatedAt: now })
    .where(eq(importJobs.id, jobId));
}
