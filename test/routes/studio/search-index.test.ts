// The studio Search index screen over a real demo database: rebuild from a form, follow the run, refusals and roles.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteSearch } from '../../../src/catalog/search/site-search.ts';
import { searchReindexJobs } from '../../../src/db/schema.ts';
import { openAdminApp } from '../../helpers/admin-client.ts';
import { DEMO_NOW } from '../../helpers/demo-app.ts';
import { createUser, type StudioClient, signIn, TEST_PASSWORDS } from '../../helpers/studio-client.ts';
import { page, unlabelledControls } from '../../helpers/studio-screens.ts';
import { tempDirs } from '../../helpers/temp-dir.ts';

const newDir = tempDirs();
/** The background work the form started; the test lets it run when it chooses. */
const later: Promise<unknown>[] = [];
let studio: Awaited<ReturnType<typeof openAdminApp>>;
let editor: StudioClient;
let writer: StudioClient;

beforeAll(async () => {
  studio = await openAdminApp(
    await newDir(),
    {},
    { passwords: TEST_PASSWORDS, background: (_c, work) => later.push(work) },
  );
  await createUser(studio, 'editor@example.com', 'editor');
  await createUser(studio, 'writer@example.com', 'contributor');
  editor = await signIn(studio.demo.app, 'editor@example.com');
  writer = await signIn(studio.demo.app, 'writer@example.com');
});
afterAll(async () => {
  await Promise.all(later);
  studio.demo.close();
});

const db = () => studio.demo.deps.db;
const jobs = () => db().select().from(searchReindexJobs);
const transcriptHits = async () =>
  (
    await siteSearch({ db: db(), baseUrl: 'https://news.example', now: DEMO_NOW }, 'Agnes Rowe', 1)
  ).results.filter((r) => r.kind === 'transcript');

describe('the studio Search index screen', () => {
  it('is in the navigation for editors, with two labelled buttons; contributors get neither', async () => {
    expect(await (await editor.get('/studio')).text()).toContain('href="/studio/search-index"');
    const { html, doc } = await page(editor, '/studio/search-index');
    expect(html).toContain('aria-current="page"');
    expect(html).toContain('7 articles and 2 episodes');
    expect([...doc.querySelectorAll('main form button')].map((b) => b.textContent?.trim())).toEqual([
      'Rebuild the whole index',
      'Index only what is missing',
    ]);
    expect(unlabelledControls(doc)).toEqual([]);
    expect(doc.querySelectorAll('h1')).toHaveLength(1);
    expect(html).toContain('No runs yet.');
    expect(await (await writer.get('/studio')).text()).not.toContain('href="/studio/search-index"');
    expect((await writer.get('/studio/search-index')).status).toBe(403);
    expect((await writer.post('/studio/search-index', { only: 'all' })).status).toBe(403);
    expect(await jobs()).toHaveLength(0);
  });

  it('refuses a forged form and an unknown choice, and starts nothing', async () => {
    expect((await editor.post('/studio/search-index', { only: 'all', _csrf: 'forged' })).status).toBe(403);
    const bad = await editor.post('/studio/search-index', { only: 'everything<script>' });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('&quot;only&quot; must be &quot;all&quot; or &quot;missing&quot;');
    expect(html).not.toContain('<script>');
    expect(await jobs()).toHaveLength(0);
  });

  it('rebuilds from the form: a run in the background, the list follows it, a second is refused meanwhile', async () => {
    // Texts as a catalogue older than search has them: no transcripts.
    await db().run(sql`DELETE FROM search_texts WHERE kind = 'transcript'`);
    expect(await transcriptHits()).toEqual([]);

    const posted = await editor.post('/studio/search-index', { only: 'all' });
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toBe('/studio/search-index?done=reindex-started');
    // While it runs: no buttons, a line saying so, and a second form post is refused with the reason.
    const during = await (await editor.get('/studio/search-index')).text();
    expect(during).toMatch(/role="status"[^>]*>\s*A run is going/);
    expect(during).not.toContain('Rebuild the whole index</button>');
    const again = await editor.post('/studio/search-index', { only: 'missing' });
    expect(again.status).toBe(409);
    expect(await again.text()).toMatch(/role="alert"[^>]*>\s*search reindex \d+ is still running/);

    await Promise.all(later.splice(0));
    const after = await (await editor.get('/studio/search-index?done=reindex-started')).text();
    expect(after).toContain('The search index is being rebuilt in the background');
    expect(after).toMatch(/data-status="done"/);
    expect(after).toContain('7 articles, 2 episodes, 2 transcripts');
    expect(after).toContain('Rebuild the whole index</button>');
    expect((await transcriptHits()).length).toBeGreaterThan(0);
    expect(await jobs()).toHaveLength(1);
  });
});
