// GET /search and /opensearch.xml through the app: HTML and JSON, escaping, hostile queries, the search link on every page.
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_QUERY_CHARS } from '../../src/catalog/search/search-query.ts';
import { openDemoApp } from '../helpers/demo-app.ts';
import { tempDirs } from '../helpers/temp-dir.ts';

const BASE = 'https://news.example';
const q = (text: string, extra = '') => `/search?q=${encodeURIComponent(text)}${extra}`;

/** Queries that are FTS5 or SQL syntax, or otherwise hostile, each meant as nothing but words. */
const HOSTILE: readonly string[] = [
  '"',
  '""',
  '"tide',
  '*',
  'mill*',
  '(',
  ')',
  '(tide OR',
  'NEAR',
  'NEAR(tide mill, 2)',
  'tide OR',
  'OR',
  'AND NOT',
  'NOT mill',
  '-mill',
  '^tide',
  'title:mill',
  '{title body}: mill',
  "'; DROP TABLE articles; --",
  "1' OR '1'='1",
  'x UNION SELECT * FROM users',
  '\u0000\u0001\u0002tide\u0003',
  '%',
  '\\',
  '<script>alert(1)</script>',
  '   ',
  '',
];

describe('GET /search', () => {
  const newDir = tempDirs();
  let demo: Awaited<ReturnType<typeof openDemoApp>>;
  const get = (path: string) => demo.app.request(path);

  beforeAll(async () => {
    demo = await openDemoApp(await newDir());
  });
  afterAll(() => demo.close());

  it('answers an HTML page with ranked results, marked words and the query kept in both search boxes', async () => {
    const response = await get(q('tide mill'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain(
      '<a href="https://news.example/articles/tide-mill-turns-again">The <mark>tide</mark>',
    );
    expect(html.match(/<input[^>]*name="q"[^>]*value="tide mill"/g)).toHaveLength(2);
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    expect(html).toMatch(/<form action="https:\/\/news\.example\/search" method="get">/);
  });

  it('links transcript hits at the moment the words are spoken', async () => {
    const html = await (await get(q('Agnes Rowe'))).text();
    expect(html).toContain(
      'href="https://news.example/podcasts/courier-conversations/tide-mill-part-1-the-people?t=300"',
    );
    expect(html).toContain('Listen from 5:00');
  });

  it('escapes the query wherever it is shown', async () => {
    const html = await (await get(q('<script>alert(1)</script> "mill'))).text();
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('answers JSON with ?format=json', async () => {
    const response = await get(q('Agnes', '&format=json'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as Record<string, unknown> & { results: Record<string, unknown>[] };
    expect(body).toMatchObject({
      query: 'Agnes',
      terms: ['agnes'],
      page: 1,
      pageSize: 20,
      total: 1,
      lastPage: 1,
    });
    expect(body.results[0]).toEqual({
      kind: 'transcript',
      title: 'The tide mill wakes up, part 1: the people',
      titleHtml: 'The tide mill wakes up, part 1: the people',
      url: `${BASE}/podcasts/courier-conversations/tide-mill-part-1-the-people?t=300`,
      snippet: 'The last miller, Agnes Rowe, locked the mill door in nineteen thirty six.',
      snippetHtml: 'The last miller, <mark>Agnes</mark> Rowe, locked the mill door in nineteen thirty six.',
      publishedAt: '2026-10-09T06:00:00.000Z',
      show: { title: expect.any(String), url: `${BASE}/podcasts/courier-conversations` },
      startSeconds: 300,
      startText: '5:00',
    });
    expect(body.links).toEqual({
      self: `${BASE}/search?q=Agnes&format=json`,
      html: `${BASE}/search?q=Agnes`,
      next: null,
      prev: null,
    });
  });

  it('answers an empty query with an empty page, not an error', async () => {
    for (const path of ['/search', q(''), q('   ', '&format=json')]) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
    }
    const body = (await (await get('/search?format=json')).json()) as { total: number; results: unknown[] };
    expect(body).toMatchObject({ total: 0, results: [] });
  });

  it.each(HOSTILE)('treats %j as words: never a 500, never an FTS or SQL error', async (text) => {
    for (const format of ['', '&format=json']) {
      const response = await get(q(text, format));
      expect(response.status).toBe(200);
      const body = await response.text();
      expect(body).not.toMatch(/fts5|sqlite|syntax error|malformed MATCH|no such column/i);
      if (!format) expect(body).not.toContain('<script>alert');
    }
  });

  it.each([
    '/search?q=%ED%A0%80%20mill',
    '/search?q=%',
    '/search?q=%E0%A4%A',
    '/search?q=mill&q=tide',
    '/search?q=%FF%FE',
  ])('answers the malformed query string %s without a 500', async (path) => {
    const response = await get(path);
    expect(response.status).toBeLessThan(500);
    expect(await response.text()).not.toMatch(/fts5|sqlite|syntax error/i);
  });

  it('shortens a 10 KB query to its first characters and says so', async () => {
    const long = 'mill '.repeat(2048);
    const response = await get(q(long, '&format=json'));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { query: string; notice: string; total: number };
    expect([...body.query].length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
    expect(body.notice).toContain(`first ${MAX_QUERY_CHARS} characters`);
    expect(body.total).toBeGreaterThan(0);
    const html = await (await get(q(long))).text();
    expect(html).toContain(`shortened to its first ${MAX_QUERY_CHARS} characters`);
  });

  it('refuses a bad page number or format with a 400 problem', async () => {
    for (const path of [q('mill', '&page=0'), q('mill', '&page=x'), q('mill', '&format=xml')]) {
      const response = await get(path);
      expect(response.status, path).toBe(400);
      expect(response.headers.get('content-type'), path).toMatch(/^application\/problem\+json|^text\/html/);
    }
  });

  it('offers an OpenSearch description with {searchTerms} templates', async () => {
    const response = await get('/opensearch.xml');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/opensearchdescription+xml; charset=utf-8');
    const xml = await response.text();
    const urls: Record<string, string>[] = [];
    let shortName = '';
    let inShortName = false;
    const parser = new SaxesParser({ xmlns: true });
    parser.on('opentag', (tag) => {
      expect(tag.uri).toBe('http://a9.com/-/spec/opensearch/1.1/');
      if (tag.local === 'Url')
        urls.push(Object.fromEntries(Object.values(tag.attributes).map((a) => [a.local, a.value])));
      inShortName = tag.local === 'ShortName';
    });
    parser.on('text', (text) => {
      if (inShortName) shortName += text;
    });
    parser.on('closetag', () => {
      inShortName = false;
    });
    parser.write(xml).close();
    expect([...shortName].length).toBeGreaterThan(0);
    expect([...shortName].length).toBeLessThanOrEqual(16);
    expect(urls).toContainEqual({
      type: 'text/html',
      method: 'get',
      template: `${BASE}/search?q={searchTerms}`,
    });
    expect(urls).toContainEqual({
      type: 'application/json',
      method: 'get',
      template: `${BASE}/search?q={searchTerms}&format=json`,
    });
  });

  it.each([
    '/',
    '/articles/tide-mill-turns-again',
    '/podcasts/courier-conversations/tide-mill-part-1-the-people',
    '/search?q=mill',
    '/no/such/page',
  ])('%s links the OpenSearch description and has a search box in its header', async (path) => {
    const html = await (await demo.app.request(path, { headers: { accept: 'text/html' } })).text();
    expect(html).toMatch(
      /<link rel="search" type="application\/opensearchdescription\+xml" title="[^"]+" href="https:\/\/news\.example\/opensearch\.xml"\/>/,
    );
    expect(html).toMatch(
      /<header class="site-header">[\s\S]*<search class="site-search">[\s\S]*name="q"[\s\S]*<\/header>/,
    );
  });
});
