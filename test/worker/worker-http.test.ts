import { readFile } from 'node:fs/promises';
import { parseFeed as parsePodcast } from 'podcast-partytime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIO_FIXTURES } from '../helpers/byte-reader.ts';
import { startWorker, type WorkerHarness } from '../helpers/worker-harness.ts';

const TOKEN = 'worker-admin-token-0123456789';
const AUTH = { authorization: `Bearer ${TOKEN}` };
const FEED = '/podcasts/courier-conversations/feed.xml';

describe('the Worker over HTTP (wrangler dev: workerd, D1, R2)', () => {
  let worker: WorkerHarness;
  const logs: string[] = [];
  let enclosure = '';
  let size = 0;

  beforeAll(async () => {
    worker = await startWorker(
      {
        BASE_URL: 'https://news.example',
        ADMIN_TOKEN: TOKEN,
        MAX_UPLOAD_BYTES: String(1024 * 1024),
        // Below the audio uploaded here (51 KB): uploads must not be held to it.
        MAX_BODY_BYTES: String(16 * 1024),
      },
      { onLog: (line) => logs.push(line) },
    );
    const feed = parsePodcast(await (await worker.fetch(FEED)).text());
    enclosure = new URL(feed?.items[1]?.enclosure.url ?? '').pathname;
    size = feed?.items[1]?.enclosure.length ?? 0;
  });
  afterAll(() => worker?.dispose());

  describe('feeds', () => {
    it('serves the podcast feed with the probed durations and enclosures R2 serves at the declared length', async () => {
      const feed = parsePodcast(await (await worker.fetch(FEED)).text());
      expect(feed?.items.map((i) => i.duration)).toEqual([1585, 1536]);
      const head = await worker.fetch(enclosure, { method: 'HEAD' });
      expect(Number(head.headers.get('content-length'))).toBe(size);
      expect(head.headers.get('content-type')).toBe('audio/mpeg');
    });

    it('answers a revalidation with 304', async () => {
      const etag = (await worker.fetch(FEED)).headers.get('etag') ?? '';
      const again = await worker.fetch(FEED, { headers: { 'if-none-match': etag } });
      expect(again.status).toBe(304);
    });
  });

  describe('media from R2', () => {
    it('answers ranges with 206 and the right Content-Range', async () => {
      const first = await worker.fetch(enclosure, { headers: { range: 'bytes=0-99' } });
      expect(first.status).toBe(206);
      expect(first.headers.get('content-range')).toBe(`bytes 0-99/${size}`);
      expect((await first.arrayBuffer()).byteLength).toBe(100);
      const suffix = await worker.fetch(enclosure, { headers: { range: 'bytes=-500' } });
      expect(suffix.headers.get('content-range')).toBe(`bytes ${size - 500}-${size - 1}/${size}`);
      const open = await worker.fetch(enclosure, { headers: { range: `bytes=${size - 10}-` } });
      expect((await open.arrayBuffer()).byteLength).toBe(10);
      const bad = await worker.fetch(enclosure, { headers: { range: `bytes=${size}-` } });
      expect(bad.status).toBe(416);
      expect(bad.headers.get('content-range')).toBe(`bytes */${size}`);
      const several = await worker.fetch(enclosure, { headers: { range: 'bytes=0-1,-2' } });
      expect(several.headers.get('content-type')).toMatch(/^multipart\/byteranges; boundary=/);
    });

    it('answers conditional requests from the asset record', async () => {
      const { headers } = await worker.fetch(enclosure, { method: 'HEAD' });
      const etag = headers.get('etag') ?? '';
      expect((await worker.fetch(enclosure, { headers: { 'if-none-match': etag } })).status).toBe(304);
      const stale = await worker.fetch(enclosure, { headers: { range: 'bytes=0-9', 'if-range': '"older"' } });
      expect(stale.status).toBe(200);
      await stale.arrayBuffer();
    });
  });

  describe('admin API', () => {
    it('refuses writes without the token, with the same problem as on Node', async () => {
      const response = await worker.fetch('/api/v1/sections', { method: 'POST' });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    });

    it('creates an episode, streams its audio into R2, probes it by ranged reads and publishes it', async () => {
      const json = { ...AUTH, 'content-type': 'application/json' };
      const show = await (
        await worker.fetch('/api/v1/shows', {
          method: 'POST',
          headers: json,
          body: JSON.stringify({
            slug: 'edge',
            title: 'Edge',
            description: 'D',
            language: 'en',
            author: 'A',
            categories: [{ category: 'News' }],
          }),
        })
      ).json();
      const episode = await (
        await worker.fetch('/api/v1/episodes', {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ showId: show.id, slug: 'one', title: 'One' }),
        })
      ).json();
      const audio = await readFile(new URL('mp3-vbr-no-header.mp3', AUDIO_FIXTURES));
      const uploaded = await worker.fetch(`/api/v1/episodes/${episode.id}/audio`, {
        method: 'PUT',
        headers: AUTH,
        body: audio,
      });
      expect(uploaded.status).toBe(200);
      expect((await uploaded.json()).audio).toMatchObject({ durationText: '0:07', mimeType: 'audio/mpeg' });
      await worker.fetch(`/api/v1/episodes/${episode.id}/publish`, {
        method: 'POST',
        headers: json,
        body: '{}',
      });
      const feed = parsePodcast(await (await worker.fetch('/podcasts/edge/feed.xml')).text());
      expect(feed?.items.map((i) => [i.title, i.duration, i.enclosure.length])).toEqual([
        ['One', 7, audio.byteLength],
      ]);
    });

    it('refuses an upload over the limit before storing it, and text posing as audio', async () => {
      const tooBig = await worker.fetch('/api/v1/episodes/1/audio', {
        method: 'PUT',
        headers: AUTH,
        body: new Uint8Array(2 * 1024 * 1024),
      });
      expect(tooBig.status).toBe(413);
      const text = await worker.fetch('/api/v1/episodes/1/audio', {
        method: 'PUT',
        headers: { ...AUTH, 'content-type': 'audio/mpeg' },
        body: 'definitely not audio '.repeat(50),
      });
      expect(text.status).toBe(415);
      const badJson = await worker.fetch('/api/v1/sections', {
        method: 'POST',
        headers: { ...AUTH, 'content-type': 'application/json' },
        body: '{nope',
      });
      expect(badJson.status).toBe(400);
    });

    it('refuses a JSON body over MAX_BODY_BYTES with 413, declared or chunked', async () => {
      const body = JSON.stringify({ slug: 'big', name: 'x'.repeat(1024 * 1024) });
      const declared = await worker.fetch('/api/v1/sections', {
        method: 'POST',
        headers: { ...AUTH, 'content-type': 'application/json' },
        body,
      });
      const chunked = await worker.fetch('/api/v1/sections', {
        method: 'POST',
        headers: { ...AUTH, 'content-type': 'application/json' },
        body: new Blob([body]).stream(),
        duplex: 'half',
      } as RequestInit);
      for (const response of [declared, chunked]) {
        expect(response.status).toBe(413);
        expect(response.headers.get('content-type')).toBe('application/problem+json');
        expect((await response.json()).detail).toBe(
          'the request body is larger than the limit of 16384 bytes (MAX_BODY_BYTES)',
        );
      }
    });
  });

  it('logs the client from CF-Connecting-IP, never from a forged X-Forwarded-For', async () => {
    const id = 'client-address-check';
    await (
      await worker.fetch('/healthz', { headers: { 'x-forwarded-for': '6.6.6.6', 'x-request-id': id } })
    ).arrayBuffer();
    await new Promise((r) => setTimeout(r, 200));
    const line = logs.filter((l) => l.includes(id)).map((l) => JSON.parse(l.slice(l.indexOf('{'))))[0];
    // wrangler dev sets CF-Connecting-IP to the loopback peer, as Cloudflare sets it to the visitor.
    expect(line).toMatchObject({ msg: 'request', client: '127.0.0.1' });
  });
});
