import { readdir, readFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { parseFeed as parsePodcast } from 'podcast-partytime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { AUDIO_FIXTURES } from '../helpers/byte-reader.ts';
import { DEMO_NOW, openDemoApp } from '../helpers/demo-app.ts';
import { listen } from '../helpers/http-server.ts';
import { REPO_ROOT } from '../helpers/spawn-podwire.ts';
import { tempDirs } from '../helpers/temp-dir.ts';

const TOKEN = 'test-admin-token-0123456789';
const AUTH = { authorization: `Bearer ${TOKEN}` };
const BASE = 'https://news.example';
const fixture = async (name: string) => new Uint8Array(await readFile(new URL(name, AUDIO_FIXTURES)));
const image = async (name: string) =>
  new Uint8Array(await readFile(join(REPO_ROOT, 'test/fixtures/images', name)));

describe('admin API', () => {
  const newDir = tempDirs();
  let demo: Awaited<ReturnType<typeof openDemoApp>>;
  let dir: string;
  let clock = DEMO_NOW.getTime();

  beforeAll(async () => {
    dir = await newDir();
    demo = await openDemoApp(
      dir,
      {
        config: parseConfig({
          BASE_URL: BASE,
          ADMIN_TOKEN: TOKEN,
          MAX_UPLOAD_BYTES: String(2 * 1024 * 1024),
        }),
        now: () => new Date(clock),
      },
      { writableMedia: true },
    );
  });
  afterAll(() => demo.close());

  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = AUTH) =>
    demo.app.request(`/api/v1${path}`, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const upload = (path: string, bytes: Uint8Array, type = 'application/octet-stream') =>
    demo.app.request(`/api/v1${path}`, {
      method: 'PUT',
      headers: { ...AUTH, 'content-type': type },
      body: bytes as Uint8Array<ArrayBuffer>,
    });
  const mediaFiles = async () =>
    (await readdir(join(dir, 'media'), { recursive: true })).filter((f) => !f.endsWith('demo')).sort();

  async function newShow(slug: string) {
    const response = await call('POST', '/shows', {
      slug,
      title: `Show ${slug}`,
      description: 'A show.',
      language: 'en',
      author: 'Newsroom',
      categories: [{ category: 'News', subcategory: 'Daily News' }],
      type: 'serial',
    });
    expect(response.status).toBe(201);
    return response.json();
  }

  async function newEpisode(showId: number, slug: string, extra: object = {}) {
    const response = await call('POST', '/episodes', {
      showId,
      slug,
      title: `Episode ${slug}`,
      number: 1,
      ...extra,
    });
    expect(response.status).toBe(201);
    return response.json();
  }

  it('publishes an episode end to end: create, upload, publish, pair, and the feeds show it', async () => {
    const show = await newShow('the-weekly');
    expect(show.podcastGuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(show.feedUrl).toBe(`${BASE}/podcasts/the-weekly/feed.xml`);
    const episode = await newEpisode(show.id, 'first');
    expect(episode).toMatchObject({
      status: 'draft',
      guid: expect.stringMatching(/^urn:uuid:/),
      audio: null,
    });

    const uploaded = await upload(
      `/episodes/${episode.id}/audio`,
      await fixture('mp3-vbr-xing.mp3'),
      'audio/mpeg',
    );
    expect(uploaded.status).toBe(200);
    const withAudio = await uploaded.json();
    expect(withAudio.audio).toMatchObject({
      mimeType: 'audio/mpeg',
      durationText: '0:07',
      codec: 'MPEG 1 Layer 3',
    });
    expect(withAudio.audio.url).toMatch(
      /^https:\/\/news\.example\/media\/[0-9a-f]{16}\/shows\/the-weekly\/first-[0-9a-f]{8}\.mp3$/,
    );

    const published = await call('POST', `/episodes/${episode.id}/publish`, {});
    expect((await published.json()).status).toBe('published');
    const artwork = await upload(`/shows/${show.id}/artwork`, await image('square-1400.jpg'), 'image/jpeg');
    expect((await artwork.json()).artwork).toMatchObject({ width: 1400, height: 1400 });

    const feed = parsePodcast(await (await demo.app.request('/podcasts/the-weekly/feed.xml')).text());
    expect(feed?.items.map((i) => [i.title, i.duration, i.guid])).toEqual([
      ['Episode first', 7, episode.guid],
    ]);
    expect(feed?.itunesImage).toMatch(/\/shows\/the-weekly\/artwork-[0-9a-f]{8}\.jpg$/);

    const served = await demo.app.request(new URL(withAudio.audio.url).pathname, { method: 'HEAD' });
    expect(Number(served.headers.get('content-length'))).toBe(withAudio.audio.sizeBytes);

    const article = (await (await call('GET', '/articles')).json()).items[0];
    const paired = await call('PUT', `/articles/${article.id}/episodes`, {
      episodeIds: [episode.id, ...article.episodeIds],
    });
    expect((await paired.json()).episodeIds).toEqual([episode.id, ...article.episodeIds]);
    const news = await (await demo.app.request('/feed.json')).json();
    expect(news.items[0].attachments[0].title).toBe('Episode first');
  });

  it('replaces audio: new size, type and length, a new URL and feed ETag, the same GUID', async () => {
    const show = await newShow('replaced');
    const episode = await newEpisode(show.id, 'ep');
    await upload(`/episodes/${episode.id}/audio`, await fixture('mp3-vbr-xing.mp3'));
    await call('POST', `/episodes/${episode.id}/publish`, {});
    const feedBefore = await demo.app.request('/podcasts/replaced/feed.xml');
    const etagBefore = feedBefore.headers.get('etag');
    const oldFeed = parsePodcast(await feedBefore.text());

    const replaced = await (await upload(`/episodes/${episode.id}/audio`, await fixture('opus.opus'))).json();
    expect(replaced.audio).toMatchObject({ mimeType: 'audio/ogg', codec: 'Opus' });
    const feedAfter = await demo.app.request('/podcasts/replaced/feed.xml');
    expect(feedAfter.headers.get('etag')).not.toBe(etagBefore);
    const newFeed = parsePodcast(await feedAfter.text());
    expect(newFeed?.items[0]?.guid).toBe(oldFeed?.items[0]?.guid);
    expect(newFeed?.items[0]?.enclosure).toMatchObject({
      type: 'audio/ogg',
      length: replaced.audio.sizeBytes,
    });
    expect(newFeed?.items[0]?.enclosure.url).not.toBe(oldFeed?.items[0]?.enclosure.url);
    expect(newFeed?.items[0]?.enclosure.url).toMatch(/\.opus$/);
  });

  it("puts an episode's own artwork, transcript and chapters on that episode's feed item only", async () => {
    const show = await newShow('extras');
    const plain = await newEpisode(show.id, 'plain');
    const rich = await newEpisode(show.id, 'rich');
    for (const episode of [plain, rich]) {
      await upload(`/episodes/${episode.id}/audio`, await fixture('wav.wav'));
      await call('POST', `/episodes/${episode.id}/publish`, {});
    }
    expect(
      (await upload(`/episodes/${rich.id}/image`, await image('square-1400.jpg'), 'image/jpeg')).status,
    ).toBe(200);
    const vtt = 'WEBVTT\n\n00:00.000 --> 00:01.000\nHello from the rich episode.\n';
    expect(
      (await upload(`/episodes/${rich.id}/transcript`, new TextEncoder().encode(vtt), 'text/vtt')).status,
    ).toBe(200);
    const chapters = JSON.stringify({ version: '1.2.0', chapters: [{ startTime: 0, title: 'Opening' }] });
    const uploaded = await upload(
      `/episodes/${rich.id}/chapters`,
      new TextEncoder().encode(chapters),
      'application/json+chapters',
    );
    expect(uploaded.status).toBe(200);

    const feed = parsePodcast(await (await demo.app.request('/podcasts/extras/feed.xml')).text());
    const byGuid = new Map(feed?.items.map((item) => [item.guid, item]));
    const richItem = byGuid.get(rich.guid);
    const plainItem = byGuid.get(plain.guid);
    expect(richItem?.image).toMatch(/^https:\/\/news\.example\/media\/[0-9a-f]{16}\/.+\.jpg$/);
    expect(richItem?.podcastTranscripts?.[0]).toMatchObject({ type: 'text/vtt' });
    expect(richItem?.podcastChapters?.url).toMatch(/\/media\/[0-9a-f]{16}\/.+\.json$/);
    expect(plainItem?.image).toBeUndefined();
    expect(plainItem?.podcastTranscripts).toBeUndefined();
    expect(plainItem?.podcastChapters).toBeUndefined();
  });

  it('treats the same bytes uploaded again as no change', async () => {
    const show = await newShow('idempotent');
    const episode = await newEpisode(show.id, 'ep');
    const first = await (await upload(`/episodes/${episode.id}/audio`, await fixture('flac.flac'))).json();
    const files = await mediaFiles();
    const second = await (await upload(`/episodes/${episode.id}/audio`, await fixture('flac.flac'))).json();
    expect(second.audio).toEqual(first.audio);
    expect(await mediaFiles()).toEqual(files);
  });

  it('refuses what is not audio, whatever it is called, and keeps nothing', async () => {
    const show = await newShow('refusals');
    const episode = await newEpisode(show.id, 'ep');
    const files = await mediaFiles();
    for (const [bytes, type] of [
      [new TextEncoder().encode('just some text, not audio at all\n'.repeat(100)), 'audio/mpeg'],
      [await image('square-1400.jpg'), 'audio/mp4'],
      [(await fixture('mp3-cbr-info.mp3')).subarray(0, 20_000), 'audio/mpeg'],
    ] as const) {
      const response = await upload(`/episodes/${episode.id}/audio`, bytes, type);
      expect([415, 422]).toContain(response.status);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
    expect(await mediaFiles()).toEqual(files);
    expect((await (await call('GET', `/episodes/${episode.id}`)).json()).audio).toBeNull();
  });

  it('refuses an MP3 with an HTML page in front (415, saying so) and keeps nothing', async () => {
    const show = await newShow('html-prefix');
    const episode = await newEpisode(show.id, 'ep');
    const files = await mediaFiles();
    const page = new TextEncoder().encode('<html><body><p>Not found</p></body></html>\n');
    const mp3 = await fixture('mp3-cbr-info.mp3');
    const bytes = new Uint8Array(page.byteLength + mp3.byteLength);
    bytes.set(page);
    bytes.set(mp3, page.byteLength);
    const response = await upload(`/episodes/${episode.id}/audio`, bytes, 'audio/mpeg');
    expect(response.status).toBe(415);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect((await response.json()).detail).toBe('not an audio file podwire can read (it starts like HTML)');
    expect(await mediaFiles()).toEqual(files);
    expect((await (await call('GET', `/episodes/${episode.id}`)).json()).audio).toBeNull();
  });

  it('refuses text sent as an image or artwork with 415, saying what it found and what is accepted', async () => {
    const show = await newShow('text-artwork');
    const files = await mediaFiles();
    const text = new TextEncoder().encode('This is a caption, not a picture.\n');
    for (const path of ['/articles/1/image', `/shows/${show.id}/artwork`, '/episodes/1/image']) {
      const response = await upload(path, text, 'image/jpeg');
      expect(response.status, path).toBe(415);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect((await response.json()).detail, path).toBe(
        'the file is not an image: JPEG, PNG or WebP expected (it looks like text)',
      );
    }
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    const response = await upload('/articles/1/image', svg, 'image/svg+xml');
    expect(response.status).toBe(415);
    expect((await response.json()).detail).toBe('the file is not a JPEG, PNG or WebP image (it is SVG)');
    expect(await mediaFiles()).toEqual(files);
  });

  it('checks artwork as Apple requires, with a clear message', async () => {
    const show = await newShow('artwork-rules');
    for (const name of ['wide-600x400.png', 'small-800.jpg']) {
      const response = await upload(`/shows/${show.id}/artwork`, await image(name));
      expect(response.status).toBe(422);
      expect((await response.json()).detail).toMatch(
        /Apple Podcasts needs square JPEG or PNG artwork of 1400×1400 to 3000×3000 pixels/,
      );
    }
  });

  it('refuses bodies over MAX_UPLOAD_BYTES with 413, declared or not', async () => {
    const show = await newShow('too-big');
    const episode = await newEpisode(show.id, 'ep');
    const big = new Uint8Array(3 * 1024 * 1024);
    big.set(await fixture('mp3-cbr-no-header.mp3'));
    const declared = await upload(`/episodes/${episode.id}/audio`, big);
    expect(declared.status).toBe(413);
    const streamed = await demo.app.request(`/api/v1/episodes/${episode.id}/audio`, {
      method: 'PUT',
      headers: AUTH,
      body: new Blob([big]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it('publishes on schedule and takes back to draft', async () => {
    const show = await newShow('scheduled');
    const episode = await newEpisode(show.id, 'later');
    await upload(`/episodes/${episode.id}/audio`, await fixture('wav.wav'));
    const at = new Date(clock + 3_600_000).toISOString();
    const scheduled = await (await call('POST', `/episodes/${episode.id}/publish`, { at })).json();
    expect(scheduled).toMatchObject({ status: 'scheduled', publishedAt: at });
    const items = async () =>
      parsePodcast(await (await demo.app.request('/podcasts/scheduled/feed.xml')).text())?.items ?? [];
    expect(await items()).toHaveLength(0);
    expect((await call('GET', `/episodes/${episode.id}`, undefined, {})).status).toBe(404); // not yet, publicly
    clock += 3_600_000;
    expect(await items()).toHaveLength(1);
    expect((await call('GET', `/episodes/${episode.id}`, undefined, {})).status).toBe(200); // its time has come
    await call('POST', `/episodes/${episode.id}/unpublish`);
    expect(await items()).toHaveLength(0);
    // a draft is visible to the admin only
    expect((await call('GET', `/episodes/${episode.id}`, undefined, {})).status).toBe(404);
    expect((await call('GET', `/episodes/${episode.id}`)).status).toBe(200);
  });

  it('refuses to publish without audio, and a serial episode without a number', async () => {
    const show = await newShow('rules');
    const noAudio = await newEpisode(show.id, 'no-audio');
    expect((await call('POST', `/episodes/${noAudio.id}/publish`, {})).status).toBe(409);
    const unnumbered = await newEpisode(show.id, 'unnumbered', { number: null });
    await upload(`/episodes/${unnumbered.id}/audio`, await fixture('wav.wav'));
    const response = await call('POST', `/episodes/${unnumbered.id}/publish`, {});
    expect(response.status).toBe(409);
    expect((await response.json()).detail).toMatch(/serial show need a number/);
  });

  it('keeps a published episode’s GUID', async () => {
    const show = await newShow('guids');
    const episode = await newEpisode(show.id, 'ep');
    await upload(`/episodes/${episode.id}/audio`, await fixture('wav.wav'));
    await call('POST', `/episodes/${episode.id}/publish`, {});
    const response = await call('PATCH', `/episodes/${episode.id}`, { guid: 'something-else' });
    expect(response.status).toBe(409);
  });

  it('answers duplicates with 409, unknown ids with 404 and bad fields with 400 listing each', async () => {
    expect((await call('POST', '/sections', { slug: 'town', name: 'Town again' })).status).toBe(409);
    expect((await call('GET', '/articles/999999')).status).toBe(404);
    expect((await call('PATCH', '/shows/999999', { title: 'x' })).status).toBe(404);
    const bad = await call('POST', '/shows', {
      slug: 'Not A Slug',
      title: '',
      description: 'x'.repeat(4001),
      language: 'english',
      author: 'A',
      categories: [{ category: 'Newz' }, { category: 'News', subcategory: 'Gardening' }],
    });
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^slug: /),
        expect.stringMatching(/^title: /),
        expect.stringMatching(/^description: must be at most 4000 bytes/),
        expect.stringMatching(/^language: /),
        expect.stringMatching(/^categories\.0: "Newz" is not an Apple Podcasts category/),
        expect.stringMatching(/^categories\.1: "Gardening" is not a subcategory of "News"/),
      ]),
    );
    expect((await call('POST', '/sections', '{not json')).status).toBe(400);
  });

  it('redirects renamed pages with 301 and answers deleted ones with 410, media included', async () => {
    const show = await newShow('moves');
    const episode = await newEpisode(show.id, 'old-name');
    const audio = (await (await upload(`/episodes/${episode.id}/audio`, await fixture('wav.wav'))).json())
      .audio;
    await call('POST', `/episodes/${episode.id}/publish`, {});
    await call('PATCH', `/episodes/${episode.id}`, { slug: 'new-name' });
    const moved = await demo.app.request('/podcasts/moves/old-name');
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe('/podcasts/moves/new-name');

    await call('PATCH', `/shows/${show.id}`, { slug: 'moved-show' });
    expect((await demo.app.request('/podcasts/moves/feed.xml')).headers.get('location')).toBe(
      '/podcasts/moved-show/feed.xml',
    );
    expect((await demo.app.request('/podcasts/moves/new-name')).headers.get('location')).toBe(
      '/podcasts/moved-show/new-name',
    );

    expect((await call('DELETE', `/episodes/${episode.id}`)).status).toBe(204);
    expect((await demo.app.request('/podcasts/moved-show/new-name')).status).toBe(410);
    expect((await demo.app.request(new URL(audio.url).pathname)).status).toBe(410);
  });

  it('moves a show to another feed URL with a 301 and itunes:new-feed-url', async () => {
    const show = await newShow('leaving');
    await call('PATCH', `/shows/${show.id}`, { newFeedUrl: 'https://elsewhere.example/feed.xml' });
    const response = await demo.app.request('/podcasts/leaving/feed.xml');
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('https://elsewhere.example/feed.xml');
    expect(parsePodcast(await response.text())?.itunesNewFeedUrl).toBe('https://elsewhere.example/feed.xml');
  });

  it('hides drafts from readers without the token', async () => {
    const created = await (
      await call('POST', '/articles', { slug: 'secret-draft', headline: 'Secret', sectionId: 1 })
    ).json();
    const publicList = await (await call('GET', '/articles', undefined, {})).json();
    expect(publicList.items.map((a: { slug: string }) => a.slug)).not.toContain('secret-draft');
    const adminList = await (await call('GET', '/articles')).json();
    expect(adminList.items.map((a: { slug: string }) => a.slug)).toContain('secret-draft');
    expect((await call('GET', `/articles/${created.id}`, undefined, {})).status).toBe(404);
  });

  it('keeps article bodies as written and sanitises them only where they are shown', async () => {
    const html = '<p onmouseover="x()">Hi<script>alert(1)</script></p>';
    const created = await (
      await call('POST', '/articles', { slug: 'dirty', headline: 'Dirty', sectionId: 1, bodyHtml: html })
    ).json();
    await call('POST', `/articles/${created.id}/publish`, {});
    expect((await (await call('GET', `/articles/${created.id}`)).json()).bodyHtml).toBe(html);
    const feed = await (await demo.app.request('/feed.json')).json();
    const item = feed.items.find((i: { title: string }) => i.title === 'Dirty');
    expect(item.content_html).toBe('<p>Hi</p>');
  });
});

describe('admin API auth', () => {
  const newDir = tempDirs();

  it('requires the token on every write route: 401 with WWW-Authenticate when missing or wrong', async () => {
    const demo = await openDemoApp(await newDir(), {
      config: parseConfig({ BASE_URL: BASE, ADMIN_TOKEN: TOKEN }),
    });
    const doc = await (await demo.app.request('/api/openapi.json')).json();
    const writes = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, methods]) =>
        Object.keys(methods)
          // OPTIONS on the tus upload URLs is open by the protocol: it only says what the server takes.
          .filter((m) => m !== 'get' && m !== 'options')
          .map((m) => [m.toUpperCase(), path.replace(/\{[^}]+\}/g, '1')] as const),
    );
    expect(writes.length).toBeGreaterThan(20);
    for (const [method, path] of writes) {
      const attempts: Record<string, string>[] = [
        {},
        { authorization: 'Bearer wrong-token-wrong-token' },
        { authorization: 'Basic abc' },
      ];
      for (const headers of attempts) {
        const response = await demo.app.request(`/api${path}`, { method, headers });
        expect(response.status, `${method} ${path}`).toBe(401);
        expect(response.headers.get('www-authenticate'), `${method} ${path}`).toMatch(
          /^Bearer realm="podwire admin"/,
        );
        expect(response.headers.get('content-type')).toBe('application/problem+json');
      }
    }
    demo.close();
  });

  it('tells a client sending Basic (or another scheme) that only Bearer is accepted', async () => {
    const demo = await openDemoApp(await newDir(), {
      config: parseConfig({ BASE_URL: BASE, ADMIN_TOKEN: TOKEN }),
    });
    const basic = `Basic ${btoa(`admin:${TOKEN}`)}`;
    for (const [authorization, scheme] of [
      [basic, 'Basic'],
      ['Digest username="admin"', 'Digest'],
      [TOKEN, 'bare-token'],
    ] as const) {
      const response = await demo.app.request('/api/v1/sections', {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json' },
        body: JSON.stringify({ slug: 'x', name: 'X' }),
      });
      expect(response.status, scheme).toBe(401);
      // RFC 6750 §3: no error code when the client used another authentication method
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="podwire admin"');
      const { detail } = await response.json();
      expect(detail, scheme).toContain('send the header Authorization: Bearer <ADMIN_TOKEN>');
      expect(detail, scheme).not.toMatch(/bearer token is not/i);
      if (scheme !== 'bare-token')
        expect(detail).toMatch(new RegExp(`^${scheme} authentication is not accepted`));
    }
    const wrong = await demo.app.request('/api/v1/sections', {
      method: 'POST',
      headers: { authorization: 'Bearer wrong-token-wrong-token' },
    });
    expect((await wrong.json()).detail).toMatch(
      /^The bearer token is neither the admin token nor an API token in use/,
    );
    expect(wrong.headers.get('www-authenticate')).toBe('Bearer realm="podwire admin", error="invalid_token"');
    demo.close();
  });

  it('disables writes (403, never open) when no ADMIN_TOKEN is configured', async () => {
    const demo = await openDemoApp(await newDir(), { config: parseConfig({ BASE_URL: BASE }) });
    const response = await demo.app.request('/api/v1/sections', {
      method: 'POST',
      headers: { authorization: 'Bearer anything-at-all-here', 'content-type': 'application/json' },
      body: JSON.stringify({ slug: 'x', name: 'X' }),
    });
    expect(response.status).toBe(403);
    expect((await response.json()).detail).toMatch(/No ADMIN_TOKEN is configured/);
    demo.close();
  });

  it('serves the OpenAPI document and a readable docs page', async () => {
    const demo = await openDemoApp(await newDir());
    const doc = await (await demo.app.request('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/v1/episodes/{id}/audio', '/v1/articles/{id}/episodes', '/v1/shows']),
    );
    const html = await (await demo.app.request('/api/docs')).text();
    expect(html).toContain('<code>/api/v1/episodes/{id}/audio</code>');
    demo.close();
  });
});

describe('interrupted uploads', () => {
  const newDir = tempDirs();

  it('leave neither a file nor a record when the client goes away mid-body', async () => {
    const dir = await newDir();
    const demo = await openDemoApp(
      dir,
      { config: parseConfig({ BASE_URL: BASE, ADMIN_TOKEN: TOKEN }) },
      { writableMedia: true },
    );
    const server = await listen(demo.app);
    const created = await (
      await demo.app.request('/api/v1/shows', {
        method: 'POST',
        headers: { ...AUTH, 'content-type': 'application/json' },
        body: JSON.stringify({
          slug: 'abort',
          title: 'A',
          description: 'D',
          language: 'en',
          author: 'A',
          categories: [{ category: 'News' }],
        }),
      })
    ).json();
    const episode = await (
      await demo.app.request('/api/v1/episodes', {
        method: 'POST',
        headers: { ...AUTH, 'content-type': 'application/json' },
        body: JSON.stringify({ showId: created.id, slug: 'ep', title: 'Ep' }),
      })
    ).json();
    const before = (await readdir(join(dir, 'media'), { recursive: true })).sort();
    const mp3 = await readFile(new URL('mp3-cbr-no-header.mp3', AUDIO_FIXTURES));
    await new Promise<void>((resolve) => {
      const { hostname, port } = new URL(server.url);
      const req = httpRequest({
        hostname,
        port,
        method: 'PUT',
        path: `/api/v1/episodes/${episode.id}/audio`,
        headers: { ...AUTH, 'content-length': String(mp3.byteLength * 4) },
      });
      req.on('error', () => resolve());
      req.write(mp3, () => {
        setTimeout(() => {
          req.destroy();
          resolve();
        }, 100);
      });
    });
    await new Promise((r) => setTimeout(r, 300));
    expect((await readdir(join(dir, 'media'), { recursive: true })).sort()).toEqual(before);
    const after = await (await demo.app.request(`/api/v1/episodes/${episode.id}`, { headers: AUTH })).json();
    expect(after.audio).toBeNull();
    await server.close();
    demo.close();
  });
});
