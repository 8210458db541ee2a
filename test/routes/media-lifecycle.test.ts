import { readdir } from 'node:fs/promises';
import { like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUPERSEDED_GRACE_MS, sweepMediaJournal } from '../../src/catalog/media-journal.ts';
import { mediaAssets, mediaJournal } from '../../src/db/schema.ts';
import {
  type AdminApp,
  AUTH,
  audioFixture,
  BASE,
  minimalShow,
  openAdminApp,
} from '../helpers/admin-client.ts';
import { tempDirs } from '../helpers/temp-dir.ts';

describe('media lifecycle: replacement, drafts, deletion', () => {
  const newDir = tempDirs();
  let api: AdminApp;
  let showId: number;

  beforeAll(async () => {
    api = await openAdminApp(await newDir());
    const show = await api.call('POST', '/shows', minimalShow('files', 'Files'));
    showId = (await show.json()).id;
  });
  afterAll(() => api.demo.close());

  const showFiles = async () =>
    (await readdir(`${api.mediaDir}/shows/files`).catch(() => [] as string[])).filter(
      (f) => !f.startsWith('.'),
    );
  const get = (url: string, headers: Record<string, string> = {}) =>
    api.demo.app.request(new URL(url).pathname, { headers, redirect: 'manual' });
  const sweep = () =>
    sweepMediaJournal(api.demo.deps.db, api.demo.deps.media, {
      now: new Date(api.clock.at),
      ownerGone: () => false,
    });

  async function newEpisode(slug: string) {
    const response = await api.call('POST', '/episodes', { showId, slug, title: slug });
    return (await response.json()) as { id: number };
  }

  it('keeps a draft’s audio from the public (404) but serves it to the admin, privately', async () => {
    const episode = await newEpisode('draft-audio');
    const put = await api.upload(`/episodes/${episode.id}/audio`, await audioFixture('mp3-cbr-info.mp3'));
    const url = (await put.json()).audio.url as string;
    const anonymous = await get(url);
    expect(anonymous.status).toBe(404);
    expect(anonymous.headers.get('content-type')).toBe('application/problem+json');
    const admin = await get(url, AUTH);
    expect(admin.status).toBe(200);
    expect(admin.headers.get('cache-control')).toBe('private, no-store');
    await api.call('POST', `/episodes/${episode.id}/publish`, {});
    const published = await get(url);
    expect(published.status).toBe(200);
    expect(published.headers.get('cache-control')).toContain('immutable');
  });

  it('redirects a replaced file’s URL to the new one and removes the old file after the grace period', async () => {
    const episode = await newEpisode('replaced');
    await api.call('POST', `/episodes/${episode.id}/publish`, {}); // refused without audio; publish after
    const first = await (
      await api.upload(`/episodes/${episode.id}/audio`, await audioFixture('mp3-cbr-info.mp3'))
    ).json();
    await api.call('POST', `/episodes/${episode.id}/publish`, {});
    const second = await (
      await api.upload(`/episodes/${episode.id}/audio`, await audioFixture('mp3-vbr-xing.mp3'))
    ).json();
    expect(second.audio.url).not.toBe(first.audio.url);
    const old = await get(first.audio.url);
    expect(old.status).toBe(301);
    expect(old.headers.get('location')).toBe(second.audio.url);
    expect((await get(second.audio.url)).status).toBe(200);

    const oldName = first.audio.url.slice(first.audio.url.lastIndexOf('/') + 1);
    expect(await showFiles()).toContain(oldName); // in-flight downloads may finish
    api.clock.at += SUPERSEDED_GRACE_MS - 1000;
    await sweep();
    expect(await showFiles()).toContain(oldName);
    api.clock.at += 2000;
    expect((await sweep()).removed).toEqual([first.audio.url.slice(`${BASE}/media/`.length + 17)]);
    expect(await showFiles()).not.toContain(oldName);
    expect((await get(first.audio.url)).status).toBe(301); // the redirect outlives the file
  });

  it('keeps one file per episode however often the audio is replaced', async () => {
    const episode = await newEpisode('churn');
    const fixtures = ['mp3-cbr-info.mp3', 'mp3-vbr-xing.mp3', 'mp3-vbr-vbri.mp3', 'mp3-cbr-no-header.mp3'];
    let last = '';
    for (let i = 0; i < 10; i++) {
      const put = await api.upload(
        `/episodes/${episode.id}/audio`,
        await audioFixture(fixtures[i % 4] as string),
      );
      expect(put.status).toBe(200);
      last = (await put.json()).audio.url;
    }
    api.clock.at += SUPERSEDED_GRACE_MS + 1000;
    await sweep();
    const mine = (await showFiles()).filter((f) => f.startsWith('churn-'));
    expect(mine).toEqual([last.slice(last.lastIndexOf('/') + 1)]);
    expect(await api.demo.deps.db.select().from(mediaJournal)).toEqual([]);
  });

  it('removes a deleted episode’s files and records at once; their URLs answer 410', async () => {
    const episode = await newEpisode('deleted');
    const put = await (
      await api.upload(`/episodes/${episode.id}/audio`, await audioFixture('mp3-cbr-info.mp3'))
    ).json();
    await api.call('POST', `/episodes/${episode.id}/publish`, {});
    expect((await api.call('DELETE', `/episodes/${episode.id}`)).status).toBe(204);
    expect((await showFiles()).filter((f) => f.startsWith('deleted-'))).toEqual([]);
    expect((await get(put.audio.url)).status).toBe(410);
  });

  /** A body that hands over its bytes only when released; `reading` settles when the upload starts reading it. */
  function heldBody(bytes: Uint8Array) {
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started = () => {};
    const reading = new Promise<void>((resolve) => {
      started = resolve;
    });
    let sent = false;
    const stream = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          if (sent) return controller.close();
          sent = true;
          started();
          await released;
          controller.enqueue(bytes);
        },
      },
      { highWaterMark: 0 },
    );
    const put = (path: string) =>
      api.demo.app.request(`/api/v1${path}`, {
        method: 'PUT',
        headers: { ...AUTH, 'content-type': 'application/octet-stream' },
        body: stream,
        duplex: 'half',
      } as RequestInit);
    return { put, reading, release };
  }
  const recorded = async (prefix: string) =>
    (
      await api.demo.deps.db
        .select({ key: mediaAssets.key })
        .from(mediaAssets)
        .where(like(mediaAssets.key, `${prefix}%`))
    ).map((row) => row.key);

  it('refuses an upload whose episode is deleted while the file is stored (409), and keeps nothing of it', async () => {
    const episode = await newEpisode('deleted-meanwhile');
    const held = heldBody(await audioFixture('mp3-cbr-info.mp3'));
    const put = held.put(`/episodes/${episode.id}/audio`);
    await held.reading; // the episode has been read: the upload is under way
    expect((await api.call('DELETE', `/episodes/${episode.id}`)).status).toBe(204);
    held.release();
    expect((await put).status).toBe(409);
    expect((await showFiles()).filter((f) => f.startsWith('deleted-meanwhile-'))).toEqual([]);
    expect(await recorded('shows/files/deleted-meanwhile-')).toEqual([]);
    expect(await api.demo.deps.db.select().from(mediaJournal)).toEqual([]);
  });

  it('refuses the later of two uploads that replace the same audio at once (409); nothing of it is left', async () => {
    const episode = await newEpisode('raced');
    const first = await (
      await api.upload(`/episodes/${episode.id}/audio`, await audioFixture('mp3-cbr-info.mp3'))
    ).json();
    const held = heldBody(await audioFixture('mp3-vbr-xing.mp3'));
    const slow = held.put(`/episodes/${episode.id}/audio`);
    await held.reading; // it read the first audio as the one it replaces
    const fast = await api.upload(`/episodes/${episode.id}/audio`, await audioFixture('mp3-chapters.mp3'));
    expect(fast.status).toBe(200);
    const winner = (await fast.json()).audio.url as string;
    held.release();
    expect((await slow).status).toBe(409);
    expect((await (await api.call('GET', `/episodes/${episode.id}`)).json()).audio.url).toBe(winner);
    const key = (url: string) => url.slice(url.indexOf('/shows/') + 1);
    expect(await recorded('shows/files/raced-')).toEqual([key(winner)]);
    // The first file waits out its grace period, journalled; the refused one is gone already.
    expect((await showFiles()).filter((f) => f.startsWith('raced-')).sort()).toEqual(
      [key(first.audio.url), key(winner)].map((k) => k.slice('shows/files/'.length)).sort(),
    );
  });
});
