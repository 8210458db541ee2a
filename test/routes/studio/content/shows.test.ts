import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageFixture } from '../../../helpers/admin-client.ts';
import {
  type ContentStudio,
  controlValue,
  documentOf,
  fieldMessages,
  formEntries,
  formFields,
  openContentStudio,
  page,
  postEntries,
  unlabelledControls,
} from '../../../helpers/studio-screens.ts';
import { tempDirs } from '../../../helpers/temp-dir.ts';

describe('studio show screens', () => {
  const newDir = tempDirs();
  let s: ContentStudio;
  let path: string;

  beforeAll(async () => {
    s = await openContentStudio(await newDir());
    const created = await s.editor.request('/studio/shows', {
      method: 'POST',
      headers: { origin: 'https://news.example', 'sec-fetch-site': 'same-origin' },
      // Three pickers, as the form sends them: the main category, one more, one left empty.
      body: new URLSearchParams([
        ['_csrf', s.editor.csrfToken],
        ['title', 'Harbour Hour'],
        ['description', 'Weekly talk from the harbour.'],
        ['language', 'en-GB'],
        ['author', 'Millbrook Courier'],
        ['ownerEmail', 'podcasts@example.com'],
        ['categories', 'News|Daily News'],
        ['categories', 'Leisure'],
        ['categories', ''],
        ['explicit', 'on'],
        ['type', 'serial'],
        ['funding', 'https://example.com/support Support the show'],
      ]),
    });
    expect(created.status).toBe(303);
    path = new URL(created.headers.get('location') ?? '', 'https://x').pathname;
  });
  afterAll(() => s.studio.demo.close());

  it('lists the shows, and offers a labelled form with Apple’s categories', async () => {
    const list = await page(s.editor, '/studio/shows');
    expect([...list.doc.querySelectorAll('table.list td a')].map((a) => a.textContent)).toContain(
      'Harbour Hour',
    );
    const { doc } = await page(s.editor, '/studio/shows/new');
    expect(doc.querySelectorAll('select[name="categories"]')).toHaveLength(3);
    expect(
      doc.querySelector('#f-categories-1 optgroup[label="News"] option[value="News|Politics"]')?.textContent,
    ).toBe('News › Politics');
    expect(unlabelledControls(doc)).toEqual([]);
  });

  it('reads the form into the API’s shape: categories, explicit, serial, funding', async () => {
    const { doc } = await page(s.editor, path);
    expect(doc.querySelector('#f-categories-1 option[selected]')?.getAttribute('value')).toBe(
      'News|Daily News',
    );
    expect(doc.querySelector('#f-categories-2 option[selected]')?.getAttribute('value')).toBe('Leisure');
    expect(doc.getElementById('f-explicit')?.hasAttribute('checked')).toBe(true);
    expect(doc.getElementById('f-type-serial')?.hasAttribute('checked')).toBe(true);
    expect(controlValue(doc, 'f-funding')).toBe('https://example.com/support Support the show');
    expect(doc.getElementById('f-slug')?.getAttribute('value')).toBe('harbour-hour');
    expect(unlabelledControls(doc)).toEqual([]);
  });

  it('puts Apple’s category rule and a missing category beside the pickers, with 400', async () => {
    const { doc } = await page(s.editor, path);
    const bad = await postEntries(s.editor, path, formEntries(doc, path), {
      categories: ['News|Knitting', ''],
    });
    expect(bad.status).toBe(400);
    expect(documentOf(await bad.text()).getElementById('f-categories-error')?.textContent).toMatch(
      /Category 1: .*Knitting/,
    );
    const none = await postEntries(s.editor, path, formEntries(doc, path), { categories: ['', '', ''] });
    expect(none.status).toBe(400);
    expect(documentOf(await none.text()).getElementById('f-categories-error')?.textContent).toMatch(
      /at least 1/,
    );
  });

  it('clears an optional field left empty', async () => {
    const { doc } = await page(s.editor, path);
    expect((await postEntries(s.editor, path, formEntries(doc, path), { ownerEmail: '' })).status).toBe(303);
    expect(controlValue((await page(s.editor, path)).doc, 'f-ownerEmail')).toBe('');
  });

  it('refuses artwork that breaks Apple’s rules beside the field, storing nothing; takes good artwork', async () => {
    const { doc } = await page(s.editor, path);
    const etag = formFields(doc, `${path}/artwork`).etag as string;
    const small = new File([await imageFixture('small-800.jpg')], 'small.jpg', { type: 'image/jpeg' });
    const refused = await s.editor.post(`${path}/artwork`, { etag, file: small });
    expect(refused.status).toBe(422);
    const again = documentOf(await refused.text());
    expect(fieldMessages(again, 'f-artwork-file')).toMatch(
      /Apple Podcasts needs square JPEG or PNG artwork.*800×800/,
    );
    expect(again.querySelector('#artwork-panel img')).toBeNull();
    const good = new File([await imageFixture('square-1400.jpg')], 'art.jpg', { type: 'image/jpeg' });
    const stored = await s.editor.post(`${path}/artwork`, { etag, file: good });
    expect(stored.status).toBe(303);
    const after = await page(s.editor, path);
    expect(after.doc.querySelector('#artwork-panel img')?.getAttribute('width')).toBe('1400');
  });

  it('answers a stale save with 412 and both versions', async () => {
    const { doc } = await page(s.editor, path);
    const fields = formEntries(doc, path);
    expect((await postEntries(s.editor, path, fields, { subtitle: 'Theirs' })).status).toBe(303);
    const stale = await postEntries(s.editor, path, fields, { subtitle: 'Mine' });
    expect(stale.status).toBe(412);
    const conflict = documentOf(await stale.text());
    expect([...conflict.querySelectorAll('#versions tr.differs th')].map((th) => th.textContent)).toEqual([
      'Subtitle (differs)',
    ]);
  });

  it('refuses a contributor’s show edit with 403, said on the form', async () => {
    const { doc } = await page(s.contributor, path);
    const response = await postEntries(s.contributor, path, formEntries(doc, path), { title: 'Taken over' });
    expect(response.status).toBe(403);
    expect(documentOf(await response.text()).querySelector('.error-summary')?.textContent).toMatch(
      /contributors/i,
    );
  });
});
