import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audioFixture } from '../../../helpers/admin-client.ts';
import {
  type ContentStudio,
  documentOf,
  etagIn,
  openContentStudio,
  page,
} from '../../../helpers/studio-screens.ts';
import { tempDirs } from '../../../helpers/temp-dir.ts';

const locationPath = (response: Response) =>
  new URL(response.headers.get('location') ?? '', 'https://x').pathname;

describe('the studio’s episode page preview', () => {
  const newDir = tempDirs();
  let s: ContentStudio;
  let path: string;

  beforeAll(async () => {
    s = await openContentStudio(await newDir());
    const created = await s.editor.post('/studio/episodes', {
      showId: '1',
      title: 'Lighthouse keepers',
      summary: 'Who kept the lights.',
      contentHtml: '<p>The notes <script>alert(1)</script>of the episode.</p>',
      explicit: 'no',
      type: 'full',
    });
    expect(created.status).toBe(303);
    path = locationPath(created);
  });
  afterAll(() => s.studio.demo.close());

  it('is offered beside the feed item preview on the episode screen', async () => {
    const { doc } = await page(s.editor, path);
    const links = [...doc.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toContainEqual(['Preview the episode page', `${path}/preview`]);
    expect(links).toContainEqual(['Preview the feed item', `${path}/preview/feed`]);
  });

  it('says the page needs the audio until there is some, noindex and no-store', async () => {
    const response = await s.editor.get(`${path}/preview`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-robots-tag')).toMatch(/noindex/);
    const doc = documentOf(await response.text());
    expect(doc.querySelector('.preview-banner')?.textContent).toMatch(/not published/);
    expect(doc.querySelector('main')?.textContent).toMatch(/needs the audio/);
  });

  it('renders the draft through the public episode page, with the banner, player and sanitised notes', async () => {
    const { doc: editor } = await page(s.editor, path);
    const file = new File([(await audioFixture('mp3-chapters.mp3')) as Uint8Array<ArrayBuffer>], 'ch.mp3', {
      type: 'audio/mpeg',
    });
    const upload = await s.editor.post(`${path}/audio`, { etag: etagIn(editor, `${path}/audio`), file });
    expect(upload.status).toBe(303);

    const response = await s.editor.get(`${path}/preview`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    const html = await response.text();
    const doc = documentOf(html);
    expect(doc.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex, nofollow');
    expect(doc.querySelector('.preview-banner')?.textContent).toMatch(/Preview: not published/);
    expect(doc.querySelector('.preview-banner a')?.getAttribute('href')).toBe(path);
    expect(doc.querySelector('h1')?.textContent).toBe('Lighthouse keepers');
    expect(doc.querySelector('audio source, audio')).not.toBeNull();
    expect(html).toContain('of the episode.');
    expect(html).not.toContain('<script>alert(1)');
    // The same renderer as the public page: its chapters list from the audio's own chapters.
    expect(doc.querySelectorAll('ol.chapters li').length).toBeGreaterThan(1);

    // Still a draft: the public page does not know it.
    const slug = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';
    expect(slug).toMatch(/^https:\/\/news\.example\/podcasts\/courier-conversations\//);
    const publicPage = await s.studio.demo.app.request(new URL(slug).pathname, {
      headers: { accept: 'text/html' },
    });
    expect(publicPage.status).toBe(404);
  });

  it('answers only signed-in users, and 404 for an episode that does not exist', async () => {
    const anonymous = await s.studio.demo.app.request(`${path}/preview`);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toMatch(/^\/studio\/sign-in/);
    expect((await s.editor.get('/studio/episodes/999999/preview')).status).toBe(404);
    expect((await s.editor.get('/studio/episodes/01/preview')).status).toBe(404);
  });

  it('refuses a contributor someone else’s draft (403), and previews a published episode as published', async () => {
    expect((await s.contributor.get(`${path}/preview`)).status).toBe(403);
    expect((await s.contributor.get(`${path}/preview/feed`)).status).toBe(403);
    const published = await s.contributor.get('/studio/episodes/1/preview');
    expect(published.status).toBe(200);
    expect(documentOf(await published.text()).querySelector('.preview-banner')?.textContent).toMatch(
      /as published/,
    );
  });
});
