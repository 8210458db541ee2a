import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config.ts';
import { importJobs } from '../../../src/db/schema.ts';
import type { AppDeps } from '../../../src/deps.ts';
import { createNodeSafeFetch } from '../../../src/node/node-fetch-port.ts';
import { openAdminApp } from '../../helpers/admin-client.ts';
import { guidOf, type ImportSource, startImportSource } from '../../helpers/import-source.ts';
import { permissiveFetch } from '../../helpers/permissive-fetch.ts';
import { createUser, type StudioClient, signIn, TEST_PASSWORDS } from '../../helpers/studio-client.ts';
import { page, unlabelledControls } from '../../helpers/studio-screens.ts';
import { tempDirs } from '../../helpers/temp-dir.ts';

const newDir = tempDirs();
let source: ImportSource;
const running: Promise<unknown>[] = [];

/** A studio app whose imports run through `importFetch`, their background work collected in `running`. */
async function openImportStudio(importFetch: AppDeps['importFetch']) {
  const studio = await openAdminApp(
    await newDir(),
    {},
    {
      passwords: TEST_PASSWORDS,
      importFetch,
      background: (_c, work) => running.push(work),
    },
  );
  await createUser(studio, 'editor@example.com', 'editor');
  await createUser(studio, 'writer@example.com', 'contributor');
  return studio;
}

/** Follows the 303 after the form to the job's page, once the import's background work is over. */
async function jobPage(client: StudioClient, posted: Response) {
  expect(posted.status).toBe(303);
  const location = posted.headers.get('location') ?? '';
  expect(location).toMatch(/^\/studio\/imports\/\d+\?done=import-started$/);
  await Promise.all(running);
  const page = await client.get(location);
  expect(page.status).toBe(200);
  return page.text();
}

beforeAll(async () => {
  source = await startImportSource({ episodes: 4, documentsEvery: 2, failingAudio: new Set([3]) });
});
afterAll(async () => {
  await Promise.all(running);
  await source.close();
});

describe('the studio Imports screen', () => {
  let studio: Awaited<ReturnType<typeof openImportStudio>>;
  let editor: StudioClient;
  let writer: StudioClient;
  beforeAll(async () => {
    studio = await openImportStudio(permissiveFetch);
    editor = await signIn(studio.demo.app, 'editor@example.com');
    writer = await signIn(studio.demo.app, 'writer@example.com');
  });
  afterAll(() => studio.demo.close());

  it('is linked from the navigation for editors, with a labelled form; contributors get neither', async () => {
    expect(await (await editor.get('/studio')).text()).toContain('href="/studio/imports"');
    const html = await (await editor.get('/studio/imports')).text();
    expect(html).toContain('aria-current="page"');
    expect(html).toMatch(/<label for="f-url">Feed address<\/label>/);
    expect(html).toMatch(/<input[^>]*id="f-url"[^>]*name="url"[^>]*type="url"/);
    expect(html).toContain('name="_csrf"');
    expect(await (await writer.get('/studio')).text()).not.toContain('href="/studio/imports"');
    expect((await writer.get('/studio/imports')).status).toBe(403);
    expect((await writer.post('/studio/imports', { url: source.feedUrl })).status).toBe(403);
    expect(await studio.demo.deps.db.select().from(importJobs)).toHaveLength(0);
  });

  it('refuses a form without its CSRF token, and says what is wrong with a bad address beside the field', async () => {
    expect((await editor.post('/studio/imports', { url: source.feedUrl, _csrf: 'forged' })).status).toBe(403);
    const bad = await editor.post('/studio/imports', {
      url: 'ftp://old.example/feed.xml',
      showSlug: 'Bad Slug',
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('There is a problem');
    expect(html).toMatch(/id="f-url-error"[^>]*>.*Must be an absolute http\(s\) URL/s);
    expect(html).toMatch(/lower-case letters, digits and hyphens/);
    expect(html).toContain('value="ftp://old.example/feed.xml"');
    expect(await studio.demo.deps.db.select().from(importJobs)).toHaveLength(0);
  });

  it('starts an import from the form, then shows its summary, failures with reasons and the moving steps', async () => {
    const html = await jobPage(
      editor,
      await editor.post('/studio/imports', { url: source.feedUrl, showSlug: 'old-host-hour' }),
    );
    expect(html).toContain('The import has started');
    expect(html).toMatch(/role="status"[^>]*>.*data-status="done"/s);
    expect(html).toMatch(/<dd data-count="new">3<\/dd>/);
    expect(html).toMatch(/<dd data-count="failed">1<\/dd>/);
    // The episode whose audio failed, with its GUID and the reason.
    expect(html).toContain(guidOf(3));
    expect(html).toMatch(/HTTP 500/);
    expect(html).toContain('To finish the move');
    expect(html).toContain('https://news.example/podcasts/old-host-hour/feed.xml');
    expect(html).toContain('301 Moved Permanently');

    for (const path of ['/studio/imports', '/studio/imports/1']) {
      const { doc } = await page(editor, path);
      expect(unlabelledControls(doc), path).toEqual([]);
      expect(doc.querySelectorAll('h1'), path).toHaveLength(1);
    }
    const list = await (await editor.get('/studio/imports')).text();
    expect(list).toContain(source.feedUrl);
    expect(list).toMatch(/data-status="done"/);
    expect(list).toContain('4 of 4');
  });

  it('answers 404 for an import that does not exist', async () => {
    expect((await editor.get('/studio/imports/9999')).status).toBe(404);
    expect((await editor.get('/studio/imports/abc')).status).toBe(404);
  });
});

describe('the studio Imports screen with the real SSRF-safe fetch', () => {
  it('shows a refused import with the address and the rule', async () => {
    const studio = await openImportStudio(createNodeSafeFetch(parseConfig({})));
    try {
      const editor = await signIn(studio.demo.app, 'editor@example.com');
      const html = await jobPage(editor, await editor.post('/studio/imports', { url: source.feedUrl }));
      expect(html).toMatch(/data-status="refused"/);
      expect(html).toMatch(/role="alert"[^>]*>\s*<p>Refused: .*127\.0\.0\.1 is a loopback address/s);
      expect(html).toContain('ALLOW_PRIVATE_FETCH=true');
      expect(html).not.toContain('To finish the move');
    } finally {
      studio.demo.close();
    }
  });

  it('says imports are unavailable, and offers no form, on a server without the safe fetch', async () => {
    const studio = await openImportStudio(undefined);
    try {
      const editor = await signIn(studio.demo.app, 'editor@example.com');
      const html = await (await editor.get('/studio/imports')).text();
      expect(html).toContain('Imports are not available on this server');
      expect(html).not.toContain('name="url"');
    } finally {
      studio.demo.close();
    }
  });
});
