import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ContentStudio,
  documentOf,
  etagIn,
  fieldMessages,
  formFields,
  openContentStudio,
  page,
  unlabelledControls,
} from '../../../helpers/studio-screens.ts';
import { tempDirs } from '../../../helpers/temp-dir.ts';

describe('studio sections screens', () => {
  const newDir = tempDirs();
  let s: ContentStudio;
  beforeAll(async () => {
    s = await openContentStudio(await newDir());
  });
  afterAll(() => s.studio.demo.close());

  it('lists the sections in navigation order with Move buttons, every control labelled', async () => {
    const { doc } = await page(s.editor, '/studio/sections');
    const names = [...doc.querySelectorAll('ol[aria-label="Sections in navigation order"] li a')].map(
      (a) => a.textContent,
    );
    expect(names.length).toBeGreaterThan(1);
    expect(doc.querySelector('button[value^="up:"]')?.textContent).toMatch(/^Move up/);
    expect(unlabelledControls(doc)).toEqual([]);
  });

  it('creates a section (slug from the name) and redirects with a flash line', async () => {
    const response = await s.editor.post('/studio/sections', {
      name: 'Weather & Tides',
      slug: '',
      description: '',
    });
    expect(response.status).toBe(303);
    const location = response.headers.get('location') ?? '';
    expect(location).toMatch(/^\/studio\/sections\/\d+\?done=created$/);
    const { doc } = await page(s.editor, location);
    expect(doc.querySelector('.flash')?.textContent).toBe('Created.');
    expect(doc.getElementById('f-slug')?.getAttribute('value')).toBe('weather-and-tides');
    expect(unlabelledControls(doc)).toEqual([]);
  });

  it('re-renders the form with the schema message beside the field, and 400', async () => {
    const response = await s.editor.post('/studio/sections', { name: '', slug: 'Bad Slug!' });
    expect(response.status).toBe(400);
    const doc = documentOf(await response.text());
    expect(fieldMessages(doc, 'f-name')).toContain('Required.');
    expect(fieldMessages(doc, 'f-slug')).toContain('Must be lower-case letters, digits and hyphens');
    expect(doc.getElementById('f-slug')?.getAttribute('aria-invalid')).toBe('true');
    expect(doc.getElementById('f-slug')?.getAttribute('value')).toBe('Bad Slug!');
  });

  it('answers 409 beside the slug when it is taken', async () => {
    const response = await s.editor.post('/studio/sections', { name: 'Again', slug: 'weather-and-tides' });
    expect(response.status).toBe(409);
    expect(fieldMessages(documentOf(await response.text()), 'f-slug')).toMatch(/already exists/);
  });

  it('moves a section up with the Move up button', async () => {
    const before = await page(s.editor, '/studio/sections');
    const ids = [...before.doc.querySelectorAll('li[data-reorder-item]')].map((li) =>
      li.getAttribute('data-reorder-item'),
    );
    const last = ids.at(-1) as string;
    const response = await s.editor.post('/studio/sections/reorder', { move: `up:${last}` });
    expect(response.status).toBe(303);
    const after = await page(s.editor, '/studio/sections');
    const now = [...after.doc.querySelectorAll('li[data-reorder-item]')].map((li) =>
      li.getAttribute('data-reorder-item'),
    );
    expect(now).toEqual([...ids.slice(0, -2), last, ids.at(-2)]);
  });

  it('refuses a stale save with 412, both versions side by side and the submitted values kept', async () => {
    const created = await s.editor.post('/studio/sections', { name: 'Harbour' });
    const path = new URL(created.headers.get('location') ?? '', 'https://x').pathname;
    const { doc } = await page(s.editor, path);
    const fields = formFields(doc, path);
    expect(fields.etag).toBe(etagIn(doc, path));
    // Someone else saves first.
    expect((await s.editor.post(path, { ...fields, name: 'Harbour News' })).status).toBe(303);
    const stale = await s.editor.post(path, { ...fields, name: 'Harbour Life' });
    expect(stale.status).toBe(412);
    const html = await stale.text();
    expect(html).toContain('Changed since you opened it');
    const conflict = documentOf(html);
    const row = [...conflict.querySelectorAll('#versions tbody tr')].find((tr) =>
      tr.querySelector('th')?.textContent?.startsWith('Name'),
    );
    expect(row?.querySelector('td.theirs')?.textContent).toBe('Harbour News');
    expect(row?.querySelector('td.yours')?.textContent).toBe('Harbour Life');
    expect(conflict.getElementById('f-name')?.getAttribute('value')).toBe('Harbour Life');
    // Saving again from the conflict page (its form carries the current ETag) replaces theirs.
    const again = await s.editor.post(path, formFields(conflict, path));
    expect(again.status).toBe(303);
  });

  it('confirms before deleting, then deletes', async () => {
    const created = await s.editor.post('/studio/sections', { name: 'Ephemeral' });
    const path = new URL(created.headers.get('location') ?? '', 'https://x').pathname;
    const { doc } = await page(s.editor, `${path}/delete`);
    expect(doc.querySelector('h1')?.textContent).toContain('Delete section');
    const response = await s.editor.post(`${path}/delete`, formFields(doc, `${path}/delete`));
    expect(response.status).toBe(303);
    expect((await s.editor.get(path)).status).toBe(404);
  });
});
