// Rebuilding a Worker's search index from its D1 rows and R2 transcripts, as an operator does once after upgrading a
// Worker whose texts predate migration 0006: `podwire reindex --worker` on the local state, and POST
// /api/v1/search/reindex on a running Worker (the way for a deployed one), carried on by the cron trigger.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteSearch } from '../../src/catalog/search/site-search.ts';
import { createD1Db } from '../../src/worker/d1-db.ts';
import { ADMIN_TOKEN, AUTH } from '../helpers/admin-client.ts';
import { DEMO_NOW } from '../helpers/demo-app.ts';
import { openLocalBindings } from '../helpers/platform-proxy.ts';
import { collect, REPO_ROOT } from '../helpers/spawn-podwire.ts';
import { tempDirs } from '../helpers/temp-dir.ts';
import { prepareWorkerState, startWorker, type WorkerHarness } from '../helpers/worker-harness.ts';

const BASE = 'https://news.example';

const newDir = tempDirs();

/** What migration 0006 leaves in a database that had content before it: headlines, standfirsts, titles and summaries only. */
const forgetTexts = (db: ReturnType<typeof createD1Db>) =>
  db.batch([
    db.run(sql`DELETE FROM search_texts`),
    db.run(
      sql`INSERT INTO search_texts (kind, article_id, title, body) SELECT 'article', id, headline, standfirst FROM articles`,
    ),
    db.run(
      sql`INSERT INTO search_texts (kind, episode_id, title, body) SELECT 'episode', id, title, summary FROM episodes`,
    ),
  ]);

describe('podwire reindex --worker (local D1 and R2 in workerd)', () => {
  let state: string;

  /** Runs `fn` against the local Worker's D1, through wrangler's platform proxy. */
  async function withD1<T>(fn: (db: ReturnType<typeof createD1Db>) => Promise<T>): Promise<T> {
    const proxy = await openLocalBindings(join(state, 'v3'));
    try {
      return await fn(createD1Db(proxy.env.DB));
    } finally {
      await proxy.dispose();
    }
  }
  const search = (db: ReturnType<typeof createD1Db>, q: string) =>
    siteSearch({ db, baseUrl: BASE, now: DEMO_NOW }, q, 1);

  const reindex = (args: string[]) =>
    collect(
      spawn(process.execPath, ['src/cli/podwire.js', 'reindex', ...args], {
        cwd: REPO_ROOT,
        env: { PATH: process.env.PATH, HOME: process.env.HOME },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
      120_000,
    );

  beforeAll(async () => {
    state = await newDir();
    await prepareWorkerState(state, { seed: true });
    await withD1(forgetTexts);
  }, 180_000);

  it('finds transcript words in D1 only after the reindex, linked to the second they are spoken', async () => {
    const before = await withD1((db) => search(db, 'Agnes Rowe'));
    expect(before.results.filter((r) => r.kind === 'transcript')).toEqual([]);

    const run = await reindex(['--worker', '--persist-to', state]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^reindexed the local Worker's D1 in .+ for search: 7 articles, 2 episodes, [1-9]\d* transcripts\n$/,
    );

    const after = await withD1((db) => search(db, 'Agnes Rowe'));
    const hit = after.results.find((r) => r.kind === 'transcript');
    expect(hit?.url).toBe(`${BASE}/podcasts/courier-conversations/tide-mill-part-1-the-people?t=300`);
    const texts = await withD1((db) =>
      db.all<{ kind: string; n: number }>(
        sql`SELECT kind, count(*) AS n FROM search_texts GROUP BY kind ORDER BY kind`,
      ),
    );
    expect(texts.map((t) => t.kind)).toEqual(['article', 'episode', 'transcript']);
  });

  it('refuses --persist-to without --worker, and unknown options, with the usage', async () => {
    const alone = await reindex(['--persist-to', state]);
    expect(alone.code).toBe(1);
    expect(alone.stderr).toMatch(/--persist-to goes with --worker/);
    const unknown = await reindex(['--remote']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/Unknown option '--remote'[\s\S]*Usage: podwire reindex/);
  });
});

describe('POST /api/v1/search/reindex on a running Worker (D1 and R2 in workerd, the cron trigger)', () => {
  let worker: WorkerHarness;

  beforeAll(async () => {
    const state = await newDir();
    await prepareWorkerState(state, { seed: true });
    const proxy = await openLocalBindings(join(state, 'v3'));
    try {
      await forgetTexts(createD1Db(proxy.env.DB));
    } finally {
      await proxy.dispose();
    }
    worker = await startWorker({ BASE_URL: BASE, ADMIN_TOKEN }, { persist: state, testScheduled: true });
  }, 180_000);
  afterAll(async () => {
    await worker?.dispose();
  });

  const transcriptHits = async () => {
    const response = await worker.fetch('/search?q=Agnes+Rowe&format=json');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { results: { kind: string; url: string }[] };
    return body.results.filter((r) => r.kind === 'transcript').map((r) => r.url);
  };

  it('rebuilds the index through the request and the cron trigger; transcript words are found after', async () => {
    expect(await transcriptHits()).toEqual([]);
    const posted = await worker.fetch('/api/v1/search/reindex', {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(posted.status).toBe(202);
    const { url } = (await posted.json()) as { url: string };
    const path = new URL(url).pathname;
    let job: { status: string; written: Record<string, number>; error: string | null } | undefined;
    for (let crons = 0; crons < 10; crons++) {
      job = await (await worker.fetch(path, { headers: AUTH })).json();
      if (job?.status !== 'running') break;
      expect((await worker.fetch('/__scheduled?cron=*+*+*+*+*')).status).toBe(200);
    }
    expect(job).toMatchObject({
      status: 'done',
      error: null,
      written: { articles: 7, episodes: 2, transcripts: 2 },
    });
    expect(await transcriptHits()).toContain(
      `${BASE}/podcasts/courier-conversations/tide-mill-part-1-the-people?t=300`,
    );
    const again = await worker.fetch('/api/v1/search/reindex', {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: '{"only":"nothing"}',
    });
    expect(again.status).toBe(400);
  });
});
