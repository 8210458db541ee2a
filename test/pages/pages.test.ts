import { parseHTML } from 'linkedom';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { articles } from '../../src/db/schema.ts';
import { createLogger } from '../../src/log.ts';
import { DEMO_NOW, openDemoApp } from '../helpers/demo-app.ts';
import { tempDirs } from '../helpers/temp-dir.ts';

const BASE = 'https://news.example';
const TOKEN = 'pages-admin-token-0123456789';
const BROWSER = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
const ARTICLE = '/articles/tide-mill-turns-again';
const SHOW = '/podcasts/courier-conversations';
const EPISODE_2 = `${SHOW}/tide-mill-part-2-the-machine`;

function dom(html: string) {
  return parseHTML(html).document;
}

function wellFormedXml(text: string): void {
  const parser = new SaxesParser();
  parser.on('error', (error) => {
    throw error;
  });
  parser.write(text).close();
}

describe('web pages', () => {
  const newDir = tempDirs();
  let demo: Awaited<ReturnType<typeof openDemoApp>>;
  let clock = DEMO_NOW.getTime();
  const logged: string[] = [];
  const get = async (path: string, headers: Record<string, string> = BROWSER) => {
    const response = await demo.app.request(path, { headers });
    return { response, text: await response.text() };
  };
  const page = async (path: string) => {
    const { response, text } = await get(path);
    expect(response.status, path).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    return dom(text);
  };
  const api = (method: string, path: string, body?: unknown) =>
    demo.app.request(`/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    demo = await openDemoApp(
      await newDir(),
      {
        config: parseConfig({ BASE_URL: BASE, ADMIN_TOKEN: TOKEN, TIME_ZONE: 'Europe/London' }),
        now: () => new Date(clock),
        log: createLogger({ level: 'debug', write: (line) => logged.push(line) }),
      },
      { writableMedia: true },
    );
  });
  afterAll(() => demo.close());

  it('home: the latest articles, newest first, with their sections and a mark for those with audio', async () => {
    const doc = await page('/');
    const headlines = [...doc.querySelectorAll('.cards h2')].map((h) => h.textContent);
    expect(headlines).toHaveLength(6); // the draft is not listed
    expect(headlines[0]).toBe('The tide mill on Saltings Creek turns again');
    const first = doc.querySelector('.cards li');
    expect(first?.querySelector('.kicker')?.textContent).toBe('Town');
    expect([...(first?.querySelectorAll('.audio-mark .duration') ?? [])].map((d) => d.textContent)).toEqual([
      '25:36',
      '26:25',
    ]);
    expect(doc.querySelectorAll('.audio-mark')).toHaveLength(1);
    // Publication times in the site's time zone (BST on 16 October), machine-readable in UTC.
    const time = first?.querySelector('time');
    expect(time?.getAttribute('datetime')).toBe('2026-10-16T07:30:00.000Z');
    expect(time?.textContent).toBe('16 October 2026, 08:30');
  });

  it('every page links the site feeds for autodiscovery, and its own', async () => {
    const feeds = (doc: Document) =>
      [...doc.querySelectorAll('link[rel=alternate]:not([type="application/json+oembed"])')].map((l) =>
        l.getAttribute('href')?.replace(BASE, ''),
      );
    const site = ['/feed.xml', '/feed.atom', '/feed.json'];
    expect(feeds(await page('/'))).toEqual([...site, `${SHOW}/feed.xml`]);
    expect(feeds(await page('/podcasts'))).toEqual([...site, `${SHOW}/feed.xml`]);
    expect(
      (await page('/')).querySelector('footer a[href="https://news.example/opml.xml"]')?.textContent,
    ).toBe('All feeds (OPML)');
    expect(feeds(await page('/sections/science'))).toEqual([
      ...site,
      '/sections/science/feed.xml',
      '/sections/science/feed.atom',
      '/sections/science/feed.json',
    ]);
    expect(feeds(await page(SHOW))).toEqual([...site, `${SHOW}/feed.xml`]);
    expect(feeds(await page(EPISODE_2))).toEqual([...site, `${SHOW}/feed.xml`]);
    expect(feeds(await page(ARTICLE))).toEqual([...site, `${SHOW}/feed.xml`]);
  });

  it('article: dateline, headline, standfirst, body, author, section, tags, then the Podcasts block', async () => {
    const doc = await page(ARTICLE);
    expect(doc.querySelector('h1')?.textContent).toBe('The tide mill on Saltings Creek turns again');
    expect(doc.querySelector('.standfirst')?.textContent).toMatch(/^Ninety years after its last miller/);
    expect(doc.querySelector('.byline')?.textContent).toBe('By Ada Fenwick · 16 October 2026, 08:30');
    expect(doc.querySelector('.kicker a')?.getAttribute('href')).toBe(`${BASE}/sections/town`);
    expect([...doc.querySelectorAll('.tags li')].map((t) => t.textContent)).toEqual([
      'tide mill',
      'heritage',
      'Saltings Creek',
    ]);
    expect(doc.querySelector('.body p')).not.toBeNull();

    const block = doc.querySelector('section.podcasts');
    expect(block?.querySelector('h2')?.textContent).toBe('Podcasts');
    const players = [...(block?.querySelectorAll('.player') ?? [])];
    expect(players.map((p) => p.querySelector('h3')?.textContent)).toEqual([
      'The tide mill wakes up, part 1: the people',
      'The tide mill wakes up, part 2: the machine',
    ]);
    expect(players.map((p) => p.querySelector('.time')?.textContent)).toEqual([
      '0:00 / 25:36',
      '0:00 / 26:25',
    ]);
    // Each player plays the enclosure the podcast feed declares, and preloads nothing: a page view
    // fetches no audio (so it is never counted as a download); the length comes from the probe.
    const feed = await (await demo.app.request(`${SHOW}/feed.xml`)).text();
    const enclosures = [...feed.matchAll(/<enclosure url="([^"]+)"/g)].map((m) => m[1]).reverse();
    const audios = players.map((p) => p.querySelector('audio'));
    expect(audios.map((a) => a?.getAttribute('src'))).toEqual(enclosures);
    expect(audios.map((a) => a?.getAttribute('preload'))).toEqual(['none', 'none']);
    expect(audios.every((a) => a?.hasAttribute('controls') && a.getAttribute('aria-label'))).toBe(true);
    const links = players.map((p) =>
      [...p.querySelectorAll('.actions a')].map((a) => a.getAttribute('href')),
    );
    expect(links[0]).toEqual([`${enclosures[0]}?download`, `${BASE}${SHOW}/tide-mill-part-1-the-people`]);

    const share = [...doc.querySelectorAll('.share a')].map((a) => a.getAttribute('href') ?? '');
    expect(share.some((href) => href.startsWith('mailto:?subject=The%20tide%20mill'))).toBe(true);
    expect(share).toContain(`${BASE}${ARTICLE}`); // the permalink
    expect(doc.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(`${BASE}${ARTICLE}`);
  });

  it('article: Open Graph, Twitter card and NewsArticle JSON-LD with its audio', async () => {
    const doc = await page(ARTICLE);
    const og = (property: string) =>
      [...doc.querySelectorAll(`meta[property="${property}"]`)].map((m) => m.getAttribute('content'));
    expect(og('og:type')).toEqual(['article']);
    expect(og('og:audio')).toHaveLength(2);
    expect(og('article:section')).toEqual(['Town']);
    const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')?.textContent ?? '');
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'The tide mill on Saltings Creek turns again',
      datePublished: '2026-10-16T07:30:00.000Z',
      author: [{ '@type': 'Person', name: 'Ada Fenwick' }],
    });
    expect(ld.associatedMedia.map((m: { duration: string }) => m.duration)).toEqual(['PT25M36S', 'PT26M25S']);
  });

  it('show: artwork, description, subscribe actions and its episodes with their lengths', async () => {
    const doc = await page(SHOW);
    expect(doc.querySelector('h1')?.textContent).toBe('Courier Conversations');
    const artwork = doc.querySelector('.show-head img');
    expect(artwork?.getAttribute('src')).toMatch(/\/media\/[0-9a-f]{16}\/demo\/show-artwork\.jpg$/);
    expect(artwork?.getAttribute('alt')).toBe('Artwork of Courier Conversations');
    const feedUrl = `${BASE}${SHOW}/feed.xml`;
    expect(doc.querySelector('#feed-url')?.getAttribute('value')).toBe(feedUrl);
    expect(doc.querySelector('label[for=feed-url]')).not.toBeNull();
    expect(doc.querySelector('button[data-copy=feed-url]')?.hasAttribute('hidden')).toBe(true); // shown by the script
    const apps = Object.fromEntries(
      [...doc.querySelectorAll('.subscribe ul a')].map((a) => [a.textContent, a.getAttribute('href')]),
    );
    expect(apps).toEqual({
      'Apple Podcasts': 'podcast://news.example/podcasts/courier-conversations/feed.xml',
      'Pocket Casts': 'pktc://subscribe/news.example/podcasts/courier-conversations/feed.xml',
      Overcast: `overcast://x-callback-url/add?url=${encodeURIComponent(feedUrl)}`,
      'Podcast Addict': 'podcastaddict://news.example/podcasts/courier-conversations/feed.xml',
      AntennaPod: 'antennapod-subscribe://news.example/podcasts/courier-conversations/feed.xml',
      'RSS feed': feedUrl,
    });
    // A serial show lists its episodes in order.
    const episodes = [...doc.querySelectorAll('.cards li')];
    expect(episodes.map((e) => e.querySelector('h3')?.textContent)).toEqual([
      'The tide mill wakes up, part 1: the people',
      'The tide mill wakes up, part 2: the machine',
    ]);
    expect(episodes.map((e) => e.querySelector('.duration')?.textContent)).toEqual(['25:36', '26:25']);
    const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')?.textContent ?? '');
    expect(ld).toMatchObject({ '@type': 'PodcastSeries', name: 'Courier Conversations', webFeed: feedUrl });
  });

  it('episode: player, show notes, chapters that seek, the transcript and the articles it belongs to', async () => {
    const doc = await page(EPISODE_2);
    expect(doc.querySelector('h1')?.textContent).toBe('The tide mill wakes up, part 2: the machine');
    const audio = doc.querySelector('.player audio');
    expect(audio?.getAttribute('preload')).toBe('none');
    expect(doc.querySelector('.player .time')?.textContent).toBe('0:00 / 26:25');
    const chapters = [...doc.querySelectorAll('.chapters a[data-seek]')];
    expect(chapters).toHaveLength(4);
    expect(chapters.every((a) => a.getAttribute('data-audio') === audio?.getAttribute('id'))).toBe(true);
    expect(chapters[0]?.getAttribute('href')).toBe(`${audio?.getAttribute('src')}#t=0`);
    const starts = chapters.map((a) => Number(a.getAttribute('data-seek')));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(chapters.map((a) => a.textContent)).toEqual(
      starts.map((s) => `${Math.floor(s / 60)}:${String(Math.round(s) % 60).padStart(2, '0')}`),
    );
    const cues = [...doc.querySelectorAll('.transcript details p')];
    expect(cues.length).toBeGreaterThan(5);
    expect(cues[0]?.querySelector('a.cue-time')?.getAttribute('data-seek')).toBe('0');
    expect([...doc.querySelectorAll('#articles ~ ul a')].map((a) => a.getAttribute('href'))).toEqual([
      `${BASE}${ARTICLE}`,
    ]);
    const twitter = (name: string) => doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content');
    expect(twitter('twitter:card')).toBe('player');
    expect(twitter('twitter:player')).toBe(`${BASE}${EPISODE_2}/embed`);
    const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')?.textContent ?? '');
    expect(ld).toMatchObject({
      '@type': 'PodcastEpisode',
      timeRequired: 'PT26M25S',
      episodeNumber: 2,
      partOfSeries: { '@type': 'PodcastSeries', name: 'Courier Conversations' },
      associatedMedia: { '@type': 'AudioObject', duration: 'PT26M25S', encodingFormat: 'audio/mpeg' },
    });
  });

  it('security headers on every page; only the embed player may be framed, by anyone', async () => {
    for (const path of ['/', ARTICLE, '/sections/town', '/podcasts', SHOW, EPISODE_2, '/no/such/page']) {
      const { response } = await get(path);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'none'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
    }
    const { response, text } = await get(`${EPISODE_2}/embed`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(response.headers.get('x-frame-options')).toBeNull();
    const doc = dom(text);
    expect(doc.querySelector('meta[name=robots]')?.getAttribute('content')).toBe('noindex');
    expect(doc.querySelector('.player .time')?.textContent).toBe('0:00 / 26:25');
    expect(doc.querySelector('.player audio')?.getAttribute('preload')).toBe('none');
    expect(doc.querySelector('h1 a')?.getAttribute('target')).toBe('_blank');
  });

  it('serves no inline script or style, so the policy holds: one script and one stylesheet, cached for a year', async () => {
    const doc = await page(ARTICLE);
    const scripts = [...doc.querySelectorAll('script')].filter(
      (s) => s.getAttribute('type') !== 'application/ld+json',
    );
    expect(scripts.map((s) => s.getAttribute('src'))).toEqual([
      expect.stringMatching(/^\/assets\/player\.[0-9a-f]{16}\.js$/),
    ]);
    expect(doc.querySelectorAll('[style]')).toHaveLength(0);
    expect(
      [...doc.querySelectorAll('*')].some((el) => [...el.attributes].some((a) => a.name.startsWith('on'))),
    ).toBe(false);
    const css = doc.querySelector('link[rel=stylesheet]')?.getAttribute('href') ?? '';
    for (const path of [css, scripts[0]?.getAttribute('src') ?? '']) {
      const response = await demo.app.request(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const etag = response.headers.get('etag') ?? '';
      expect((await demo.app.request(path, { headers: { 'if-none-match': etag } })).status).toBe(304);
    }
    expect((await demo.app.request('/assets/site.0000000000000000.css')).status).toBe(404);
  });

  it('pages revalidate with 304 and change when the catalogue does', async () => {
    const first = await demo.app.request(ARTICLE);
    const etag = first.headers.get('etag') ?? '';
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    expect((await demo.app.request(ARTICLE, { headers: { 'if-none-match': etag } })).status).toBe(304);
    await api('PATCH', '/articles/1', { standfirst: 'A new standfirst.' });
    const after = await demo.app.request(ARTICLE, { headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    expect(await after.text()).toContain('A new standfirst.');
  });

  it('unknown slugs get a friendly 404 page for browsers, and problem+json for API clients', async () => {
    for (const path of [
      '/articles/no-such-article',
      '/sections/no-such-section',
      '/podcasts/no-such-show',
      `${SHOW}/no-such-episode`,
      '/nowhere',
    ]) {
      const { response, text } = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const doc = dom(text);
      expect(doc.querySelector('h1')?.textContent).toBe('Page not found');
      expect(doc.querySelector('a[href="https://news.example/"]')).not.toBeNull();
      const asApi = await demo.app.request(path, { headers: { accept: 'application/json' } });
      expect(asApi.status).toBe(404);
      expect(asApi.headers.get('content-type')).toBe('application/problem+json');
    }
    const slashed = await get(`${ARTICLE}/`);
    expect(slashed.response.status).toBe(301);
    expect(slashed.response.headers.get('location')).toBe(`${BASE}${ARTICLE}`);
    expect((await get('/?page=99')).response.status).toBe(404);
    expect((await get('/?page=zero')).response.status).toBe(400);
  });

  it('bad page numbers get a 400 HTML page for browsers saying what is wrong, and problem+json for others', async () => {
    for (const path of [
      '/?page=0',
      '/?page=abc',
      '/sections/science?page=-1',
      '/sections/science?page=1e9',
    ]) {
      const { response, text } = await get(path);
      expect(response.status, path).toBe(400);
      expect(response.headers.get('content-type'), path).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('content-security-policy')).toBeTruthy();
      const doc = dom(text);
      expect(doc.querySelector('h1')?.textContent).toBe('This address is not quite right');
      expect(doc.querySelector('main')?.textContent).toMatch(/page must be a whole number from 1 \(got "/);
      expect(doc.querySelector('a[href="https://news.example/"]')).not.toBeNull();
      const head = await demo.app.request(path, { method: 'HEAD', headers: BROWSER });
      expect(head.status).toBe(400);
      expect(await head.text()).toBe('');
      for (const accept of ['application/json', 'application/rss+xml, */*;q=0.1', '*/*']) {
        const asClient = await demo.app.request(path, { headers: { accept } });
        expect(asClient.status, `${path} ${accept}`).toBe(400);
        expect(asClient.headers.get('content-type')).toBe('application/problem+json');
      }
    }
    const feed = await demo.app.request('/feed.xml?page=0', { headers: { accept: 'application/rss+xml' } });
    expect(feed.headers.get('content-type')).toBe('application/problem+json');
  });

  it('drafts and scheduled articles are invisible until their time', async () => {
    expect((await get('/articles/harbour-wall-repairs-draft')).response.status).toBe(404);
    const at = new Date(clock + 3_600_000).toISOString();
    expect((await api('POST', '/articles/7/publish', { at })).status).toBe(200);
    expect((await get('/articles/harbour-wall-repairs-draft')).response.status).toBe(404);
    expect((await page('/')).querySelectorAll('.cards > li')).toHaveLength(6);
    clock += 3_600_000 + 1000;
    await new Promise((r) => setTimeout(r, 1100)); // the catalogue version is read at most once a second
    expect((await get('/articles/harbour-wall-repairs-draft')).response.status).toBe(200);
    expect((await page('/')).querySelectorAll('.cards > li')).toHaveLength(7);
    const deleted = await api('DELETE', '/articles/7');
    expect(deleted.status).toBe(204);
    const gone = await get('/articles/harbour-wall-repairs-draft');
    expect(gone.response.status).toBe(410);
    expect(dom(gone.text).querySelector('h1')?.textContent).toBe('This page has been removed');
  });

  it('escapes what editors write and sanitises bodies', async () => {
    const created = await api('POST', '/articles', {
      slug: 'escaping',
      sectionId: 1,
      headline: 'Tom & Jerry <script>alert(1)</script> "quoted"',
      standfirst: '</title><img src=x onerror=alert(1)>',
      bodyHtml:
        '<p onclick="steal()">Hello <script>alert(2)</script><a href="javascript:alert(3)">link</a></p>',
      tags: ['<b>tag</b>'],
    });
    expect(created.status).toBe(201);
    const { id } = await created.json();
    expect((await api('POST', `/articles/${id}/publish`, {})).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1100));
    const { text } = await get('/articles/escaping');
    expect(text).not.toContain('<script>alert');
    const doc = dom(text);
    // Written text stays text: no element, handler or script URL comes out of it.
    const elements = [...doc.querySelectorAll('*')];
    expect(elements.some((el) => [...el.attributes].some((a) => a.name.startsWith('on')))).toBe(false);
    expect(elements.some((el) => /^\s*javascript:/i.test(el.getAttribute('href') ?? ''))).toBe(false);
    expect(doc.querySelectorAll('img')).toHaveLength(0);
    expect(doc.querySelector('.standfirst')?.textContent).toBe('</title><img src=x onerror=alert(1)>');
    expect(doc.querySelector('.body p')?.textContent).toBe('Hello link');
    expect(doc.querySelector('h1')?.textContent).toBe('Tom & Jerry <script>alert(1)</script> "quoted"');
    expect(doc.querySelector('title')?.textContent).toContain('Tom & Jerry');
    expect(doc.querySelector('.tags li')?.textContent).toBe('<b>tag</b>');
    const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')?.textContent ?? '');
    expect(ld.headline).toBe('Tom & Jerry <script>alert(1)</script> "quoted"');
  });

  it('shows an episode whose audio file is lost without a player, and logs it', async () => {
    const before = logged.length;
    // The demo copy of part 1 disappears from the store.
    await demo.deps.media.delete('demo/briefing-01-tide-mill-people.mp3');
    await api('PATCH', '/articles/1', { standfirst: 'Renders again.' });
    const doc = await page(ARTICLE);
    const players = [...doc.querySelectorAll('.player')];
    expect(players[0]?.querySelector('audio')).toBeNull();
    expect(players[0]?.querySelector('.unavailable')?.textContent).toMatch(/not available/);
    expect(players[0]?.querySelector('.time')?.textContent).toBe('0:00 / 25:36');
    expect(players[1]?.querySelector('audio')).not.toBeNull();
    expect(logged.slice(before).some((line) => line.includes('missing from the store'))).toBe(true);
  });

  it('robots.txt and sitemaps: every public page, and recent articles for news', async () => {
    const robots = await get('/robots.txt');
    expect(robots.text).toContain('Disallow: /api/');
    expect(robots.text).toContain(`Sitemap: ${BASE}/sitemap.xml`);
    const sitemap = await get('/sitemap.xml');
    expect(sitemap.response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    wellFormedXml(sitemap.text);
    const locs = [...sitemap.text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toContain(`${BASE}${ARTICLE}`);
    expect(locs).toContain(`${BASE}${EPISODE_2}`);
    expect(locs).toContain(`${BASE}/sections/culture`);
    expect(locs).not.toContain(`${BASE}/articles/harbour-wall-repairs-draft`);
    const news = await get('/sitemap-news.xml');
    wellFormedXml(news.text);
    // Two days after the newest article, only it is recent enough for a news sitemap.
    expect([...news.text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])).toEqual([
      `${BASE}/articles/escaping`,
    ]);
  });
  it('pages the home page: 20 articles a page, linked newer and older', async () => {
    const at = new Date(clock - 86_400_000);
    await demo.deps.db.insert(articles).values(
      Array.from({ length: 20 }, (_, i) => ({
        slug: `paging-${i}`,
        guid: `urn:test:paging-${i}`,
        headline: `Paging article ${i}`,
        sectionId: 1,
        status: 'published' as const,
        publishedAt: new Date(at.getTime() - i * 60_000),
        createdAt: at,
        updatedAt: at,
      })),
    );
    await new Promise((r) => setTimeout(r, 1100));
    const first = await page('/');
    expect(first.querySelectorAll('.cards > li')).toHaveLength(20);
    expect(first.querySelector('a[rel=prev]')).toBeNull();
    const next = first.querySelector('a[rel=next]')?.getAttribute('href') ?? '';
    expect(next).toBe(`${BASE}/?page=2`);
    const second = await page(new URL(next).pathname + new URL(next).search);
    expect(second.querySelector('h1')?.textContent).toBe('Latest news (page 2 of 2)');
    expect(second.querySelector('a[rel=prev]')?.getAttribute('href')).toBe(`${BASE}/`);
    expect(second.querySelector('a[rel=next]')).toBeNull();
    const all = [...first.querySelectorAll('.cards h2'), ...second.querySelectorAll('.cards h2')];
    expect(new Set(all.map((h) => h.textContent)).size).toBe(all.length); // nothing twice
    expect(second.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(`${BASE}/?page=2`);
  });
  it('oEmbed: episode pages announce it, and it answers with the embed player', async () => {
    const doc = await page(EPISODE_2);
    const href = doc.querySelector('link[type="application/json+oembed"]')?.getAttribute('href') ?? '';
    expect(href).toBe(`${BASE}/oembed.json?url=${encodeURIComponent(`${BASE}${EPISODE_2}`)}`);
    const response = await demo.app.request(new URL(href).pathname + new URL(href).search);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const oembed = await response.json();
    expect(oembed).toMatchObject({
      version: '1.0',
      type: 'rich',
      title: 'The tide mill wakes up, part 2: the machine',
      author_name: 'Courier Conversations',
      provider_url: `${BASE}/`,
      width: 480,
      height: 200,
      thumbnail_width: 1400,
    });
    const iframe = dom(oembed.html).querySelector('iframe');
    expect(iframe?.getAttribute('src')).toBe(`${BASE}${EPISODE_2}/embed`);
    // The episode page offers the same code (linkedom leaves a textarea's character references as written).
    const escaped = (html: string) =>
      html.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    expect(doc.querySelector('#embed-code')?.textContent).toBe(escaped(oembed.html));
    const narrow = await (
      await demo.app.request(`/oembed.json?url=${encodeURIComponent(`${BASE}${EPISODE_2}`)}&maxwidth=320`)
    ).json();
    expect(narrow.width).toBe(320);
    for (const [query, status] of [
      ['', 400],
      [`?url=${encodeURIComponent('https://elsewhere.example/podcasts/a/b')}`, 400],
      [`?url=${encodeURIComponent(`${BASE}${SHOW}/no-such-episode`)}`, 404],
      [`?url=${encodeURIComponent(`${BASE}${SHOW}`)}`, 404],
      [`?url=${encodeURIComponent(`${BASE}${EPISODE_2}`)}&format=xml`, 400],
      [`?url=${encodeURIComponent(`${BASE}${EPISODE_2}`)}&maxwidth=wide`, 400],
    ] as const) {
      const bad = await demo.app.request(`/oembed.json${query}`);
      expect(bad.status, query).toBe(status);
      expect(bad.headers.get('content-type')).toBe('application/problem+json');
    }
  });
});
