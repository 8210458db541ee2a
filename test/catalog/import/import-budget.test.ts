import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { continueImports, runImportWithin } from '../../../src/catalog/import/import-budget.ts';
import { getImportJob, startImportJob } from '../../../src/catalog/import/import-jobs.ts';
import { importJobs } from '../../../src/db/schema.ts';
import { openImportDeps } from '../../helpers/import-deps.ts';
import { type ImportSource, startImportSource } from '../../helpers/import-source.ts';
import { tempDirs } from '../../helpers/temp-dir.ts';

const tempDir = tempDirs();
let source: ImportSource;
let opened: Awaited<ReturnType<typeof openImportDeps>>;

beforeAll(async () => {
  source = await startImportSource({ episodes: 12 });
  opened = await openImportDeps(await tempDir());
});
afterAll(async () => {
  await source.close();
  opened.close();
});

const done = (job: { created: number; updated: number; unchanged: number; failed: number }) =>
  job.created + job.updated + job.unchanged + job.failed;

describe('bounded import runs (Workers: waitUntil and the cron trigger)', () => {
  it('reads the feed and imports at most the budget, then the cron runs finish the job', async () => {
    const { deps } = opened;
    const { job } = await startImportJob(deps.db, { url: source.feedUrl }, deps.now());
    const first = await runImportWithin(deps, job.id, { maxItems: 5, concurrency: 2 });
    expect(first.items).toBe(5);
    expect(first.job).toMatchObject({ status: 'running', total: 12, created: 5 });

    const runs: number[] = [];
    for (let run = 0; run < 10; run++) {
      const finished = await continueImports(deps, { maxItems: 5, concurrency: 2 });
      const now = await getImportJob(deps.db, job.id);
      runs.push(done(now));
      if (finished.length > 0) {
        expect(finished.map((j) => [j.id, j.status])).toEqual([[job.id, 'done']]);
        break;
      }
    }
    // 5 more, the last 2 and then "none left": never more than the budget in one run.
    expect(runs).toEqual([10, 12]);
    expect(await getImportJob(deps.db, job.id)).toMatchObject({ status: 'done', created: 12 });
  });

  it('leaves alone a job another runner holds (its lease in the future)', async () => {
    const { deps } = opened;
    const { job } = await startImportJob(deps.db, { url: `${source.url}/feed.xml?again` }, deps.now());
    await deps.db
      .update(importJobs)
      .set({ leaseUntil: new Date(deps.now().getTime() + 60_000) })
      .where(eq(importJobs.id, job.id));
    expect(await continueImports(deps, { maxItems: 5, concurrency: 2 })).toEqual([]);
    expect(await getImportJob(deps.db, job.id)).toMatchObject({ status: 'queued', total: 0 });
  });
});
