import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ContentStudio,
  openContentStudio,
  page,
  unlabelledControls,
} from '../../../helpers/studio-screens.ts';
import { tempDirs } from '../../../helpers/temp-dir.ts';

describe('studio subscribers screen', () => {
  const newDir = tempDirs();
  let s: ContentStudio;
  let showId = 0;
  let screenPath = '';

  beforeAll(async () => {
    s = await openContentStudio(await newDir());
    const shows = (await (await s.studio.call('GET', '/shows')).json()).items as {
      id: number;
      slug: string;
    }[];
    showId = shows.find((show) => show.slug === 'courier-conversations')?.id ?? 0;
    screenPath = `/studio/shows/${showId}/subscribers`;
  });
  afterAll(() => s.studio.demo.close());

  it('is linked from the show screen and has labelled forms', async () => {
    const show = await page(s.editor, `/studio/shows/${showId}`);
    expect(show.doc.querySelector(`#subscribers-link-panel a[href$="${screenPath}"]`)).not.toBeNull();
    const { doc } = await page(s.editor, screenPath);
    expect(unlabelledControls(doc)).toEqual([]);
    expect(doc.querySelector('input[name="access"][value="public"]')?.hasAttribute('checked')).toBe(true);
  });

  it('adds a subscriber and shows the private link once, with a Copy button, never again', async () => {
    const added = await s.editor.post(screenPath, { name: 'Ada', email: 'ada@example.com' });
    expect(added.status).toBe(200);
    expect(added.headers.get('cache-control')).toBe('no-store');
    const html = await added.text();
    const { doc } = await page(s.editor, screenPath);
    const url = (await import('linkedom'))
      .parseHTML(html)
      .document.querySelector<HTMLInputElement>('#private-feed-url');
    const feedUrl = url?.getAttribute('value') ?? '';
    expect(feedUrl).toMatch(/^https:\/\/news\.example\/private\/[A-Za-z0-9_-]{32}\/feed\.xml$/);
    expect(html).toContain('data-copy="private-feed-url"');
    // the list afterwards names Ada, not her link
    expect(doc.querySelector('[data-subscriber]')?.textContent).toContain('ada@example.com');
    expect(doc.documentElement.outerHTML).not.toContain(feedUrl);
    const feed = await s.studio.demo.app.request(new URL(feedUrl).pathname);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('<itunes:block>Yes</itunes:block>');
  });

  it('refuses a bad email with the form kept', async () => {
    const res = await s.editor.post(screenPath, { name: 'Bob', email: 'not an email' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('value="Bob"');
  });

  it('sets who may listen: subscribers only takes the public feed away', async () => {
    const res = await s.editor.post(`/studio/shows/${showId}/access`, { access: 'subscribers' });
    expect(res.status).toBe(303);
    expect((await s.studio.demo.app.request('/podcasts/courier-conversations/feed.xml')).status).toBe(404);
    expect((await s.editor.post(`/studio/shows/${showId}/access`, { access: 'secret' })).status).toBe(400);
    expect((await s.editor.post(`/studio/shows/${showId}/access`, { access: 'public' })).status).toBe(303);
    expect((await s.studio.demo.app.request('/podcasts/courier-conversations/feed.xml')).status).toBe(200);
  });

  it('revokes after confirming; contributors cannot manage subscribers', async () => {
    const { doc } = await page(s.editor, screenPath);
    const revoke = doc.querySelector('[data-subscriber] a[href$="/revoke"]')?.getAttribute('href') ?? '';
    const confirm = await page(s.editor, new URL(revoke, 'https://news.example').pathname);
    expect(confirm.doc.querySelector('h1')?.textContent).toContain('Revoke the private feed of Ada');
    const done = await s.editor.post(new URL(revoke, 'https://news.example').pathname, {});
    expect(done.status).toBe(303);
    const after = await page(s.editor, screenPath);
    expect(after.doc.querySelector('#subscribers-revoked')).not.toBeNull();
    expect((await s.contributor.get(screenPath)).status).toBe(403);
    expect((await s.contributor.post(screenPath, { name: 'Eve', email: 'eve@example.com' })).status).toBe(
      403,
    );
  });
});
