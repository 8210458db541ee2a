import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ContentStudio,
  documentOf,
  etagIn,
  formFields,
  openContentStudio,
  page,
} from '../../../helpers/studio-screens.ts';
import { tempDirs } from '../../../helpers/temp-dir.ts';

const locationPath = (response: Response) =>
  new URL(response.headers.get('location') ?? '', 'https://x').pathname;

/** The titles of the dashboard list under the heading with this id. */
const dashboardList = (doc: Document, id: string) =>
  [...doc.querySelectorAll(`section[aria-labelledby="${id}"] li a`)].map((a) => a.textContent);
const listTitles = (doc: Document) =>
  [...doc.querySelectorAll('table.list tbody tr td:first-child')].map((td) => td.textContent);

// Contributors see what is theirs to work on (their drafts) and what is out (read-only), never
// another person's drafts; editors see everything, as before.
describe('what a contributor sees in the studio', () => {
  const newDir = tempDirs();
  let s: ContentStudio;
  let theirArticle: string;
  let myArticle: string;
  let theirEpisode: string;
  let myEpisode: string;

  beforeAll(async () => {
    s = await openContentStudio(await newDir());
    const article = (headline: string) => ({ headline, bodyHtml: '<p>Text.</p>', sectionId: '1' });
    const episode = (title: string) => ({ showId: '1', title, explicit: 'no', type: 'full' });
    theirArticle = locationPath(await s.editor.post('/studio/articles', article('Editor’s secret draft')));
    myArticle = locationPath(await s.contributor.post('/studio/articles', article('Contributor’s draft')));
    theirEpisode = locationPath(await s.editor.post('/studio/episodes', episode('Editor’s draft episode')));
    myEpisode = locationPath(await s.contributor.post('/studio/episodes', episode('Contributor’s episode')));
    for (const p of [theirArticle, myArticle, theirEpisode, myEpisode]) expect(p).toMatch(/\/\d+$/);
  });
  afterAll(() => s.studio.demo.close());

  it('the dashboard shows a contributor their own drafts and what is published, not others’ drafts', async () => {
    const { doc } = await page(s.contributor, '/studio');
    const drafts = dashboardList(doc, 'drafts-title');
    expect(drafts).toEqual(expect.arrayContaining(['Contributor’s draft', 'Contributor’s episode']));
    expect(drafts).not.toContain('Editor’s secret draft');
    expect(drafts).not.toContain('Editor’s draft episode');
    expect(drafts).not.toContain('Harbour wall repairs to start in the new year'); // the seed's draft
    expect(dashboardList(doc, 'published-title')).toContain('The tide mill on Saltings Creek turns again');
    expect(doc.querySelector('section[aria-labelledby="drafts-title"]')?.textContent).toMatch(/Yours/);

    const editor = (await page(s.editor, '/studio')).doc;
    expect(dashboardList(editor, 'drafts-title')).toEqual(
      expect.arrayContaining(['Editor’s secret draft', 'Contributor’s draft', 'Contributor’s episode']),
    );
    expect(editor.querySelector('section[aria-labelledby="drafts-title"]')?.textContent).not.toMatch(/Yours/);
  });

  it('the lists (all, drafts, per show; the pairing picker) leave out others’ drafts', async () => {
    for (const path of ['/studio/articles', '/studio/articles?state=draft']) {
      const titles = listTitles((await page(s.contributor, path)).doc);
      expect(titles, path).toContain('Contributor’s draft');
      expect(titles, path).not.toContain('Editor’s secret draft');
    }
    const published = listTitles((await page(s.contributor, '/studio/articles?state=published')).doc);
    expect(published).toContain('The tide mill on Saltings Creek turns again');
    for (const path of ['/studio/episodes', '/studio/episodes?showId=1&state=draft']) {
      const titles = listTitles((await page(s.contributor, path)).doc);
      expect(titles, path).toContain('Contributor’s episode');
      expect(titles, path).not.toContain('Editor’s draft episode');
    }
    const picker = (await page(s.contributor, myArticle)).html;
    expect(picker).not.toContain('Editor’s draft episode');
    expect(picker).toContain('Contributor’s episode');
    const editorTitles = listTitles((await page(s.editor, '/studio/articles?state=draft')).doc);
    expect(editorTitles).toEqual(expect.arrayContaining(['Editor’s secret draft', 'Contributor’s draft']));
  });

  it('another person’s draft answers a 403 page, its preview too; their own opens for editing', async () => {
    for (const path of [theirArticle, theirEpisode, `${theirArticle}/preview`, `${theirEpisode}/preview`]) {
      const response = await s.contributor.get(path);
      expect(response.status, path).toBe(403);
      const html = await response.text();
      expect(html, path).toContain('someone else’s draft');
      expect(html, path).not.toContain('Editor’s secret draft');
    }
    for (const path of [myArticle, myEpisode]) {
      const { doc } = await page(s.contributor, path);
      expect(doc.querySelector('fieldset[disabled]'), path).toBeNull();
      expect(doc.querySelector('.read-only-note'), path).toBeNull();
    }
    expect((await s.editor.get(myArticle)).status).toBe(200);
  });

  it('a published item opens read-only for a contributor: a note, every control disabled, a forged save still 403', async () => {
    const path = '/studio/articles/1';
    const { doc } = await page(s.contributor, path);
    expect(doc.querySelector('.read-only-note')?.textContent).toMatch(/not change it/);
    const fieldset = doc.querySelector('fieldset.layout[disabled]');
    expect(fieldset?.querySelector(`form[action="${path}"]`)).not.toBeNull();
    expect(fieldset?.querySelector('#f-headline')).not.toBeNull();
    expect(fieldset?.querySelector('#history-title')).not.toBeNull();
    const forged = await s.contributor.post(path, { ...formFields(doc, path), headline: 'Taken over' });
    expect(forged.status).toBe(403);
    const episode = (await page(s.contributor, '/studio/episodes/1')).doc;
    expect(episode.querySelector('fieldset.layout[disabled] input[type="file"]')).not.toBeNull();
    const upload = await s.contributor.post('/studio/episodes/1/chapters', {
      etag: etagIn(episode, '/studio/episodes/1/chapters'),
      chapters: '0:00 Mine now',
    });
    expect(upload.status).toBe(403);
    // Editors get the same screen editable.
    const editor = (await page(s.editor, path)).doc;
    expect(editor.querySelector('fieldset[disabled]')).toBeNull();
    expect(
      documentOf((await page(s.editor, '/studio/episodes/1')).html).querySelector('.read-only-note'),
    ).toBeNull();
  });

  it('the delete confirmation follows the same rule: their own draft yes, another’s draft 403, a published item refused', async () => {
    const own = await page(s.contributor, `${myArticle}/delete`);
    expect([...own.doc.querySelectorAll('button')].map((b) => b.textContent)).toContain('Delete article');
    for (const path of [`${theirArticle}/delete`, `${theirEpisode}/delete`]) {
      const response = await s.contributor.get(path);
      expect(response.status, path).toBe(403);
      expect(await response.text(), path).not.toMatch(/Editor’s (secret draft|draft episode)/);
    }
    for (const path of ['/studio/articles/1/delete', '/studio/episodes/1/delete']) {
      const response = await s.contributor.get(path);
      expect(response.status, path).toBe(403);
      const doc = documentOf(await response.text());
      expect(doc.querySelector('.refusal')?.textContent, path).toMatch(/not change it/);
      expect([...doc.querySelectorAll('button.danger')], path).toHaveLength(0);
    }
    expect((await s.editor.get('/studio/articles/1/delete')).status).toBe(200);
  });
});
