import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ContentStudio,
  controlValue,
  documentOf,
  etagIn,
  fieldMessages,
  formFields,
  openContentStudio,
  page,
  unlabelledControls,
} from '../../../helpers/studio-screens.ts';
import { tempDirs } from '../../../helpers/temp-dir.ts';

const HTML = { accept: 'text/html' };

describe('studio article screens', () => {
  const newDir = tempDirs();
  let s: ContentStudio;
  let draftPath: string;
  const publicPage = (slug: string) => s.studio.demo.app.request(`/articles/${slug}`, { headers: HTML });

  beforeAll(async () => {
    s = await openContentStudio(await newDir(), { TIME_ZONE: 'Europe/London' });
    const created = await s.editor.post('/studio/articles', {
      headline: 'Ferry timetable changes for winter',
      standfirst: 'Fewer sailings from December.',
      bodyHtml: '<p>The <strong>winter</strong> timetable starts soon.</p>',
      sectionId: '1',
      authors: 'Ada Lovelace <ada@example.com> https://example.com/ada\nGrace Hopper',
      tags: 'ferry, winter ,  timetable',
      imageAlt: '',
    });
    expect(created.status).toBe(303);
    draftPath = new URL(created.headers.get('location') ?? '', 'https://x').pathname;
  });
  afterAll(() => s.studio.demo.close());

  it('lists articles by state, drafts included', async () => {
    const all = await page(s.editor, '/studio/articles');
    expect(all.doc.querySelectorAll('table.list tbody tr').length).toBeGreaterThan(5);
    const drafts = await page(s.editor, '/studio/articles?state=draft');
    const titles = [...drafts.doc.querySelectorAll('table.list tbody tr td:first-child')].map(
      (td) => td.textContent,
    );
    expect(titles).toContain('Ferry timetable changes for winter');
    expect(titles).not.toContain('The tide mill on Saltings Creek turns again');
    expect(
      drafts.doc.querySelector('nav[aria-label="Filter by state"] a[aria-current="page"]')?.textContent,
    ).toBe('Drafts');
  });

  it('creates a draft from the form: lists parsed into the API shape, every control labelled', async () => {
    const { doc } = await page(s.editor, draftPath);
    expect(doc.getElementById('f-slug')?.getAttribute('value')).toBe('ferry-timetable-changes-for-winter');
    expect(doc.getElementById('f-tags')?.getAttribute('value')).toBe('ferry, winter, timetable');
    expect(controlValue(doc, 'f-authors')).toBe(
      'Ada Lovelace <ada@example.com> https://example.com/ada\nGrace Hopper',
    );
    expect(doc.querySelector('template[data-rich-initial]')?.innerHTML).toContain('<strong>winter</strong>');
    expect(unlabelledControls(doc)).toEqual([]);
    for (const name of ['Publication', 'Image', 'Episodes', 'History']) {
      expect(doc.querySelector(`section[aria-labelledby] h2`)?.textContent).toBeTruthy();
      expect([...doc.querySelectorAll('section h2')].map((h) => h.textContent)).toContain(name);
    }
  });

  it('re-renders with the schema messages beside the fields and 400, keeping what was typed', async () => {
    const { doc } = await page(s.editor, draftPath);
    const response = await s.editor.post(draftPath, {
      ...formFields(doc, draftPath),
      headline: '',
      authors: 'Ada <not-an-email>',
    });
    expect(response.status).toBe(400);
    const again = documentOf(await response.text());
    expect(fieldMessages(again, 'f-headline')).toContain('Required.');
    expect(fieldMessages(again, 'f-authors')).toMatch(/Author 1 \(email\): Invalid email address/);
    expect(controlValue(again, 'f-authors')).toBe('Ada <not-an-email>');
    expect(again.querySelector('.error-summary a[href="#f-headline"]')).not.toBeNull();
  });

  it('saves an edit, and refuses a stale one with 412 and both versions', async () => {
    const { doc } = await page(s.editor, draftPath);
    const fields = formFields(doc, draftPath);
    expect((await s.editor.post(draftPath, { ...fields, standfirst: 'Theirs.' })).status).toBe(303);
    const stale = await s.editor.post(draftPath, { ...fields, standfirst: 'Mine.' });
    expect(stale.status).toBe(412);
    const conflict = documentOf(await stale.text());
    expect(conflict.querySelector('#conflict-title')?.textContent).toBe('Changed since you opened it');
    const row = [...conflict.querySelectorAll('#versions tr.differs')].map((tr) => [
      tr.querySelector('td.theirs')?.textContent,
      tr.querySelector('td.yours')?.textContent,
    ]);
    expect(row).toEqual([['Theirs.', 'Mine.']]);
    expect(controlValue(conflict, 'f-standfirst')).toBe('Mine.');
  });

  it('shows a contributor no publish button, and answers a forged publish with 403', async () => {
    const created = await s.contributor.post('/studio/articles', {
      headline: 'A contributor’s own draft',
      bodyHtml: '<p>Mine.</p>',
      sectionId: '1',
    });
    expect(created.status).toBe(303);
    const own = new URL(created.headers.get('location') ?? '', 'https://x').pathname;
    const { doc } = await page(s.contributor, own);
    expect([...doc.querySelectorAll('button')].map((b) => b.textContent)).not.toContain('Publish now');
    expect([...doc.querySelectorAll('button')].map((b) => b.textContent)).toContain('Save article');
    const forged = await s.contributor.post(`${own}/publish`, { when: 'now', etag: etagIn(doc, own) });
    expect(forged.status).toBe(403);
    expect((await publicPage('a-contributors-own-draft')).status).toBe(404);
    // Someone else's draft: not even opened (403), and a forged publish is refused all the same.
    expect((await s.contributor.get(draftPath)).status).toBe(403);
    const other = await s.contributor.post(`${draftPath}/publish`, { when: 'now', etag: etagIn(doc, own) });
    expect(other.status).toBe(403);
    expect((await publicPage('ferry-timetable-changes-for-winter')).status).toBe(404);
  });

  it('previews the draft through the public page renderer, noindex, to signed-in users only', async () => {
    const response = await s.editor.get(`${draftPath}/preview`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-robots-tag')).toMatch(/noindex/);
    const doc = documentOf(await response.text());
    expect(doc.querySelector('h1')?.textContent).toBe('Ferry timetable changes for winter');
    expect(doc.querySelector('.preview-banner')?.textContent).toMatch(/not published/);
    expect(doc.querySelector('meta[name="robots"]')?.getAttribute('content')).toMatch(/noindex/);
    const feed = await page(s.editor, `${draftPath}/preview/feed`);
    expect(feed.doc.querySelector('pre.feed-item')?.textContent).toMatch(
      /<title>Ferry timetable changes for winter<\/title>/,
    );
    const anonymous = await s.studio.demo.app.request(`${draftPath}/preview`);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toMatch(/^\/studio\/sign-in/);
  });

  it('schedules at a wall-clock time in TIME_ZONE and shows it back the same way', async () => {
    const { doc } = await page(s.editor, draftPath);
    const response = await s.editor.post(`${draftPath}/publish`, {
      when: 'schedule',
      at: '2026-12-01T06:00',
      etag: etagIn(doc, `${draftPath}/publish`),
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/done=scheduled$/);
    const after = await page(s.editor, draftPath);
    expect(after.doc.getElementById('f-at')?.getAttribute('value')).toBe('2026-12-01T06:00');
    // 06:00 in London in December is 06:00 UTC; in summer it would be 05:00.
    expect(after.doc.querySelector('#publication-title + p time')?.getAttribute('datetime')).toBe(
      '2026-12-01T06:00:00.000Z',
    );
    const past = await s.editor.post(`${draftPath}/publish`, {
      when: 'schedule',
      at: '2020-01-01T06:00',
      etag: etagIn(after.doc, `${draftPath}/publish`),
    });
    expect(past.status).toBe(400);
    expect(fieldMessages(documentOf(await past.text()), 'f-at')).toMatch(/passed/);
  });

  it('publishes now, and the public page answers', async () => {
    const { doc } = await page(s.editor, draftPath);
    const forms = [...doc.querySelectorAll(`form[action="${draftPath}/publish"]`)];
    const now = forms.find((f) => f.querySelector('input[name="when"]')?.getAttribute('value') === 'now');
    const etag = now?.querySelector('input[name="etag"]')?.getAttribute('value') ?? '';
    expect((await s.editor.post(`${draftPath}/publish`, { when: 'now', etag })).status).toBe(303);
    expect((await publicPage('ferry-timetable-changes-for-winter')).status).toBe(200);
  });

  it('confirms a delete with the URLs that will answer 410, and then they do', async () => {
    const { doc } = await page(s.editor, `${draftPath}/delete`);
    const urls = [...doc.querySelectorAll('ul[aria-label="Addresses that will answer 410 Gone"] code')].map(
      (c) => c.textContent,
    );
    expect(urls).toEqual(['https://news.example/articles/ferry-timetable-changes-for-winter']);
    const response = await s.editor.post(`${draftPath}/delete`, formFields(doc, `${draftPath}/delete`));
    expect(response.status).toBe(303);
    expect((await publicPage('ferry-timetable-changes-for-winter')).status).toBe(410);
  });

  it('reorders paired episodes with the Move buttons, and the article page and feed follow', async () => {
    const path = '/studio/articles/1';
    const playerTitles = async () => {
      const html = await (await publicPage('tide-mill-turns-again')).text();
      return [...documentOf(html).querySelectorAll('section.podcasts .player')].map(
        (p) => p.querySelector('h3 a')?.textContent ?? '',
      );
    };
    const before = await playerTitles();
    expect(before).toHaveLength(2);
    expect(before[0]).toMatch(/Tide mill/i);
    expect(before[0]).not.toBe(before[1]);
    const { doc } = await page(s.editor, path);
    const items = [...doc.querySelectorAll('#pairing li[data-reorder-item]')];
    expect(items.map((li) => li.getAttribute('data-reorder-item'))).toEqual(['1', '2']);
    const down = doc.querySelector('#pairing button[value="down:1"]');
    expect(down?.getAttribute('aria-label')).toMatch(/^Move down: /);
    const response = await s.editor.post(`${path}/episodes`, {
      move: 'down:1',
      etag: etagIn(doc, `${path}/episodes`),
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${path}?done=paired#paired-1`);
    expect(await playerTitles()).toEqual([before[1], before[0]]);
    const feed = await (await s.studio.demo.app.request('/feed.json')).json();
    const item = feed.items.find((i: { url: string }) => i.url.endsWith('/articles/tide-mill-turns-again'));
    expect(item.attachments.map((a: { title: string }) => a.title)).toEqual(
      [...doc.querySelectorAll('#pairing li[data-reorder-item] a')].map((a) => a.textContent).reverse(),
    );
  });

  it('answers the script’s reorder with JSON (new order and ETag), and a stale one with 412', async () => {
    const path = '/studio/articles/1';
    const { doc } = await page(s.editor, path);
    const etag = etagIn(doc, `${path}/episodes`);
    const json = { accept: 'application/json' };
    const moved = await s.editor.post(`${path}/episodes`, { move: 'up:1', etag }, json);
    expect(moved.status).toBe(200);
    const body = (await moved.json()) as { order: number[]; etag: string };
    expect(body.order).toEqual([1, 2]);
    expect(body.etag).not.toBe(etag);
    const stale = await s.editor.post(`${path}/episodes`, { move: 'down:1', etag }, json);
    expect(stale.status).toBe(412);
    expect(((await stale.json()) as { error: string }).error).toMatch(/Changed since you opened it/);
  });
});
