import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { parseFeed as parseGeneral } from '@rowanmanning/feed-parser';
import { parseFeed as parsePodcast } from 'podcast-partytime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { compressNode } from '../../src/node/compress.ts';
import { openDemoApp } from '../helpers/demo-app.ts';
import { tempDirs } from '../helpers/temp-dir.ts';
import { xmllint } from '../helpers/xmllint.ts';

const BASE = 'https://news.example';
const SHOW_FEED = '/podcasts/courier-conversations/feed.xml';
const XML_FEEDS = [
  '/feed.xml',
  '/feed.atom',
  '/sections/town/feed.xml',
  '/sections/science/feed.atom',
  SHOW_FEED,
  '/opml.xml',
];

describe('feeds over HTTP', () => {
  const newDir = tempDirs();
  let demo: Awaited<ReturnType<typeof openDemoApp>>;
  const get = (path: string, init?: RequestInit) => demo.app.request(path, init);

  beforeAll(async () => {
    demo = await openDemoApp(await newDir(), { compress: compressNode });
  });
  afterAll(() => demo.close());

  describe('the podcast feed', () => {
    it('parses with podcast-partytime: the two demo episodes at 1536 and 1585 seconds, newest first', async () => {
      const response = await get(SHOW_FEED);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
      const feed = parsePodcast(await response.text());
      expect(feed).not.toBeNull();
      expect(feed?.title).toBe('Courier Conversations');
      expect(feed?.items.map((i) => [i.title, i.duration])).toEqual([
        ['The tide mill wakes up, part 2: the machine', 1585],
        ['The tide mill wakes up, part 1: the people', 1536],
      ]);
      expect(feed?.items.map((i) => i.guid)).toEqual([
        'a72a49bf-b699-4a66-9642-bbcd7b18d7c2',
        '9899f782-ccfc-47cd-b114-d75c303239bd',
      ]);
    });

    it('declares enclosures whose length, type and URL are what the media route serves', async () => {
      const feed = parsePodcast(await (await get(SHOW_FEED)).text());
      for (const item of feed?.items ?? []) {
        const url = new URL(item.enclosure.url);
        expect(url.origin).toBe(BASE);
        expect(url.pathname).toMatch(/\.mp3$/);
        const head = await get(url.pathname, { method: 'HEAD' });
        expect(head.status).toBe(200);
        expect(Number(head.headers.get('content-length'))).toBe(item.enclosure.length);
        expect(head.headers.get('content-type')).toBe(item.enclosure.type);
      }
    });

    it('carries what Apple requires, with artwork served at a .jpg URL', async () => {
      const xml = await (await get(SHOW_FEED)).text();
      const feed = parsePodcast(xml);
      expect(feed).toMatchObject({
        language: 'en',
        explicit: false,
        author: 'Millbrook Courier',
        itunesType: 'serial',
        itunesCategory: ['News > Daily News', 'History'],
        owner: { name: 'Millbrook Courier audio desk', email: 'audio@millbrook-courier.example' },
      });
      expect(xml).toContain(
        '<itunes:category text="News"><itunes:category text="Daily News"/></itunes:category>',
      );
      expect(xml).toContain('<itunes:explicit>false</itunes:explicit>');
      const artwork = new URL(feed?.itunesImage ?? '');
      expect(artwork.pathname).toMatch(/\.jpg$/);
      const head = await get(artwork.pathname, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.headers.get('content-type')).toBe('image/jpeg');
      expect(new TextEncoder().encode(feed?.description ?? '').byteLength).toBeLessThanOrEqual(4000);
    });

    it('carries the Podcasting 2.0 tags: guid, locked, funding, person, medium, season, episode, chapters', async () => {
      const feed = parsePodcast(await (await get(SHOW_FEED)).text());
      expect(feed?.guid).toBe('3b8215f3-8fb3-5436-aeba-56d3a4abe4ec');
      expect(feed?.locked).toBe(false);
      expect(feed?.podcastFunding?.[0]).toMatchObject({ url: 'https://millbrook-courier.example/support' });
      expect(feed?.podcastPeople?.[0]).toMatchObject({ name: 'Ada Fenwick' });
      expect(feed?.medium).toBe('podcast');
      const [latest] = feed?.items ?? [];
      expect(latest?.podcastSeason?.number).toBe(1);
      expect(latest?.podcastEpisode?.number).toBe(2);
      expect(latest?.podcastChapters?.type).toBe('application/json+chapters');
    });

    it('serves JSON chapters from the chapters found in the audio, to any origin', async () => {
      const feed = parsePodcast(await (await get(SHOW_FEED)).text());
      const url = new URL(feed?.items[1]?.podcastChapters?.url ?? '');
      const response = await get(url.pathname);
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('content-type')).toBe('application/json+chapters; charset=utf-8');
      expect(await response.json()).toEqual({
        version: '1.2.0',
        chapters: [
          { startTime: 0, endTime: 300, title: 'Welcome' },
          { startTime: 300, endTime: 780, title: "The millers' families" },
          { startTime: 780, endTime: 1260, title: 'Volunteers and the mud' },
          { startTime: 1260, endTime: 1536, title: 'What comes next' },
        ],
      });
    });

    it('links each episode’s transcript, served as WebVTT to any origin', async () => {
      const feed = parsePodcast(await (await get(SHOW_FEED)).text());
      const [transcript] = feed?.items[1]?.podcastTranscripts ?? [];
      expect(transcript?.type).toBe('text/vtt');
      const response = await get(new URL(transcript?.url ?? '').pathname);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/vtt');
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(await response.text()).toMatch(/^WEBVTT\n\nNOTE Welcome\n\n00:00:00\.000 --> /);
    });

    it('answers 404 for an unknown show', async () => {
      const response = await get('/podcasts/no-such-show/feed.xml');
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    });
  });

  describe('the news feeds', () => {
    it('passes xmllint, every XML feed', async () => {
      const files = await Promise.all(
        XML_FEEDS.map(async (path, i) => ({
          fileName: `feed-${i}.xml`,
          contents: await (await get(path)).text(),
        })),
      );
      const result = await xmllint(files);
      expect(result.errors.map((e) => e.rawMessage)).toEqual([]);
    });

    it('parses RSS and Atom with a general feed parser: items, ids, dates, authors, categories, audio', async () => {
      for (const path of ['/feed.xml', '/feed.atom']) {
        const feed = parseGeneral(await (await get(path)).text()).toJSON();
        expect(feed.title).toBe('Millbrook Courier');
        expect(feed.self).toBe(`${BASE}${path}`);
        expect(feed.items).toHaveLength(6);
        const [first] = feed.items;
        expect(first?.id).toBe('urn:uuid:3d9d23c4-aa32-4356-9a4e-169b5be87de0');
        expect(first?.title).toBe('The tide mill on Saltings Creek turns again');
        expect(first?.url).toBe(`${BASE}/articles/tide-mill-turns-again`);
        expect(new Date(String(first?.published)).toISOString()).toBe('2026-10-16T07:30:00.000Z');
        expect(first?.authors.map((a) => a.name)).toEqual(['Ada Fenwick']);
        expect(first?.categories.map((c) => c.term)).toEqual([
          'Town',
          'tide mill',
          'heritage',
          'Saltings Creek',
        ]);
        expect([first?.media[0]?.mimeType, first?.media[0]?.length]).toEqual(['audio/mpeg', 3072843]);
        expect(feed.items.map((i) => i.title)).not.toContain('Harbour wall repairs to start in the new year'); // the draft
      }
      const atom = parseGeneral(await (await get('/feed.atom')).text()).toJSON();
      expect(atom.items[0]?.media.map((m) => m.title)).toEqual([
        'The tide mill wakes up, part 1: the people',
        'The tide mill wakes up, part 2: the machine',
      ]);
    });

    it('serves JSON Feed 1.1 with attachments carrying type, size and duration', async () => {
      const response = await get('/feed.json');
      expect(response.headers.get('content-type')).toBe('application/feed+json; charset=utf-8');
      const feed = await response.json();
      expect(feed).toMatchObject({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Millbrook Courier',
        home_page_url: `${BASE}/`,
        feed_url: `${BASE}/feed.json`,
        authors: [{ name: 'Millbrook Courier', url: `${BASE}/` }],
      });
      expect(feed.items[0].attachments).toEqual([
        expect.objectContaining({
          mime_type: 'audio/mpeg',
          size_in_bytes: 3072843,
          duration_in_seconds: 1536,
        }),
        expect.objectContaining({
          mime_type: 'audio/mpeg',
          size_in_bytes: 3170829,
          duration_in_seconds: 1585,
        }),
      ]);
      for (const item of feed.items) {
        expect(typeof item.id).toBe('string');
        expect(item.content_html ?? item.content_text).toBeDefined();
      }
    });

    it('serves per-section feeds and 404 for an unknown section', async () => {
      const feed = parseGeneral(await (await get('/sections/science/feed.xml')).text()).toJSON();
      expect(feed.items.map((i) => i.title)).toEqual([
        'Night-sky survey at the old quarry counts a record 212 meteors',
        'Students build a weather station on the ferry pier',
      ]);
      expect((await get('/sections/sport/feed.xml')).status).toBe(404);
    });

    it('sanitises bodies: no scripts, handlers or javascript: links reach a feed', async () => {
      const { articles } = await import('../../src/db/schema.ts');
      const { eq } = await import('drizzle-orm');
      const dir = await newDir();
      const other = await openDemoApp(dir);
      await other.deps.db
        .update(articles)
        .set({
          bodyHtml:
            '<p onclick="steal()">Hi<script>alert(1)</script> <a href="javascript:evil()">x</a> <a href="/local">y</a></p>',
        })
        .where(eq(articles.slug, 'quarry-meteor-count'));
      const xml = await (await other.app.request('/feed.xml')).text();
      expect(xml).not.toMatch(/&lt;script|onclick|javascript:|alert\(1\)/);
      expect(xml).toContain('&lt;a href="https://news.example/local"&gt;y&lt;/a&gt;');
      other.close();
    });
  });

  describe('paging (RFC 5005)', () => {
    it('links first, previous, next and last, and 404s past the end', async () => {
      const dir = await newDir();
      const paged = await openDemoApp(dir, { config: parseConfig({ BASE_URL: BASE, FEED_PAGE_SIZE: '2' }) });
      const page2 = await (await paged.app.request('/feed.xml?page=2')).text();
      for (const [rel, href] of [
        ['first', `${BASE}/feed.xml`],
        ['previous', `${BASE}/feed.xml`],
        ['next', `${BASE}/feed.xml?page=3`],
        ['last', `${BASE}/feed.xml?page=3`],
      ]) {
        expect(page2).toContain(`<atom:link rel="${rel}" type="application/rss+xml" href="${href}"/>`);
      }
      const atom = await (await paged.app.request('/feed.atom?page=3')).text();
      expect(atom).not.toContain('rel="next"');
      expect(atom).toContain(
        `<link rel="previous" type="application/atom+xml" href="${BASE}/feed.atom?page=2"/>`,
      );
      const json = await (await paged.app.request('/feed.json')).json();
      expect(json.next_url).toBe(`${BASE}/feed.json?page=2`);
      expect(json.items).toHaveLength(2);
      expect((await paged.app.request('/feed.xml?page=4')).status).toBe(404);
      expect((await paged.app.request('/feed.xml?page=zero')).status).toBe(400);
      paged.close();
    });
  });

  describe('OPML', () => {
    it('lists every feed, and every listed feed answers', async () => {
      const xml = await (await get('/opml.xml')).text();
      const urls = [...xml.matchAll(/xmlUrl="([^"]+)"/g)].map((m) => m[1] as string);
      expect(urls).toEqual([
        `${BASE}/feed.xml`,
        `${BASE}/sections/town/feed.xml`,
        `${BASE}/sections/science/feed.xml`,
        `${BASE}/sections/culture/feed.xml`,
        `${BASE}${SHOW_FEED}`,
      ]);
      for (const url of urls) expect((await get(new URL(url).pathname)).status).toBe(200);
    });
  });

  describe('caching and revalidation', () => {
    it('answers If-None-Match and If-Modified-Since with 304 and no body', async () => {
      const first = await get(SHOW_FEED);
      const etag = first.headers.get('etag') ?? '';
      const lastModified = first.headers.get('last-modified') ?? '';
      expect(etag).toMatch(/^"[0-9a-f]{16}"$/);
      expect(first.headers.get('cache-control')).toBe('public, max-age=300');
      for (const headers of [{ 'if-none-match': etag }, { 'if-modified-since': lastModified }] as Record<
        string,
        string
      >[]) {
        const again = await get(SHOW_FEED, { headers });
        expect(again.status).toBe(304);
        expect(again.headers.get('etag')).toBe(etag);
        expect(await again.text()).toBe('');
      }
    });

    it('answers reads and revalidations from the stored rendering, without rendering the feed', async () => {
      const etag = (await get(SHOW_FEED)).headers.get('etag') ?? '';
      const lines: string[] = [];
      const log = createLogger({ level: 'debug', write: (line) => lines.push(line) });
      const fresh = await openDemoApp(await newDir(), { log });
      // as `npm start` does before it listens
      await fresh.warm();
      const renders = () => lines.filter((l) => /rendered/.test(JSON.parse(l).msg)).length;
      const warmed = renders();
      const response = await fresh.app.request(SHOW_FEED, { headers: { 'if-none-match': etag } });
      expect(response.status).toBe(304); // the same bytes as the other app's: the same tag
      expect((await fresh.app.request(SHOW_FEED)).status).toBe(200);
      expect(renders()).toBe(warmed);
      fresh.close();
    });

    it('compresses with brotli or gzip by Accept-Encoding, with Vary and a tag per coding', async () => {
      const plain = await get(SHOW_FEED);
      const text = await plain.text();
      const br = await get(SHOW_FEED, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
      expect(br.headers.get('content-encoding')).toBe('br');
      expect(br.headers.get('vary')).toBe('Accept-Encoding');
      expect(brotliDecompressSync(new Uint8Array(await br.arrayBuffer())).toString()).toBe(text);
      const gz = await get(SHOW_FEED, { headers: { 'accept-encoding': 'gzip' } });
      expect(gz.headers.get('content-encoding')).toBe('gzip');
      expect(gunzipSync(new Uint8Array(await gz.arrayBuffer())).toString()).toBe(text);
      const tags = [plain, br, gz].map((r) => r.headers.get('etag'));
      expect(new Set(tags).size).toBe(3);
      // a tag of any coding revalidates
      const revalidated = await get(SHOW_FEED, {
        headers: { 'if-none-match': br.headers.get('etag') ?? '' },
      });
      expect(revalidated.status).toBe(304);
    });

    it('answers HEAD with the headers of GET and no body', async () => {
      const head = await get('/feed.atom', { method: 'HEAD' });
      const getResponse = await get('/feed.atom');
      expect(head.status).toBe(200);
      expect(head.headers.get('etag')).toBe(getResponse.headers.get('etag'));
      expect(head.headers.get('content-length')).toBe(String((await getResponse.arrayBuffer()).byteLength));
      expect((await head.arrayBuffer()).byteLength).toBe(0);
    });
  });
});
