import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, AUTH, openAdminApp } from '../../helpers/admin-client.ts';
import { type ImportSource, startImportSource } from '../../helpers/import-source.ts';
import { permissiveFetch } from '../../helpers/permissive-fetch.ts';
import { tempDirs } from '../../helpers/temp-dir.ts';

const tempDir = tempDirs();
let source: ImportSource;
let admin: Awaited<ReturnType<typeof openAdminApp>>;
const running: Promise<unknown>[] = [];

beforeAll(async () => {
  source = await startImportSource({ episodes: 5, documentsEvery: 2 });
  admin = await openAdminApp(
    await tempDir(),
    {},
    { importFetch: permissiveFetch, background: (_c, work) => running.push(work) },
  );
});
afterAll(async () => {
  await Promise.all(running);
  await source.close();
  admin.demo.close();
});

const post = (body: unknown, headers: Record<string, string> = AUTH) =>
  admin.demo.app.request('/api/v1/imports', {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('POST /api/v1/imports', () => {
  it('answers 202 with the job and a Location; GET shows the summary and the moving steps', async () => {
    const response = await post({ url: source.feedUrl });
    expect(response.status).toBe(202);
    const job = (await response.json()) as { id: number; url: string; status: string };
    expect(response.headers.get('location')).toBe(job.url);
    expect(job).toMatchObject({ status: 'queued', source: source.feedUrl });
    await Promise.all(running);
    const read = await admin.demo.app.request(new URL(job.url).pathname, { headers: AUTH });
    expect(read.status).toBe(200);
    const view = await read.json();
    expect(view).toMatchObject({
      status: 'done',
      summary: { new: 5, updated: 0, unchanged: 0, failed: 0 },
      progress: { total: 5, done: 5 },
      show: {
        slug: 'the-old-host-hour',
        feedUrl: 'https://news.example/podcasts/the-old-host-hour/feed.xml',
      },
    });
    expect(view.movingSteps.join('\n')).toMatch(/301 Moved Permanently.*\n.*itunes:new-feed-url/);
    const feed = await admin.demo.app.request('/podcasts/the-old-host-hour/feed.xml');
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('<guid isPermaLink="false">tag:old.example,2020:ep/0</guid>');
  });

  it('needs a token, for reads too', async () => {
    expect((await post({ url: source.feedUrl }, {})).status).toBe(401);
    expect((await admin.demo.app.request('/api/v1/imports/1')).status).toBe(401);
    expect((await admin.demo.app.request('/api/v1/imports/999', { headers: AUTH })).status).toBe(404);
  });

  it('answers 400 problem+json to careless bodies', async () => {
    for (const body of [
      '{',
      {},
      { url: 'ftp://x/feed' },
      { url: source.feedUrl, extra: 1 },
      { url: source.feedUrl, ownerEmail: 'no' },
      { url: 42 },
    ]) {
      const response = await post(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    }
  });

  it('records a refusal with its reason on the job', async () => {
    source.routes.set('/x.xml', {
      status: 200,
      body: '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><rss/>',
    });
    const job = (await (await post({ url: `${source.url}/x.xml` })).json()) as { url: string };
    await Promise.all(running);
    const view = await (await admin.demo.app.request(new URL(job.url).pathname, { headers: AUTH })).json();
    expect(view).toMatchObject({ status: 'refused', error: expect.stringMatching(/DOCTYPE/) });
  });

  it('answers 503 when the server has no safe fetch', async () => {
    const bare = await openAdminApp(await tempDir());
    const response = await bare.demo.app.request('/api/v1/imports', {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url: source.feedUrl }),
    });
    expect(response.status).toBe(503);
    bare.demo.close();
  });
});
