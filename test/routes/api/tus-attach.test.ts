// Attaching finished tus uploads to episodes, shows and articles; expiry; whose uploads are whose.
import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../../src/auth/principal.ts';
import { sweepExpiredUploads } from '../../../src/catalog/tus/tus-expiry.ts';
import { createTusUpload, openTusUpload } from '../../../src/catalog/tus/tus-records.ts';
import { users } from '../../../src/db/schema.ts';
import {
  type AdminApp,
  AUTH,
  audioFixture,
  imageFixture,
  minimalShow,
  openAdminApp,
} from '../../helpers/admin-client.ts';
import { tempDirs } from '../../helpers/temp-dir.ts';
import { createUpload, patchUpload, TUS_AUTH } from '../../helpers/tus.ts';

const DAY = 24 * 60 * 60 * 1000;

describe('attaching finished uploads', () => {
  const newDir = tempDirs();
  let api: AdminApp;
  let showId: number;
  const request = (path: string, init?: RequestInit) => api.demo.app.request(path, init);

  /** Uploads `bytes` with tus in two PATCHes and returns the upload URL. */
  async function uploaded(bytes: Uint8Array, filename = 'file.bin'): Promise<string> {
    const { path } = await createUpload(request, bytes.byteLength, { filename });
    const half = Math.floor(bytes.byteLength / 2);
    expect((await patchUpload(request, path, 0, bytes.subarray(0, half))).status).toBe(204);
    const last = await patchUpload(request, path, half, bytes.subarray(half));
    expect(last.status, await last.clone().text()).toBe(204);
    return `https://news.example${path}`;
  }
  const attach = (path: string, upload: string, headers: Record<string, string> = {}) =>
    api.call('PUT', path, { upload }, headers);
  const uploadFiles = async () => readdir(`${api.mediaDir}/uploads`).catch(() => [] as string[]);

  beforeAll(async () => {
    api = await openAdminApp(await newDir(), { MAX_UPLOAD_BYTES: String(4 * 1024 * 1024) });
    showId = (await (await api.call('POST', '/shows', minimalShow('attach', 'Attach'))).json()).id;
  });
  afterAll(() => api.demo.close());

  async function newEpisode(slug: string) {
    return (await (await api.call('POST', '/episodes', { showId, slug, title: slug })).json()) as {
      id: number;
    };
  }

  it('gives an episode its audio by upload id or URL, with If-Match, and the same upload again changes nothing', async () => {
    const episode = await newEpisode('one');
    const url = await uploaded(await audioFixture('mp3-cbr-info.mp3'), 'one.mp3');
    const stale = await attach(`/episodes/${episode.id}/audio`, url, { 'if-match': '"nope"' });
    expect(stale.status).toBe(412);
    const etag = (await api.call('GET', `/episodes/${episode.id}`)).headers.get('etag') as string;
    const first = await attach(`/episodes/${episode.id}/audio`, url, { 'if-match': etag });
    expect(first.status).toBe(200);
    const body = await first.json();
    const view = await (await request(new URL(url).pathname, { headers: AUTH })).json();
    expect(body.audio).toMatchObject({
      id: view.assetId,
      url: view.url,
      durationSeconds: view.durationSeconds,
    });
    const again = await attach(`/episodes/${episode.id}/audio`, url.split('/').pop() as string);
    expect(again.status).toBe(200);
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
  });

  it('redirects a replaced file to the upload that replaced it, as a raw upload does', async () => {
    const episode = await newEpisode('two');
    await api.upload(`/episodes/${episode.id}/audio`, await audioFixture('mp3-vbr-xing.mp3'));
    const before = (await (await api.call('GET', `/episodes/${episode.id}`)).json()).audio.url as string;
    const url = await uploaded(await audioFixture('mp3-cbr-info.mp3'), 'two.mp3');
    const after = (await (await attach(`/episodes/${episode.id}/audio`, url)).json()).audio.url as string;
    const old = await request(new URL(before).pathname, { headers: AUTH, redirect: 'manual' });
    expect(old.status).toBe(301);
    expect(old.headers.get('location')).toBe(after);
  });

  it('checks the slot: artwork rules for show artwork, audio for audio, images for images', async () => {
    const small = await uploaded(await imageFixture('small-800.jpg'), 'small.jpg');
    const square = await uploaded(await imageFixture('square-1400.jpg'), 'square.jpg');
    const sound = await uploaded(await audioFixture('wav.wav'), 'sound.wav');
    expect((await attach(`/shows/${showId}/artwork`, small)).status).toBe(422);
    expect((await attach(`/shows/${showId}/artwork`, sound)).status).toBe(415);
    const show = await attach(`/shows/${showId}/artwork`, square);
    expect(show.status).toBe(200);
    expect((await show.json()).artwork).toMatchObject({ width: 1400, height: 1400 });
    const episode = await newEpisode('three');
    expect((await attach(`/episodes/${episode.id}/audio`, square)).status).toBe(415);
    expect((await attach(`/episodes/${episode.id}/image`, square)).status).toBe(200);
    const article = await api.call('GET', '/articles?page=1');
    const articleId = (await article.json()).items[0].id as number;
    expect((await attach(`/articles/${articleId}/image`, sound)).status).toBe(415);
    const withImage = await attach(`/articles/${articleId}/image`, small);
    expect(withImage.status).toBe(200);
    expect((await withImage.json()).image).toMatchObject({ width: 800 });
  });

  it('refuses what names no finished upload of yours: 400 on the field, 409 while unfinished', async () => {
    const episode = await newEpisode('four');
    for (const reference of [
      '',
      'nope',
      '0123456789abcdef0123456789abcdef',
      'https://elsewhere.example/api/v1/uploads/x',
    ]) {
      const response = await attach(`/episodes/${episode.id}/audio`, reference);
      expect(response.status, reference).toBe(400);
      expect((await response.json()).detail).toMatch(/upload/);
    }
    const unknownField = await api.call('PUT', `/episodes/${episode.id}/audio`, { upload: 'x', extra: 1 });
    expect(unknownField.status).toBe(400);
    const { path } = await createUpload(request, 1000);
    const unfinished = await attach(`/episodes/${episode.id}/audio`, path.split('/').pop() as string);
    expect(unfinished.status).toBe(409);
    expect((await api.call('GET', `/episodes/${episode.id}`)).status).toBe(200);
  });

  it('keeps MAX_BODY_BYTES for a JSON attach body, unlike a raw file', async () => {
    const episode = await newEpisode('five');
    const huge = await api.call('PUT', `/episodes/${episode.id}/audio`, {
      upload: 'x'.repeat(5 * 1024 * 1024),
    });
    expect(huge.status).toBe(413);
  });

  it('removes an expired unattached upload with its file, but keeps an attached one’s file', async () => {
    const loose = await uploaded(await audioFixture('mp3-cbr-no-header.mp3'), 'loose.mp3');
    const kept = await uploaded(await audioFixture('mp3-speech-no-header.mp3'), 'kept.mp3');
    const unfinished = (await createUpload(request, 5000)).path;
    await patchUpload(request, unfinished, 0, new Uint8Array(100).fill(1));
    const episode = await newEpisode('six');
    expect((await attach(`/episodes/${episode.id}/audio`, kept)).status).toBe(200);
    const looseFile = new URL((await (await request(new URL(loose).pathname, { headers: AUTH })).json()).url);
    const filesBefore = await uploadFiles();
    expect(filesBefore).toContain(looseFile.pathname.split('/').pop());

    api.clock.at += DAY + 1000;
    // Expired but not yet swept: 410 Gone.
    expect((await request(unfinished, { method: 'HEAD', headers: TUS_AUTH })).status).toBe(410);
    expect((await patchUpload(request, unfinished, 100, new Uint8Array(1))).status).toBe(410);
    const report = await sweepExpiredUploads({
      db: api.demo.deps.db,
      media: api.demo.deps.media,
      now: new Date(api.clock.at),
    });
    expect(report.removed).toEqual(
      expect.arrayContaining([loose, kept, unfinished].map((u) => u.split('/').pop())),
    );
    expect((await request(unfinished, { method: 'HEAD', headers: TUS_AUTH })).status).toBe(404);
    expect(await readdir(`${api.mediaDir}/.tus`)).toEqual([]);
    const filesAfter = await uploadFiles();
    expect(filesAfter).not.toContain(looseFile.pathname.split('/').pop());
    const audio = (await (await api.call('GET', `/episodes/${episode.id}`)).json()).audio;
    expect(filesAfter).toContain(new URL(audio.url).pathname.split('/').pop());
    expect((await request(new URL(audio.url).pathname, { headers: AUTH })).status).toBe(200);
  });

  it('lets only the creator (or an admin) see an upload: others get 404', async () => {
    const db = api.demo.deps.db;
    const now = new Date(api.clock.at);
    const [alice, bob] = await db
      .insert(users)
      .values(
        ['alice@example.com', 'bob@example.com'].map((email) => ({
          email,
          role: 'editor' as const,
          passwordHash: 'x',
          createdAt: now,
          updatedAt: now,
        })),
      )
      .returning();
    const as = (p: Principal) => ({
      db,
      baseUrl: 'https://news.example',
      now,
      actor: p,
      media: api.demo.deps.media,
      maxUploadBytes: 1000,
      expiryMs: DAY,
      instance: 'test',
      clock: () => now,
    });
    const aliceP: Principal = { userId: alice!.id, role: 'editor', label: alice!.email };
    const bobP: Principal = { userId: bob!.id, role: 'editor', label: bob!.email };
    const upload = await createTusUpload(as(aliceP), { length: 10, metadata: {} });
    expect(upload.userId).toBe(alice!.id);
    await expect(openTusUpload(as(bobP), upload.id)).rejects.toMatchObject({ status: 404 });
    await expect(openTusUpload(as({ ...bobP, role: 'admin' }), upload.id)).resolves.toMatchObject({
      id: upload.id,
    });
    await expect(openTusUpload(as(aliceP), upload.id)).resolves.toMatchObject({ id: upload.id });
    // Through HTTP, the operator's token is an admin: it sees Alice's upload too.
    const head = await request(`/api/v1/uploads/${upload.id}`, { method: 'HEAD', headers: TUS_AUTH });
    expect(head.status).toBe(200);
  });
});
