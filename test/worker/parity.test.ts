import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoApp } from '../helpers/demo-app.ts';
import { tempDirs } from '../helpers/temp-dir.ts';
import { startWorker, type WorkerHarness } from '../helpers/worker-harness.ts';

const BASE_URL = 'https://news.example';

/** Every public document of the demo site. */
const PATHS = [
  '/',
  '/?page=1',
  '/feed.xml',
  '/feed.atom',
  '/feed.json',
  '/sections/town/feed.xml',
  '/sections/science/feed.atom',
  '/sections/culture/feed.json',
  '/podcasts/courier-conversations/feed.xml',
  '/podcasts/courier-conversations/tide-mill-part-1-the-people/chapters.json',
  '/podcasts/courier-conversations/tide-mill-part-2-the-machine/chapters.json',
  '/opml.xml',
  '/articles/tide-mill-turns-again',
  '/articles/quarry-meteor-count',
  '/sections/town',
  '/sections/science?page=1',
  '/podcasts',
  '/podcasts/courier-conversations',
  '/podcasts/courier-conversations/tide-mill-part-1-the-people',
  '/podcasts/courier-conversations/tide-mill-part-2-the-machine',
  '/podcasts/courier-conversations/tide-mill-part-2-the-machine/embed',
  '/robots.txt',
  `/oembed.json?url=${encodeURIComponent('https://news.example/podcasts/courier-conversations/tide-mill-part-1-the-people')}`,
  '/sitemap.xml',
  '/articles/harbour-wall-repairs-draft',
  '/api/v1/sections',
  '/api/v1/shows',
  '/api/v1/articles',
  '/api/v1/episodes',
  '/no/such/page',
  // Site search (FTS5 on D1 as on libSQL): ranking, snippets and transcript deep links alike.
  '/search?q=tide+mill',
  '/search?q=mill&page=2',
  '/search?q=Agnes+Rowe&format=json',
  '/search?q=the&format=json',
  '/search?q=%22NEAR(%2A+OR',
  '/search?q=harbour+wall',
  '/opensearch.xml',
];

describe('Node (libSQL) and Worker (D1, R2) serve the same site', () => {
  const newDir = tempDirs();
  let worker: WorkerHarness;
  let node: Awaited<ReturnType<typeof openDemoApp>>;

  beforeAll(async () => {
    worker = await startWorker({ BASE_URL });
    node = await openDemoApp(await newDir());
  });
  afterAll(async () => {
    await worker?.dispose();
    node?.close();
  });

  it.each(PATHS)('%s: the same status, bytes, ETag and Last-Modified', async (path) => {
    const headers = { 'accept-encoding': 'identity' };
    const fromWorker = await worker.fetch(path, { headers });
    const fromNode = await node.app.request(path, { headers });
    expect(fromWorker.status).toBe(fromNode.status);
    expect(fromWorker.headers.get('content-type')).toBe(fromNode.headers.get('content-type'));
    expect(fromWorker.headers.get('etag')).toBe(fromNode.headers.get('etag'));
    expect(fromWorker.headers.get('last-modified')).toBe(fromNode.headers.get('last-modified'));
    const [workerBody, nodeBody] = [await fromWorker.text(), await fromNode.text()];
    // problem bodies carry each request's own id
    const withoutIds = (text: string) => text.replace(/"requestId":"[^"]+"|request id [0-9a-f-]+/g, '');
    expect(withoutIds(workerBody)).toBe(withoutIds(nodeBody));
  });

  // Its window follows the clock, and here Node runs at DEMO_NOW while the Worker runs at the real time:
  // the bodies (both without recent articles) must match; the ETags name different hours.
  it('/sitemap-news.xml: the same bytes', async () => {
    const fromWorker = await worker.fetch('/sitemap-news.xml');
    const fromNode = await node.app.request('/sitemap-news.xml');
    expect(fromWorker.status).toBe(200);
    expect(await fromWorker.text()).toBe(await fromNode.text());
  });

  it('serves the demo media with the same validators from R2 as from the folder', async () => {
    const feed = await (await node.app.request('/podcasts/courier-conversations/feed.xml')).text();
    const urls = [
      ...feed.matchAll(/(?:enclosure|itunes:image|podcast:transcript) (?:url|href)="([^"]+)"/g),
    ].map((m) => new URL(m[1] as string).pathname);
    expect(urls.length).toBeGreaterThanOrEqual(5);
    for (const path of urls) {
      const fromWorker = await worker.fetch(path, { method: 'HEAD' });
      const fromNode = await node.app.request(path, { method: 'HEAD' });
      for (const name of ['content-type', 'content-length', 'etag', 'last-modified', 'cache-control']) {
        expect(fromWorker.headers.get(name), `${path} ${name}`).toBe(fromNode.headers.get(name));
      }
    }
  });
});
