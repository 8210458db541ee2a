import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AdminApp, audioFixture, openAdminApp } from '../helpers/admin-client.ts';
import { tempDirs } from '../helpers/temp-dir.ts';

const SHOW = {
  slug: 'merge-show',
  title: 'Merge Show',
  subtitle: 'Every week',
  description: 'A show.',
  language: 'en',
  author: 'Newsroom',
  categories: [{ category: 'News', subcategory: 'Daily News' }],
  type: 'serial',
  explicit: true,
  locked: true,
  funding: [{ url: 'https://news.example/support', title: 'Support us' }],
};

describe('admin API writes (PATCH, If-Match, text and ids)', () => {
  const newDir = tempDirs();
  let api: AdminApp;
  let show: { id: number };
  let sectionId: number;

  beforeAll(async () => {
    api = await openAdminApp(await newDir());
    show = await (await api.call('POST', '/shows', SHOW)).json();
    const section = await (
      await api.call('POST', '/sections', {
        slug: 'merge-section',
        name: 'Merge',
        description: 'Kept.',
        position: 7,
      })
    ).json();
    sectionId = section.id;
  });
  afterAll(() => api.demo.close());

  async function newEpisode(slug: string) {
    const response = await api.call('POST', '/episodes', {
      showId: show.id,
      slug,
      title: `Episode ${slug}`,
      summary: 'What it is about.',
      contentHtml: '<p>Show notes.</p>',
      number: 1,
      season: 2,
      type: 'bonus',
      block: true,
      persons: [{ name: 'Ada Host', role: 'host' }],
    });
    expect(response.status).toBe(201);
    return response.json();
  }

  describe('PATCH changes exactly the fields sent (RFC 7396)', () => {
    it('keeps an episode’s notes, persons, type and block when only its number is sent', async () => {
      const before = await newEpisode('numbered');
      const response = await api.call('PATCH', `/episodes/${before.id}`, { number: 5 });
      expect(response.status).toBe(200);
      const after = await (await api.call('GET', `/episodes/${before.id}`)).json();
      expect(after).toEqual({ ...before, number: 5, updatedAt: after.updatedAt });
    });

    it('keeps a show serial, explicit, locked, subtitled and funded when only its title is sent', async () => {
      const before = await (await api.call('GET', `/shows/${show.id}`)).json();
      await api.call('PATCH', `/shows/${show.id}`, { title: 'Renamed Show' });
      const after = await (await api.call('GET', `/shows/${show.id}`)).json();
      expect(after).toEqual({ ...before, title: 'Renamed Show', updatedAt: after.updatedAt });
      expect(after).toMatchObject({ type: 'serial', explicit: true, locked: true, subtitle: 'Every week' });
    });

    it('keeps an article’s standfirst, body, authors, tags and alt text when only its headline is sent', async () => {
      const created = await (
        await api.call('POST', '/articles', {
          slug: 'merge-article',
          headline: 'Before',
          standfirst: 'Standfirst kept.',
          bodyHtml: '<p>Body kept.</p>',
          authors: [{ name: 'Reporter' }],
          sectionId,
          tags: ['kept'],
          imageAlt: 'Alt kept',
        })
      ).json();
      await api.call('PATCH', `/articles/${created.id}`, { headline: 'After' });
      const after = await (await api.call('GET', `/articles/${created.id}`)).json();
      expect(after).toEqual({ ...created, headline: 'After', updatedAt: after.updatedAt });
    });

    it('keeps a section’s description and position when only its name is sent', async () => {
      await api.call('PATCH', `/sections/${sectionId}`, { name: 'Renamed' });
      const after = await (await api.call('GET', `/sections/${sectionId}`)).json();
      expect(after).toMatchObject({ name: 'Renamed', description: 'Kept.', position: 7 });
    });

    it('clears a nullable field with null and resets a field that has a default', async () => {
      const episode = await newEpisode('cleared');
      const response = await api.call('PATCH', `/episodes/${episode.id}`, {
        season: null,
        summary: null,
        persons: null,
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        season: null,
        summary: '',
        persons: [],
        number: 1,
        contentHtml: '<p>Show notes.</p>',
      });
    });

    it('refuses null for a required field and a field it does not know, changing nothing', async () => {
      const episode = await newEpisode('refused');
      for (const body of [{ title: null }, { tittle: 'typo' }, { number: 3, extra: true }]) {
        const response = await api.call('PATCH', `/episodes/${episode.id}`, body);
        expect(response.status, JSON.stringify(body)).toBe(400);
        expect(response.headers.get('content-type')).toBe('application/problem+json');
      }
      expect(await (await api.call('GET', `/episodes/${episode.id}`)).json()).toEqual(episode);
    });
  });

  describe('ETag and If-Match', () => {
    it('answers every read and write with the record’s ETag, and 304 to If-None-Match', async () => {
      const episode = await newEpisode('tagged');
      const read = await api.call('GET', `/episodes/${episode.id}`);
      const etag = read.headers.get('etag');
      expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
      const again = await api.call('GET', `/episodes/${episode.id}`, undefined, { 'if-none-match': etag! });
      expect(again.status).toBe(304);
      const patched = await api.call('PATCH', `/episodes/${episode.id}`, { title: 'New title' });
      expect(patched.headers.get('etag')).not.toBe(etag);
      const reread = await api.call('GET', `/episodes/${episode.id}`);
      expect(reread.headers.get('etag')).toBe(patched.headers.get('etag'));
    });

    it('applies a write whose If-Match is current and refuses one whose If-Match is stale (412), losing nothing', async () => {
      const episode = await newEpisode('conditional');
      const etag = (await api.call('GET', `/episodes/${episode.id}`)).headers.get('etag')!;
      const first = await api.call(
        'PATCH',
        `/episodes/${episode.id}`,
        { title: 'Editor A' },
        { 'if-match': etag },
      );
      expect(first.status).toBe(200);
      const second = await api.call(
        'PATCH',
        `/episodes/${episode.id}`,
        { title: 'Editor B' },
        { 'if-match': etag },
      );
      expect(second.status).toBe(412);
      expect(second.headers.get('content-type')).toBe('application/problem+json');
      expect((await (await api.call('GET', `/episodes/${episode.id}`)).json()).title).toBe('Editor A');
      // a weak tag never matches (strong comparison); `*` matches any current record
      const weak = await api.call(
        'PATCH',
        `/episodes/${episode.id}`,
        { title: 'W' },
        { 'if-match': `W/${first.headers.get('etag')}` },
      );
      expect(weak.status).toBe(412);
      const any = await api.call('PATCH', `/episodes/${episode.id}`, { title: 'Any' }, { 'if-match': '*' });
      expect(any.status).toBe(200);
      // without If-Match a write applies as before
      expect((await api.call('PATCH', `/episodes/${episode.id}`, { title: 'Plain' })).status).toBe(200);
    });

    it('lets exactly one of many concurrent writes with the same If-Match through', async () => {
      const episode = await newEpisode('racing');
      const etag = (await api.call('GET', `/episodes/${episode.id}`)).headers.get('etag')!;
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          api.call('PATCH', `/episodes/${episode.id}`, { title: `Editor ${i}` }, { 'if-match': etag }),
        ),
      );
      const statuses = results.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 412)).toHaveLength(11);
    });

    it('guards deletes, publication, pairing and uploads the same way', async () => {
      const episode = await newEpisode('guarded');
      const stale = (await api.call('GET', `/episodes/${episode.id}`)).headers.get('etag')!;
      await api.call('PATCH', `/episodes/${episode.id}`, { title: 'Changed meanwhile' });
      const ifMatch = { 'if-match': stale };
      expect((await api.call('DELETE', `/episodes/${episode.id}`, undefined, ifMatch)).status).toBe(412);
      expect((await api.call('POST', `/episodes/${episode.id}/unpublish`, undefined, ifMatch)).status).toBe(
        412,
      );
      const audio = await api.upload(
        `/episodes/${episode.id}/audio`,
        await audioFixture('mp3-cbr-info.mp3'),
        ifMatch,
      );
      expect(audio.status).toBe(412);
      expect((await api.call('GET', `/episodes/${episode.id}`)).status).toBe(200);
      expect((await (await api.call('GET', `/episodes/${episode.id}`)).json()).audio).toBeNull();

      const section = (await api.call('GET', `/sections/${sectionId}`)).headers.get('etag')!;
      await api.call('PATCH', `/sections/${sectionId}`, { position: 8 });
      expect(
        (await api.call('DELETE', `/sections/${sectionId}`, undefined, { 'if-match': section })).status,
      ).toBe(412);
    });
  });

  describe('text XML cannot carry', () => {
    it('refuses NUL, other C0 controls, lone surrogates and U+FFFF with a 400 naming the field, never truncating', async () => {
      const episode = await newEpisode('controls');
      for (const [field, value] of [
        ['summary', 'before\u0000after'],
        ['title', 'bell\u0007'],
        ['contentHtml', '<p>\uD800</p>'],
        ['summary', 'x\uFFFF'],
      ] as const) {
        const response = await api.call('PATCH', `/episodes/${episode.id}`, { [field]: value });
        expect(response.status, field).toBe(400);
        const problem = await response.json();
        expect(problem.detail).toContain(`${field}:`);
        expect(problem.detail).toMatch(/U\+(0000|0007|D800|FFFF)/);
      }
      expect(await (await api.call('GET', `/episodes/${episode.id}`)).json()).toEqual(episode);
      // tabs, newlines, emoji and bidi marks are text
      const fine = await api.call('PATCH', `/episodes/${episode.id}`, { summary: 'a\tb\nc 😀 \u202Eevil' });
      expect((await fine.json()).summary).toBe('a\tb\nc 😀 \u202Eevil');
    });
  });

  describe('ids', () => {
    it('takes only decimal ids in paths and queries (400 otherwise)', async () => {
      for (const id of ['0x1', '1e0', '01', '+1', '1.0', '0', '-1', '99999999999999999999']) {
        const response = await api.call('GET', `/sections/${id}`);
        expect(response.status, id).toBe(400);
      }
      expect((await api.call('GET', `/episodes?showId=0x1`)).status).toBe(400);
      expect((await api.call('GET', `/articles?page=1e1`)).status).toBe(400);
      expect((await api.call('GET', `/sections/${sectionId}`)).status).toBe(200);
    });
  });

  describe('one rule for what is live, one source for public URLs', () => {
    it('lists a scheduled episode to the public once its time has come, as feeds and pages do', async () => {
      const episode = await newEpisode('scheduled-list');
      await api.upload(`/episodes/${episode.id}/audio`, await audioFixture('mp3-cbr-info.mp3'));
      const at = new Date(api.clock.at + 60_000).toISOString();
      expect((await api.call('POST', `/episodes/${episode.id}/publish`, { at })).status).toBe(200);
      const publicIds = async () =>
        (
          (await (await api.demo.app.request(`/api/v1/episodes?showId=${show.id}`)).json()).items as {
            id: number;
          }[]
        ).map((e) => e.id);
      expect(await publicIds()).not.toContain(episode.id);
      api.clock.at += 120_000;
      expect(await publicIds()).toContain(episode.id);
      expect((await api.demo.app.request(`/api/v1/episodes/${episode.id}`)).status).toBe(200);
    });

    it('redirects a renamed episode’s page, chapters and embed player to their new addresses', async () => {
      const episode = await newEpisode('old-name');
      await api.upload(`/episodes/${episode.id}/audio`, await audioFixture('mp3-cbr-info.mp3'));
      await api.call('POST', `/episodes/${episode.id}/publish`, {});
      await api.call('PATCH', `/episodes/${episode.id}`, { slug: 'new-name' });
      for (const suffix of ['', '/chapters.json', '/embed']) {
        const response = await api.demo.app.request(`/podcasts/merge-show/old-name${suffix}`, {
          redirect: 'manual',
        });
        expect(response.status, suffix).toBe(301);
        expect(response.headers.get('location'), suffix).toMatch(
          new RegExp(`/podcasts/merge-show/new-name${suffix}$`),
        );
      }
    });
  });
});
