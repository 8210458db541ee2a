import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.ts';
import { openDemoApp } from './helpers/demo-app.ts';
import { tempDirs } from './helpers/temp-dir.ts';

describe('createApp', () => {
  const newDir = tempDirs();
  let demo: Awaited<ReturnType<typeof openDemoApp>>;
  beforeAll(async () => {
    demo = await openDemoApp(await newDir());
  });
  afterAll(() => demo.close());

  it('lists the demo articles newest first on /, the paired one with its two episodes and lengths', async () => {
    const response = await demo.app.request('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    const html = await response.text();
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    const headlines = [...html.matchAll(/<article><h2>(?:<span[^>]*>[^<]*<\/span>)?([^<]+)<\/h2>/g)].map(
      (m) => m[1],
    );
    expect(headlines).toEqual([
      'The tide mill on Saltings Creek turns again',
      'Night-sky survey at the old quarry counts a record 212 meteors',
      'Library&#39;s seed bank lends its thousandth packet',
      'Retired fishermen&#39;s choir records its first album',
      'Students build a weather station on the ferry pier',
      'Council agrees to a car-free market morning',
    ]);
    const durations = [...html.matchAll(/<span class="duration">([^<]+)<\/span>/g)].map((m) => m[1]);
    expect(durations).toEqual(['25:36', '26:25']);
    expect(html).toContain('The tide mill wakes up, part 1: the people');
    expect(html).not.toContain('Harbour wall repairs');
  });

  it('links every feed from the home page, for autodiscovery and by hand, and the OPML list', async () => {
    const html = await (await demo.app.request('/')).text();
    const alternates = [
      ...html.matchAll(/<link rel="alternate" type="([^"]+)" title="[^"]+" href="([^"]+)"\/>/g),
    ].map((m) => [m[1], m[2]]);
    expect(alternates).toEqual([
      ['application/rss+xml', 'https://news.example/feed.xml'],
      ['application/atom+xml', 'https://news.example/feed.atom'],
      ['application/feed+json', 'https://news.example/feed.json'],
      ['application/rss+xml', 'https://news.example/podcasts/courier-conversations/feed.xml'],
    ]);
    expect(html).toContain('<a href="https://news.example/opml.xml">All feeds (OPML)</a>');
  });

  it('answers /healthz with the database status', async () => {
    const response = await demo.app.request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('answers unknown paths with a problem+json 404', async () => {
    const response = await demo.app.request('/no/such/page');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 404, title: 'Not found' });
  });

  it('answers a malformed page number with a problem+json 400 saying what is wrong', async () => {
    for (const page of ['0', 'abc', '-1', '1e9']) {
      const response = await demo.app.request(`/?page=${page}`);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      const body = await response.json();
      expect(body.detail).toMatch(/page must be a whole number/);
    }
  });

  it('echoes a request id and logs one structured line per request', async () => {
    const lines: string[] = [];
    const dir = await newDir();
    const logged = await openDemoApp(dir, {
      log: createLogger({ level: 'info', write: (l) => lines.push(l) }),
    });
    const response = await logged.app.request('/healthz', { headers: { 'x-request-id': 'abc-123' } });
    expect(response.headers.get('x-request-id')).toBe('abc-123');
    const entry = JSON.parse(lines.at(-1) ?? '{}');
    expect(entry).toMatchObject({
      level: 'info',
      msg: 'request',
      requestId: 'abc-123',
      path: '/healthz',
      status: 200,
    });
    logged.close();
  });

  it('turns an unexpected failure into a 500 problem without internals, and logs it', async () => {
    const lines: string[] = [];
    const dir = await newDir();
    const broken = await openDemoApp(dir, {
      log: createLogger({ level: 'error', write: (l) => lines.push(l) }),
    });
    broken.close(); // the database is gone: every query now fails
    const response = await broken.app.request('/');
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body.title).toBe('Internal server error');
    expect(JSON.stringify(body)).not.toMatch(/sqlite|libsql|at .*\.ts/i);
    expect(lines.some((l) => JSON.parse(l).msg === 'request failed')).toBe(true);
  });

  it('reports an unavailable database on /healthz as a 503 problem', async () => {
    const dir = await newDir();
    const broken = await openDemoApp(dir);
    broken.close();
    const response = await broken.app.request('/healthz');
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });
});
