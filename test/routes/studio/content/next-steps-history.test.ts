import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDateTime } from '../../../../src/domain/dates.ts';
import { AUTH, audioFixture } from '../../../helpers/admin-client.ts';
import { type ContentStudio, openContentStudio, page } from '../../../helpers/studio-screens.ts';
import { tempDirs } from '../../../helpers/temp-dir.ts';

const TIME_ZONE = 'America/New_York';
/** 23:30 in UTC is 18:30 in New York: a time shown in UTC would be caught. */
const AT = new Date('2026-01-15T23:30:00Z');

describe('a first session in the studio: next steps, and who changed what', () => {
  const newDir = tempDirs();
  let s: ContentStudio;
  let showPath: string;
  let episodePath: string;

  beforeAll(async () => {
    s = await openContentStudio(await newDir(), { TIME_ZONE });
    s.studio.clock.at = AT.getTime();
  });
  afterAll(() => s.studio.demo.close());

  it('after creating a show, says what comes next and offers “Add the first episode” for that show', async () => {
    const created = await s.editor.post('/studio/shows', {
      title: 'Night Ferry',
      description: 'Stories from the late boat.',
      language: 'en-GB',
      author: 'Millbrook Courier',
      ownerEmail: 'podcasts@example.com',
      categories: 'News',
      type: 'episodic',
    });
    expect(created.status).toBe(303);
    const location = new URL(created.headers.get('location') ?? '', 'https://x');
    expect(location.search).toBe('?done=show-created');
    showPath = location.pathname;
    const id = showPath.split('/').pop();
    const { doc } = await page(s.editor, `${showPath}${location.search}`);
    expect(doc.querySelector('.flash')?.textContent).toMatch(/Next: its artwork, then its first episode/);
    const next = [...doc.querySelectorAll('#show-episodes-panel a')].find(
      (a) => a.textContent === 'Add the first episode',
    );
    expect(next?.getAttribute('href')).toBe(`/studio/episodes/new?showId=${id}`);
    const form = await page(s.editor, `/studio/episodes/new?showId=${id}`);
    expect(form.doc.querySelector('#f-showId option[selected]')?.getAttribute('value')).toBe(id);
  });

  it('after creating an episode, lands on its Audio panel with a line saying to upload the audio', async () => {
    const showId = showPath.split('/').pop() as string;
    const created = await s.editor.post('/studio/episodes', {
      showId,
      title: 'The last crossing',
      explicit: 'no',
      type: 'full',
    });
    expect(created.status).toBe(303);
    const location = created.headers.get('location') ?? '';
    expect(location).toMatch(/^\/studio\/episodes\/\d+\?done=episode-created#audio-panel$/);
    episodePath = new URL(location, 'https://x').pathname;
    const { doc } = await page(s.editor, `${episodePath}?done=episode-created`);
    expect(doc.querySelector('.flash')?.textContent).toMatch(/upload its audio, in the Audio panel/);
    expect(doc.querySelector('section#audio-panel input[type="file"]')).not.toBeNull();
    // The show now counts it, and offers another.
    const show = await page(s.editor, showPath);
    expect(show.doc.querySelector('#show-episodes-panel')?.textContent).toMatch(/1 episode.*Add an episode/s);
  });

  it('shows each write on the item’s screen with the studio user who made it, at the time in TIME_ZONE', async () => {
    const id = episodePath.split('/').pop();
    // The script's path: the API with the session cookie and its CSRF header (no ADMIN_TOKEN anywhere).
    s.studio.clock.at = AT.getTime() + 60_000;
    const attached = await s.editor.request(`/api/v1/episodes/${id}/audio`, {
      method: 'PUT',
      headers: {
        origin: 'https://news.example',
        'x-csrf-token': s.editor.csrfToken,
        'content-type': 'audio/mpeg',
      },
      body: (await audioFixture('mp3-chapters.mp3')) as Uint8Array<ArrayBuffer>,
    });
    expect(attached.status).toBe(200);
    // The operator's token is recorded as such, and only for its own write.
    s.studio.clock.at = AT.getTime() + 120_000;
    const patched = await s.studio.demo.app.request(`/api/v1/episodes/${id}`, {
      method: 'PATCH',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ summary: 'By the operator.' }),
    });
    expect(patched.status).toBe(200);

    const { doc } = await page(s.editor, episodePath);
    const entries = [...doc.querySelectorAll('#history-title + ol li')].map((li) => li.textContent ?? '');
    expect(entries).toHaveLength(3);
    const [operator, upload, create] = entries;
    expect(operator).toMatch(/ADMIN_TOKEN/);
    expect(upload).toContain('editor@example.com');
    expect(upload).not.toContain('ADMIN_TOKEN');
    expect(create).toContain('editor@example.com');
    expect(create).toContain(formatDateTime(AT, TIME_ZONE));
    expect(create).toMatch(/18:30/);
    // Sentences, not codes: what was done, then who did it.
    expect(create).toMatch(/: Created: .+, by editor@example\.com$/);
    expect(upload).toMatch(/: Audio added, by editor@example\.com$/);
    expect(upload).toMatch(/18:31/);
    const times = [...doc.querySelectorAll('#history-title + ol li time')].map((t) =>
      t.getAttribute('datetime'),
    );
    expect(times).toEqual([
      new Date(AT.getTime() + 120_000).toISOString(),
      new Date(AT.getTime() + 60_000).toISOString(),
      AT.toISOString(),
    ]);
    // The show's screen has its history too.
    const show = await page(s.editor, showPath);
    expect(show.doc.querySelector('#history-title + ol li')?.textContent).toContain('editor@example.com');
  });
});
