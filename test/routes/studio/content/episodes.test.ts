import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audioFixture } from '../../../helpers/admin-client.ts';
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

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => `${e.parentPath}/${e.name}`)
    .sort();
}

describe('studio episode screens', () => {
  const newDir = tempDirs();
  let s: ContentStudio;
  let path: string;
  const fileField = async (etagPath: string, field: string, bytes: Uint8Array, name: string) => {
    const { doc } = await page(s.editor, path);
    const file = new File([bytes as Uint8Array<ArrayBuffer>], name, { type: 'audio/mpeg' });
    return s.editor.post(`${path}/${field}`, { etag: etagIn(doc, etagPath), file });
  };

  beforeAll(async () => {
    s = await openContentStudio(await newDir());
    const created = await s.editor.post('/studio/episodes', {
      showId: '1',
      title: 'Harbour lights',
      summary: 'Who keeps the lights.',
      contentHtml: '<p>Notes</p>',
      season: '2',
      number: '7',
      type: 'bonus',
      explicit: 'no',
    });
    expect(created.status).toBe(303);
    path = new URL(created.headers.get('location') ?? '', 'https://x').pathname;
  });
  afterAll(() => s.studio.demo.close());

  it('offers a new episode of the show it was asked for, every control labelled', async () => {
    const { doc } = await page(s.editor, '/studio/episodes/new?showId=1');
    expect(doc.querySelector('#f-showId option[selected]')?.getAttribute('value')).toBe('1');
    expect(unlabelledControls(doc)).toEqual([]);
  });

  it('reads the form into the API’s shape: season, number, type, explicit', async () => {
    const { doc } = await page(s.editor, path);
    expect(doc.getElementById('f-season')?.getAttribute('value')).toBe('2');
    expect(doc.getElementById('f-number')?.getAttribute('value')).toBe('7');
    expect(doc.querySelector('#f-type option[selected]')?.getAttribute('value')).toBe('bonus');
    expect(doc.querySelector('#f-explicit option[selected]')?.getAttribute('value')).toBe('no');
    expect(doc.querySelector('[data-audio-none]')).not.toBeNull();
    expect(unlabelledControls(doc)).toEqual([]);
    for (const name of ['Publication', 'Audio', 'Chapters', 'Transcript', 'Episode artwork', 'History']) {
      expect([...doc.querySelectorAll('section h2')].map((h) => h.textContent)).toContain(name);
    }
  });

  it('says what is wrong with a number field beside it, with 400', async () => {
    const { doc } = await page(s.editor, path);
    const response = await s.editor.post(path, { ...formFields(doc, path), season: 'two', number: '-1' });
    expect(response.status).toBe(400);
    const again = documentOf(await response.text());
    expect(fieldMessages(again, 'f-season')).toBe('Error: A whole number, in digits.');
    expect(fieldMessages(again, 'f-number')).toMatch(/Too small|At least/);
  });

  it('refuses a file that is not audio beside the audio field, and stores nothing', async () => {
    const before = await filesUnder(s.studio.mediaDir);
    const text = new TextEncoder().encode('This is a text file renamed to look like audio. '.repeat(200));
    const response = await fileField(`${path}/audio`, 'audio', text, 'episode.mp3');
    expect(response.status).toBe(415);
    const doc = documentOf(await response.text());
    expect(fieldMessages(doc, 'f-audio-file')).toMatch(/not an audio file/i);
    expect(doc.querySelector('[data-audio-none]')).not.toBeNull();
    expect(await filesUnder(s.studio.mediaDir)).toEqual(before);
  });

  it('stores audio sent without the script and shows its probed facts and chapters', async () => {
    const response = await fileField(
      `${path}/audio`,
      'audio',
      await audioFixture('mp3-chapters.mp3'),
      'ch.mp3',
    );
    expect(response.status).toBe(303);
    const { doc } = await page(s.editor, path);
    const fact = (name: string) => doc.querySelector(`[data-fact="${name}"]`)?.textContent;
    expect(fact('duration')).toMatch(/^0:0\d$/);
    expect(fact('codec')).toMatch(/MPEG/);
    expect(fact('bitrate')).toMatch(/kb\/s$/);
    expect(doc.querySelectorAll('[data-fact="chapters"] li').length).toBeGreaterThan(1);
    // The chapter editor starts from the audio's own chapters.
    expect(controlValue(doc, 'f-chapters').split('\n').length).toBe(
      doc.querySelectorAll('[data-fact="chapters"] li').length,
    );
  });

  it('saves edited chapters as the episode’s chapters file, and refuses a bad line beside the field', async () => {
    const { doc } = await page(s.editor, path);
    const etag = etagIn(doc, `${path}/chapters`);
    const bad = await s.editor.post(`${path}/chapters`, { etag, chapters: '0:00 Intro\nlater Outro' });
    expect(bad.status).toBe(400);
    expect(fieldMessages(documentOf(await bad.text()), 'f-chapters')).toMatch(/Line 2: start with a time/);
    const good = await s.editor.post(`${path}/chapters`, { etag, chapters: '0:00 Intro\n0:03 The lights' });
    expect(good.status).toBe(303);
    const after = await page(s.editor, path);
    expect(controlValue(after.doc, 'f-chapters')).toBe('0:00 Intro\n0:03 The lights');
    expect(after.doc.querySelector('#chapters-panel .hint')?.textContent).toMatch(/chapters file/);
  });

  it('stores a transcript', async () => {
    const vtt = new TextEncoder().encode('WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nHello.\n');
    const response = await fileField(`${path}/transcript`, 'transcript', vtt, 'hello.vtt');
    expect(response.status).toBe(303);
    expect((await page(s.editor, path)).doc.querySelector('#transcript-panel a')?.textContent).toBe(
      'The stored transcript',
    );
  });

  it('previews the feed item with its enclosure before publishing', async () => {
    const { doc } = await page(s.editor, `${path}/preview/feed`);
    const xml = doc.querySelector('pre.feed-item')?.textContent ?? '';
    expect(xml).toMatch(/<title>Harbour lights<\/title>/);
    expect(xml).toMatch(/<enclosure url="https:\/\/news\.example\/media\//);
    expect(xml).toMatch(/<itunes:episodeType>bonus<\/itunes:episodeType>/);
    const feed = await (await s.studio.demo.app.request('/podcasts/courier-conversations/feed.xml')).text();
    expect(feed).not.toContain('Harbour lights');
  });

  it('answers the second of two editors saving the same episode with 412 and both versions', async () => {
    const { doc } = await page(s.editor, path);
    const opened = formFields(doc, path);
    const other = await page(s.contributor, '/studio'); // a second session, to make the point
    expect(other.html).toContain('Dashboard');
    expect((await s.editor.post(path, { ...opened, title: 'Harbour lights (theirs)' })).status).toBe(303);
    const stale = await s.editor.post(path, { ...opened, title: 'Harbour lights (mine)' });
    expect(stale.status).toBe(412);
    const conflict = documentOf(await stale.text());
    expect(conflict.querySelector('#conflict-title')?.textContent).toBe('Changed since you opened it');
    expect(conflict.querySelector('a[href="#versions"]')?.textContent).toBe('See both versions');
    expect(conflict.querySelector('.refusal')?.textContent).toContain('(editor@example.com)');
    const title = [...conflict.querySelectorAll('#versions tr')].find((tr) =>
      tr.querySelector('th')?.textContent?.startsWith('Title'),
    );
    expect(title?.querySelector('.theirs')?.textContent).toBe('Harbour lights (theirs)');
    expect(title?.querySelector('.yours')?.textContent).toBe('Harbour lights (mine)');
    expect(conflict.getElementById('f-title')?.getAttribute('value')).toBe('Harbour lights (mine)');
  });

  it('lists every public URL of a published episode on the delete confirmation; after deleting, they answer 410', async () => {
    const demoEpisode = '/studio/episodes/2';
    const { doc } = await page(s.editor, `${demoEpisode}/delete`);
    const urls = [...doc.querySelectorAll('ul[aria-label="Addresses that will answer 410 Gone"] code')].map(
      (c) => c.textContent ?? '',
    );
    const pagePath = '/podcasts/courier-conversations/tide-mill-part-2-the-machine';
    expect(urls).toContain(`https://news.example${pagePath}`);
    expect(urls.some((u) => u.includes('/media/'))).toBe(true);
    const response = await s.editor.post(`${demoEpisode}/delete`, formFields(doc, `${demoEpisode}/delete`));
    expect(response.status).toBe(303);
    for (const url of urls) {
      const gone = await s.studio.demo.app.request(new URL(url).pathname, { headers: HTML });
      expect(gone.status, url).toBe(410);
    }
  });
});
