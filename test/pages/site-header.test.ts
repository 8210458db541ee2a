import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { DEMO_NOW, openDemoApp } from '../helpers/demo-app.ts';
import { tempDirs } from '../helpers/temp-dir.ts';

const BASE = 'https://news.example';
const TOKEN = 'site-header-token-0123456789';
const BROWSER = { accept: 'text/html' };
const EPISODE = '/podcasts/courier-conversations/tide-mill-part-2-the-machine';

/** Every public HTML page, by the status a browser gets (the error pages are pages too). */
const PAGES: readonly [string, number][] = [
  ['/', 200],
  ['/?page=1', 200],
  ['/sections/town', 200],
  ['/podcasts', 200],
  ['/podcasts/courier-conversations', 200],
  [EPISODE, 200],
  [`${EPISODE}?t=807`, 200],
  ['/articles/tide-mill-turns-again', 200],
  ['/listen-later', 200],
  ['/search?q=mill', 200],
  ['/search', 200],
  ['/no/such/page', 404],
  ['/articles/no-such-article', 404],
  ['/?page=0', 400],
  ['/articles/quarry-meteor-count', 410],
];

describe('the site header on every public page', () => {
  const newDir = tempDirs();
  let demo: Awaited<ReturnType<typeof openDemoApp>>;
  const html = async (path: string, status: number) => {
    const response = await demo.app.request(path, { headers: BROWSER });
    expect(response.status, path).toBe(status);
    expect(response.headers.get('content-type'), path).toMatch(/^text\/html/);
    return parseHTML(await response.text()).document;
  };

  beforeAll(async () => {
    demo = await openDemoApp(await newDir(), {
      config: parseConfig({ BASE_URL: BASE, ADMIN_TOKEN: TOKEN }),
      now: () => DEMO_NOW,
    });
    // A deleted article: its address answers 410 with the site's page.
    const auth = { authorization: `Bearer ${TOKEN}` };
    const { items } = await (await demo.app.request('/api/v1/articles?limit=100', { headers: auth })).json();
    const gone = items.find((a: { slug: string }) => a.slug === 'quarry-meteor-count');
    const deleted = await demo.app.request(`/api/v1/articles/${gone.id}`, {
      method: 'DELETE',
      headers: auth,
    });
    expect(deleted.status).toBe(204);
  });
  afterAll(() => demo.close());

  it.each(PAGES)('%s (%i) links the OpenSearch description and has the search box', async (path, status) => {
    const doc = await html(path, status);
    const links = doc.querySelectorAll('head link[rel="search"]');
    expect(links, path).toHaveLength(1);
    expect(links[0]?.getAttribute('type')).toBe('application/opensearchdescription+xml');
    expect(links[0]?.getAttribute('href')).toBe(`${BASE}/opensearch.xml`);
    // A plain GET form in the header: it works without JavaScript.
    const form = doc.querySelector('header.site-header search form');
    expect(form?.getAttribute('action'), path).toBe(`${BASE}/search`);
    expect(form?.getAttribute('method')).toBe('get');
    const box = form?.querySelector('input[type="search"][name="q"]');
    expect(box).not.toBeNull();
    expect(doc.querySelector(`label[for="${box?.getAttribute('id')}"]`)?.textContent).toMatch(/^Search /);
  });

  it('the chromeless embed links the OpenSearch description but has no header', async () => {
    const doc = await html(`${EPISODE}/embed`, 200);
    expect(doc.querySelector('head link[rel="search"]')?.getAttribute('href')).toBe(`${BASE}/opensearch.xml`);
    expect(doc.querySelector('header.site-header')).toBeNull();
  });
});
