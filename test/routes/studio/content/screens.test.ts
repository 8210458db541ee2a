import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ContentStudio,
  openContentStudio,
  page,
  unlabelledControls,
} from '../../../helpers/studio-screens.ts';
import { tempDirs } from '../../../helpers/temp-dir.ts';

/** Every content screen, and what each must show (its heading). */
const SCREENS: readonly [string, RegExp][] = [
  ['/studio', /^Dashboard$/],
  ['/studio/sections', /^Sections$/],
  ['/studio/sections/new', /^New section$/],
  ['/studio/sections/1', /^Edit section: /],
  ['/studio/sections/1/delete', /^Delete section/],
  ['/studio/articles', /^Articles$/],
  ['/studio/articles?state=scheduled', /^Articles$/],
  ['/studio/articles/new', /^New article$/],
  ['/studio/articles/1', /^Edit article: /],
  ['/studio/articles/1/delete', /^Delete article/],
  ['/studio/articles/1/preview/feed', /^Feed item: /],
  ['/studio/shows', /^Shows$/],
  ['/studio/shows/new', /^New show$/],
  ['/studio/shows/1', /^Edit show: /],
  ['/studio/shows/1/delete', /^Delete show/],
  ['/studio/episodes', /^Episodes$/],
  ['/studio/episodes?showId=1&state=published', /^Episodes of /],
  ['/studio/episodes/new', /^New episode$/],
  ['/studio/episodes/1', /^Edit episode: /],
  ['/studio/episodes/1/delete', /^Delete episode/],
  ['/studio/episodes/1/preview/feed', /^Feed item: /],
];

describe('studio content screens', () => {
  const newDir = tempDirs();
  let s: ContentStudio;
  beforeAll(async () => {
    s = await openContentStudio(await newDir());
  });
  afterAll(() => s.studio.demo.close());

  it('render for an editor: 200, their heading, a label for every control, the studio script', async () => {
    for (const [path, heading] of SCREENS) {
      const { doc } = await page(s.editor, path);
      expect(doc.querySelector('h1')?.textContent, path).toMatch(heading);
      expect(unlabelledControls(doc), path).toEqual([]);
      expect(doc.querySelector('script[src^="/studio/assets/studio."]'), path).not.toBeNull();
      expect(doc.querySelectorAll('script:not([src])'), path).toHaveLength(0);
      expect(doc.querySelector('[style]'), path).toBeNull();
    }
  });

  it('fills the dashboard’s lists: drafts, scheduled (with times) and recently published', async () => {
    const { doc } = await page(s.editor, '/studio');
    const list = (id: string) =>
      [...doc.querySelectorAll(`section[aria-labelledby="${id}"] li a`)].map((a) => a.textContent);
    expect(list('drafts-title')).toContain('Harbour wall repairs to start in the new year');
    expect(list('published-title')).toContain('The tide mill on Saltings Creek turns again');
    expect(doc.querySelector('section[aria-labelledby="scheduled-title"]')).not.toBeNull();
    expect(doc.querySelector('a[href="/studio/shows/new"]')?.textContent).toBe('New show');
  });

  it('hides publishing and deleting from a contributor, who sees the state and a note', async () => {
    const { doc } = await page(s.contributor, '/studio/articles/1');
    const buttons = [...doc.querySelectorAll('button')].map((b) => b.textContent);
    expect(buttons).not.toContain('Unpublish (back to draft)');
    expect(doc.querySelector('a[href$="/delete"]')).toBeNull();
    expect(doc.querySelector('#publication-title')?.parentElement?.textContent).toMatch(
      /an editor publishes/,
    );
  });

  it('answers a record that does not exist with a studio page and 404', async () => {
    for (const path of [
      '/studio/articles/999',
      '/studio/episodes/999',
      '/studio/shows/999',
      '/studio/sections/999',
    ]) {
      const response = await s.editor.get(path);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toContain('Back to the dashboard');
    }
    expect((await s.editor.get('/studio/articles/01')).status).toBe(404);
  });

  it('refuses a form from another site before it changes anything (CSRF)', async () => {
    const response = await s.editor.request('/studio/sections', {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
      body: new URLSearchParams({ _csrf: s.editor.csrfToken, name: 'Hijacked' }),
    });
    expect(response.status).toBe(403);
    const forged = await s.editor.request('/studio/sections', {
      method: 'POST',
      headers: { origin: 'https://news.example' },
      body: new URLSearchParams({ _csrf: 'not-the-token', name: 'Hijacked' }),
    });
    expect(forged.status).toBe(403);
    const { doc } = await page(s.editor, '/studio/sections');
    expect(doc.body.textContent).not.toContain('Hijacked');
  });
});
