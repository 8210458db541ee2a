import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STUDIO_ASSETS } from '../../src/studio/assets/studio-assets.ts';
import { REPO_ROOT } from '../helpers/spawn-podwire.ts';
import { csrfTokenOf, sessionCookieOf } from '../helpers/studio-client.ts';
import { tempDirs } from '../helpers/temp-dir.ts';
import { runUserAdd } from '../helpers/user-add.ts';
import { startWorker, type WorkerHarness } from '../helpers/worker-harness.ts';

const PASSWORD = 'a worker-side password';

// The content screens in the Worker: forms read with the platform's FormData, pages rendered by
// hono/jsx, the bundled script served from the module it was built into.
describe('the studio content screens in the Worker (wrangler dev: workerd, D1)', () => {
  const newDir = tempDirs();
  let worker: WorkerHarness;
  let cookie: string;
  let csrf: string;

  beforeAll(async () => {
    const state = await newDir();
    const args = ['editor@example.com', '--role', 'editor', '--worker', '--persist-to', state];
    const added = await runUserAdd(args, PASSWORD, {}, 90_000);
    if (added.code !== 0) throw new Error(`podwire user add --worker failed: ${added.stderr}`);
    worker = await startWorker(
      { BASE_URL: 'https://news.example', TIME_ZONE: 'Europe/London' },
      { persist: state },
    );
    const signedIn = await worker.fetch('/studio/sign-in', {
      method: 'POST',
      headers: { origin: worker.url },
      body: new URLSearchParams({ email: 'editor@example.com', password: PASSWORD }),
      redirect: 'manual',
    });
    cookie = sessionCookieOf(signedIn) as string;
    csrf = csrfTokenOf(await (await worker.fetch('/studio', { headers: { cookie } })).text()) as string;
  }, 180_000);
  afterAll(() => worker?.dispose());

  const post = (path: string, fields: Record<string, string>) =>
    worker.fetch(path, {
      method: 'POST',
      headers: { cookie, origin: worker.url },
      body: new URLSearchParams({ _csrf: csrf, ...fields }),
      redirect: 'manual',
    });

  it('creates a section and a draft article through the forms, and schedules it in TIME_ZONE', async () => {
    const section = await post('/studio/sections', { name: 'Edge news' });
    expect(section.status).toBe(303);
    const sectionId = /\/studio\/sections\/(\d+)/.exec(section.headers.get('location') ?? '')?.[1] as string;
    const article = await post('/studio/articles', {
      headline: 'Written at the edge',
      sectionId,
      bodyHtml: '<p>Hi</p>',
    });
    expect(article.status).toBe(303);
    const path = new URL(article.headers.get('location') ?? '', worker.url).pathname;
    const screen = await (await worker.fetch(path, { headers: { cookie } })).text();
    expect(screen).toContain('value="written-at-the-edge"');
    const etag = (/name="etag" value="([^"]+)"/.exec(screen)?.[1] ?? '').replaceAll('&quot;', '"');
    const scheduled = await post(`${path}/publish`, { when: 'schedule', at: '2030-07-01T06:00', etag });
    expect(scheduled.status).toBe(303);
    const after = await (await worker.fetch(path, { headers: { cookie } })).text();
    expect(after).toContain('datetime="2030-07-01T05:00:00.000Z"');
  });

  it('refuses a bad field with 400 and the schema’s message beside it', async () => {
    const response = await post('/studio/sections', { name: 'Bad', slug: 'Not A Slug' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Must be lower-case letters, digits and hyphens');
  });

  it('previews a draft episode through the public episode page, after a show and its first episode', async () => {
    const show = await post('/studio/shows', {
      title: 'Edge Hour',
      description: 'Talk from the edge.',
      language: 'en-GB',
      author: 'Edge Desk',
      ownerEmail: 'edge@example.com',
      categories: 'News',
      type: 'episodic',
    });
    expect(show.status).toBe(303);
    expect(show.headers.get('location')).toMatch(/\?done=show-created$/);
    const showPath = new URL(show.headers.get('location') ?? '', worker.url).pathname;
    const showScreen = await (await worker.fetch(showPath, { headers: { cookie } })).text();
    const showId = showPath.split('/').pop() as string;
    expect(showScreen).toContain(`href="/studio/episodes/new?showId=${showId}"`);
    const episode = await post('/studio/episodes', {
      showId,
      title: 'From the edge',
      explicit: 'no',
      type: 'full',
    });
    expect(episode.headers.get('location')).toMatch(/\?done=episode-created#audio-panel$/);
    const path = new URL(episode.headers.get('location') ?? '', worker.url).pathname;
    const screen = await (await worker.fetch(path, { headers: { cookie } })).text();
    const etag = (
      /action="[^"]*\/audio"[^>]*>[\s\S]*?name="etag" value="([^"]+)"/.exec(screen)?.[1] ?? ''
    ).replaceAll('&quot;', '"');
    const form = new FormData();
    form.append('_csrf', csrf);
    form.append('etag', etag);
    const bytes = await readFile(join(REPO_ROOT, 'test/fixtures/audio/mp3-chapters.mp3'));
    form.append('file', new File([bytes], 'ch.mp3', { type: 'audio/mpeg' }));
    const uploaded = await worker.fetch(`${path}/audio`, {
      method: 'POST',
      headers: { cookie, origin: worker.url },
      body: form,
      redirect: 'manual',
    });
    expect(uploaded.status).toBe(303);
    const preview = await worker.fetch(`${path}/preview`, { headers: { cookie } });
    expect(preview.status).toBe(200);
    expect(preview.headers.get('cache-control')).toBe('no-store');
    expect(preview.headers.get('x-robots-tag')).toMatch(/noindex/);
    const html = await preview.text();
    expect(html).toContain('<h1>From the edge</h1>');
    expect(html).toMatch(/class="preview-banner"[^>]*>Preview: not published/);
    expect(html).toContain('<ol class="chapters">');
  });

  it('serves the bundled studio script', async () => {
    const response = await worker.fetch(STUDIO_ASSETS.js.path);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(STUDIO_ASSETS.js.body);
  });
});
