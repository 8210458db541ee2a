// POST /api/v1/search/reindex over a real demo database: rebuilding in bounded steps, resuming after a runner dies, and refusals.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  continueReindexJobs,
  REINDEX_LEASE_MS,
  startReindexJob,
} from '../../../src/catalog/search/reindex-jobs.ts';
import { siteSearch } from '../../../src/catalog/search/site-search.ts';
import { SILENT_LOGGER } from '../../../src/log.ts';
import { AUTH, BASE, openAdminApp } from '../../helpers/admin-client.ts';
import { DEMO_NOW } from '../../helpers/demo-app.ts';
import { createToken, createUser } from '../../helpers/studio-client.ts';
import { tempDirs } from '../../helpers/temp-dir.ts';

const tempDir = tempDirs();
let admin: Awaited<ReturnType<typeof openAdminApp>>;
/** Background work the app started (the run after a 202): the test decides when it runs. */
const later: Promise<unknown>[] = [];
const EPISODE_1 = `${BASE}/podcasts/courier-conversations/tide-mill-part-1-the-people`;

interface JobView {
  id: number;
  url: string;
  status: string;
  only: string;
  phase: string;
  written: { articles: number; episodes: number; transcripts: number };
  catalogue: { articles: number; episodes: number };
  error: string | null;
  finishedAt: string | null;
}

beforeAll(async () => {
  admin = await openAdminApp(
    await tempDir(),
    {},
    // One page a run, as a Worker's budget does on a larger catalogue.
    { background: (_c, work) => later.push(work), reindexBudget: { pages: 1 } },
  );
});
afterAll(async () => {
  await Promise.all(later);
  admin.demo.close();
});

const db = () => admin.demo.deps.db;
const search = (q: string) => siteSearch({ db: db(), baseUrl: BASE, now: DEMO_NOW }, q, 1);
const job = async (id: number) =>
  (await (await admin.call('GET', `/search/reindex/${id}`)).json()) as JobView;
const settle = async () => {
  await Promise.all(later.splice(0));
};
/** What migration 0006 leaves of a catalogue older than search: titles and standfirsts only. */
const forgetTexts = () =>
  db().batch([
    db().run(sql`DELETE FROM search_texts`),
    db().run(
      sql`INSERT INTO search_texts (kind, article_id, title, body) SELECT 'article', id, headline, standfirst FROM articles`,
    ),
    db().run(
      sql`INSERT INTO search_texts (kind, episode_id, title, body) SELECT 'episode', id, title, summary FROM episodes`,
    ),
  ]);
const transcriptHit = async () => (await search('Agnes Rowe')).results.find((r) => r.kind === 'transcript');

describe('POST /api/v1/search/reindex', () => {
  it('rebuilds the index a page per run: the request runs one, the sweep the rest, each saved as it goes', async () => {
    await forgetTexts();
    expect(await transcriptHit()).toBeUndefined();

    const posted = await admin.call('POST', '/search/reindex', {});
    expect(posted.status).toBe(202);
    const started = (await posted.json()) as JobView;
    expect(posted.headers.get('location')).toBe(started.url);
    expect(started).toMatchObject({
      status: 'running',
      only: 'all',
      phase: 'articles',
      written: { articles: 0, episodes: 0, transcripts: 0 },
      catalogue: { articles: 7, episodes: 2 },
      error: null,
    });
    await settle();
    // The request's share: one page, the demo's 7 articles.
    expect(await job(started.id)).toMatchObject({
      status: 'running',
      phase: 'articles',
      written: { articles: 7 },
    });
    expect(await transcriptHit()).toBeUndefined();

    // The cron trigger's (or Node's minute sweep's) runs carry it on, a page each.
    const phases: string[] = [];
    for (let run = 0; run < 10 && (await job(started.id)).status === 'running'; run++) {
      await continueReindexJobs(
        { db: db(), media: admin.demo.deps.media, log: SILENT_LOGGER, now: admin.demo.deps.now },
        { pages: 1 },
      );
      phases.push((await job(started.id)).phase);
    }
    expect(phases).toEqual(['episodes', 'episodes', 'index', 'done']);
    const done = await job(started.id);
    expect(done.status).toBe('done');
    expect(done.written).toEqual({ articles: 7, episodes: 2, transcripts: 2 });
    expect(done.finishedAt).not.toBeNull();
    expect((await transcriptHit())?.url).toBe(`${EPISODE_1}?t=300`);

    const list = (await (await admin.call('GET', '/search/reindex')).json()) as { items: JobView[] };
    expect(list.items[0]).toMatchObject({ id: started.id, status: 'done' });
  });

  it('refuses a second reindex while one runs (409 naming it), and leaves a job another runner holds alone', async () => {
    const first = (await (
      await admin.call('POST', '/search/reindex', { only: 'missing' })
    ).json()) as JobView;
    expect(first.only).toBe('missing');
    const second = await admin.call('POST', '/search/reindex', {});
    expect(second.status).toBe(409);
    expect(second.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await second.json()).detail).toBe(
      `search reindex ${first.id} is still running: follow it at /api/v1/search/reindex/${first.id}`,
    );
    await settle();
    await continueReindexJobs(
      { db: db(), media: admin.demo.deps.media, log: SILENT_LOGGER, now: admin.demo.deps.now },
      { pages: 5 },
    );
    // Nothing was missing: a "missing" run writes nothing and skips FTS5's rebuild.
    expect(await job(first.id)).toMatchObject({
      status: 'done',
      written: { articles: 0, episodes: 0, transcripts: 0 },
    });
  });

  it('goes on where a runner that died stopped, once its lease has run out', async () => {
    await forgetTexts();
    const media = admin.demo.deps.media;
    const now = admin.demo.deps.now;
    // A runner took the job and died holding it (a Worker invocation cut off): its lease is set.
    const posted = await startReindexJob(db(), { missingOnly: false }, now(), null);
    await db().run(
      sql`UPDATE search_reindex_jobs SET lease_until = ${now().getTime() + REINDEX_LEASE_MS} WHERE id = ${posted.id}`,
    );
    await continueReindexJobs({ db: db(), media, log: SILENT_LOGGER, now }, { pages: 10 });
    expect(await job(posted.id)).toMatchObject({
      status: 'running',
      phase: 'articles',
      written: { articles: 0 },
    });
    const afterLease = () => new Date(now().getTime() + REINDEX_LEASE_MS + 1000);
    await continueReindexJobs({ db: db(), media, log: SILENT_LOGGER, now: afterLease }, { pages: 10 });
    expect(await job(posted.id)).toMatchObject({
      status: 'done',
      written: { articles: 7, episodes: 2, transcripts: 2 },
    });
    expect((await transcriptHit())?.url).toBe(`${EPISODE_1}?t=300`);
  });

  it('says what is wrong with a request, and who may not ask', async () => {
    for (const body of ['{"only":"some"}', '{"everything":true}', '[]', 'not json']) {
      const response = await admin.call('POST', '/search/reindex', body);
      expect(response.status, body).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    expect((await admin.call('GET', '/search/reindex/999')).status).toBe(404);
    expect((await admin.call('GET', '/search/reindex/x')).status).toBe(400);
    const anonymous = await admin.demo.app.request('/api/v1/search/reindex', { method: 'POST', body: '{}' });
    expect(anonymous.status).toBe(401);
    expect((await admin.demo.app.request('/api/v1/search/reindex/1')).status).toBe(401);

    await createUser(admin, 'writer@example.com', 'contributor');
    const writer = { authorization: `Bearer ${await createToken(admin, 'writer@example.com')}` };
    const refused = await admin.demo.app.request('/api/v1/search/reindex', {
      method: 'POST',
      headers: { ...writer, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(refused.status).toBe(403);
    expect((await refused.json()).detail).toBe('contributors cannot rebuild the search index');
    expect(AUTH.authorization).not.toBe(writer.authorization);
  });
});
