// Search reindex jobs (POST /api/v1/search/reindex): start one, run it in bounded steps under a lease, and its view.
import { and, asc, count, desc, eq, isNull, lt, or } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { articles, episodes, type SearchReindexJob, searchReindexJobs } from '../../db/schema.ts';
import { ConflictError, NotFoundError } from '../../errors.ts';
import type { Logger } from '../../log.ts';
import type { MediaStore } from '../../media-store/media-store.ts';
import { reindexSteps } from './reindex.ts';

export interface ReindexJobDeps {
  readonly db: Database;
  readonly media: MediaStore;
  readonly now: () => Date;
}

/** How much one invocation does: pages of 200 items (the last step, FTS5's rebuild, counts as one). */
export interface ReindexBudget {
  readonly pages: number;
}

/**
 * How long a runner holds a job between saves of its cursor: longer than one page takes (200
 * items, their transcripts read from the media store), so that a runner that died (a Worker
 * invocation cut off) lets the next cron run take the job over a few minutes later.
 */
export const REINDEX_LEASE_MS = 5 * 60_000;

/** Starts a reindex, or says (409) that one is running: they would only repeat each other's work. */
export async function startReindexJob(
  db: Database,
  request: { readonly missingOnly: boolean },
  now: Date,
  createdBy: number | null,
): Promise<SearchReindexJob> {
  const refuse = async () => {
    const [running] = await db
      .select({ id: searchReindexJobs.id })
      .from(searchReindexJobs)
      .where(eq(searchReindexJobs.status, 'running'))
      .limit(1);
    return running
      ? new ConflictError(
          `search reindex ${running.id} is still running: follow it at /api/v1/search/reindex/${running.id}`,
        )
      : undefined;
  };
  const already = await refuse();
  if (already) throw already;
  try {
    const [job] = await db
      .insert(searchReindexJobs)
      .values({ missingOnly: request.missingOnly, createdBy, createdAt: now, updatedAt: now })
      .returning();
    return job as SearchReindexJob;
  } catch (error) {
    // Another request started one in between: the unique index on running jobs refused this one.
    throw (await refuse()) ?? error;
  }
}

export async function getReindexJob(db: Database, id: number): Promise<SearchReindexJob> {
  const [job] = await db.select().from(searchReindexJobs).where(eq(searchReindexJobs.id, id));
  if (!job) throw new NotFoundError(`there is no search reindex ${id}`);
  return job;
}

/** The latest jobs, newest first. */
export function recentReindexJobs(db: Database, limit: number): Promise<SearchReindexJob[]> {
  return db.select().from(searchReindexJobs).orderBy(desc(searchReindexJobs.id)).limit(limit);
}

/**
 * Runs job `id` for at most `budget.pages` steps, saving its cursor and counts after each, and
 * returns it as it stands. A job another runner holds (its lease is in the future) is left alone;
 * a failure is recorded on the job (status "failed", the reason in `error`) and not thrown.
 */
export async function runReindexJob(
  deps: ReindexJobDeps,
  id: number,
  budget: ReindexBudget,
): Promise<SearchReindexJob> {
  const { db, now } = deps;
  const claimed = await claim(db, id, now());
  if (!claimed) return getReindexJob(db, id);
  let job = claimed;
  try {
    for (let pages = 0; pages < budget.pages && job.status === 'running'; pages++) {
      const step = await reindexSteps(
        db,
        deps.media,
        { phase: job.phase, afterId: job.afterId },
        { missingOnly: job.missingOnly, pages: 1 },
      );
      const at = now();
      const done = step.cursor.phase === 'done';
      job = await save(db, id, {
        phase: step.cursor.phase,
        afterId: step.cursor.afterId,
        articles: job.articles + step.articles,
        episodes: job.episodes + step.episodes,
        transcripts: job.transcripts + step.transcripts,
        updatedAt: at,
        leaseUntil: new Date(at.getTime() + REINDEX_LEASE_MS),
        ...(done ? { status: 'done' as const, finishedAt: at } : {}),
      });
    }
  } catch (error) {
    const at = now();
    return save(db, id, {
      status: 'failed',
      error: error instanceof Error ? error.message : String(error),
      updatedAt: at,
      finishedAt: at,
      leaseUntil: null,
    });
  }
  return save(db, id, { leaseUntil: null });
}

/**
 * One invocation's share of the running jobs (the cron trigger, Node's minute timer): `budget.pages`
 * each, oldest first; a job that finished or failed in it is logged.
 */
export async function continueReindexJobs(
  deps: ReindexJobDeps & { readonly log: Logger },
  budget: ReindexBudget,
): Promise<SearchReindexJob[]> {
  const running = await deps.db
    .select({ id: searchReindexJobs.id })
    .from(searchReindexJobs)
    .where(eq(searchReindexJobs.status, 'running'))
    .orderBy(asc(searchReindexJobs.id));
  const touched: SearchReindexJob[] = [];
  for (const { id } of running) {
    const job = await runReindexJob(deps, id, budget);
    if (job.status !== 'running')
      deps.log.info(`search reindex ${job.status}`, { job: job.id, error: job.error });
    touched.push(job);
  }
  return touched;
}

async function claim(db: Database, id: number, at: Date): Promise<SearchReindexJob | undefined> {
  const [job] = await db
    .update(searchReindexJobs)
    .set({ leaseUntil: new Date(at.getTime() + REINDEX_LEASE_MS) })
    .where(
      and(
        eq(searchReindexJobs.id, id),
        eq(searchReindexJobs.status, 'running'),
        or(isNull(searchReindexJobs.leaseUntil), lt(searchReindexJobs.leaseUntil, at)),
      ),
    )
    .returning();
  return job;
}

async function save(
  db: Database,
  id: number,
  values: Partial<typeof searchReindexJobs.$inferInsert>,
): Promise<SearchReindexJob> {
  const [job] = await db
    .update(searchReindexJobs)
    .set(values)
    .where(eq(searchReindexJobs.id, id))
    .returning();
  if (!job) throw new NotFoundError(`there is no search reindex ${id}`);
  return job;
}

/** What the API shows of a job: its state, what it wrote, and how many items there are to write. */
export async function reindexJobView(db: Database, baseUrl: string, job: SearchReindexJob) {
  const catalogue = await catalogueCounts(db);
  return {
    id: job.id,
    url: `${baseUrl}/api/v1/search/reindex/${job.id}`,
    status: job.status,
    only: job.missingOnly ? ('missing' as const) : ('all' as const),
    phase: job.phase,
    written: { articles: job.articles, episodes: job.episodes, transcripts: job.transcripts },
    catalogue,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    updatedAt: job.updatedAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

/** How many articles and episodes there are: what a full reindex writes. */
export async function catalogueCounts(db: Database): Promise<{ articles: number; episodes: number }> {
  const [[articleCount], [episodeCount]] = await Promise.all([
    db.select({ n: count() }).from(articles),
    db.select({ n: count() }).from(episodes),
  ]);
  return { articles: articleCount?.n ?? 0, episodes: episodeCount?.n ?? 0 };
}
