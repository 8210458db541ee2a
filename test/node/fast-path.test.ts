import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { createLogger, SILENT_LOGGER } from '../../src/log.ts';
import { type RunningServer, startNodeServer } from '../../src/node/server.ts';
import { tempDirs } from '../helpers/temp-dir.ts';

const FEED = '/podcasts/courier-conversations/feed.xml';

describe('the Node fast path for hot feeds', () => {
  const newDir = tempDirs();
  const lines: Record<string, unknown>[] = [];
  let server: RunningServer;
  let dbPath: string;

  beforeAll(async () => {
    dbPath = join(await newDir(), 'fast.db');
    const config = parseConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${dbPath}`,
      BASE_URL: 'https://news.example',
    });
    server = await startNodeServer(
      config,
      createLogger({ level: 'info', write: (l) => lines.push(JSON.parse(l)) }),
    );
  });
  afterAll(() => server.close());

  const requestLines = () => lines.filter((l) => l.msg === 'request' && l.path === FEED);

  /**
   * The feed as the fast path answers `headers`. An entry is replayed for a second after the app last
   * confirmed it; a request that found it stale went to the app (which must agree) and is repeated.
   */
  async function viaFastPath(headers: Record<string, string> = {}) {
    for (let attempt = 0; ; attempt++) {
      const response = await fetch(`${server.url}${FEED}`, { headers });
      await response.arrayBuffer();
      const line = requestLines().at(-1);
      if (line?.fast === true || attempt === 3) return { response, line };
      expect(line?.status).toBe(response.status);
    }
  }

  it('replays the app’s own response: same status, headers and bytes', async () => {
    const first = await fetch(`${server.url}${FEED}`, { headers: { 'accept-encoding': 'gzip' } });
    const firstBody = new Uint8Array(await first.arrayBuffer());
    const second = await fetch(`${server.url}${FEED}`, { headers: { 'accept-encoding': 'gzip' } });
    const secondBody = new Uint8Array(await second.arrayBuffer());
    expect(requestLines().map((l) => l.fast ?? false)).toEqual([false, true]);
    expect(second.status).toBe(200);
    expect(secondBody).toEqual(firstBody);
    for (const name of [
      'content-type',
      'etag',
      'last-modified',
      'cache-control',
      'vary',
      'content-encoding',
    ]) {
      expect(second.headers.get(name), name).toBe(first.headers.get(name));
    }
  });

  it('answers revalidations with 304, and HEAD without a body', async () => {
    const etag = (await fetch(`${server.url}${FEED}`)).headers.get('etag') ?? '';
    const revalidated = await fetch(`${server.url}${FEED}`, { headers: { 'if-none-match': etag } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('etag')).toBe(etag);
    const head = await fetch(`${server.url}${FEED}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect((await head.arrayBuffer()).byteLength).toBe(0);
    expect(
      requestLines()
        .slice(-2)
        .every((l) => l.fast === true),
    ).toBe(true);
  });

  it('never serves a feed staler than the version TTL after a change made by another server', async () => {
    // A second podwire process on the same database (behind the same load balancer, say).
    const token = 'other-server-token-0123456789';
    const other = await startNodeServer(
      parseConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: `file:${dbPath}`,
        BASE_URL: 'https://news.example',
        ADMIN_TOKEN: token,
      }),
      SILENT_LOGGER,
    );
    try {
      const patched = await fetch(`${other.url}/api/v1/shows/1`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Renamed elsewhere' }),
      });
      expect(patched.status).toBe(200);
    } finally {
      await other.close();
    }
    await new Promise((r) => setTimeout(r, 1100));
    const text = await (await fetch(`${server.url}${FEED}`)).text();
    expect(text).toContain('<title>Renamed elsewhere</title>');
  });

  it('matches If-None-Match as the app does: W/, coding suffixes, lists and *', async () => {
    const gzip = { 'accept-encoding': 'gzip' };
    const etag = (await viaFastPath(gzip)).response.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[0-9a-z]+-gzip"$/);
    const base = etag.replace('-gzip"', '"');
    const cases: [string, number][] = [
      [etag, 304],
      [`W/${base}`, 304],
      [`"nope", ${base.replace(/"$/, '-br"')}`, 304],
      ['*', 304],
      ['"nope", W/"nope-gzip"', 200],
      [base.replace(/"$/, '-deflate"'), 200],
    ];
    for (const [ifNoneMatch, status] of cases) {
      const { response, line } = await viaFastPath({ ...gzip, 'if-none-match': ifNoneMatch });
      expect([response.status, line?.status, line?.fast], ifNoneMatch).toEqual([status, status, true]);
    }
  });

  it('answers If-Modified-Since at or after Last-Modified with 304, an earlier date with 200', async () => {
    const lastModified = (await viaFastPath()).response.headers.get('last-modified') ?? '';
    const at = new Date(lastModified).getTime();
    const cases: [string, number][] = [
      [lastModified, 304],
      [new Date(at + 60_000).toUTCString(), 304],
      [new Date(at - 1000).toUTCString(), 200],
      ['not a date', 200],
    ];
    for (const [since, status] of cases) {
      const { response, line } = await viaFastPath({ 'if-modified-since': since });
      expect([response.status, line?.status, line?.fast], since).toEqual([status, status, true]);
    }
  });

  it('logs the same fields as the app, and the path without its query', async () => {
    for (let i = 0; i < 2; i++) await (await fetch(`${server.url}${FEED}?utm_source=x`)).arrayBuffer();
    const [app, fast] = requestLines().slice(-2);
    expect(Object.keys(fast ?? {})).toEqual([...Object.keys(app ?? {}), 'fast']);
    expect(fast).toMatchObject({ level: 'info', msg: 'request', method: 'GET', path: FEED, status: 200 });
    expect(fast?.client).toBe('127.0.0.1');
  });

  it('gives a request without an id one from the app’s own counter, and keeps a sane one it was sent', async () => {
    const idOf = async (headers: Record<string, string> = {}) => {
      const { response, line } = await viaFastPath(headers);
      expect(line?.requestId).toBe(response.headers.get('x-request-id'));
      return String(line?.requestId);
    };
    const appId = (await fetch(`${server.url}/healthz`)).headers.get('x-request-id') ?? '';
    const [first, second] = [await idOf(), await idOf()];
    for (const id of [appId, first, second]) expect(id).toMatch(/^[0-9a-f]{16}-[1-9]\d*$/);
    const prefix = appId.split('-')[0];
    expect([first.split('-')[0], second.split('-')[0]]).toEqual([prefix, prefix]);
    const counter = (id: string) => Number(id.split('-')[1]);
    expect(counter(first)).toBeGreaterThan(counter(appId));
    expect(counter(second)).toBeGreaterThan(counter(first));
    expect(await idOf({ 'x-request-id': 'from-the-proxy_1=' })).toBe('from-the-proxy_1=');
    expect(await idOf({ 'x-request-id': 'not sane!' })).toMatch(/^[0-9a-f]{16}-\d+$/);
    expect(await idOf({ 'x-request-id': 'x'.repeat(256) })).toMatch(/^[0-9a-f]{16}-\d+$/);
  });

  it('leaves conditional requests it does not handle to the app', async () => {
    const response = await fetch(`${server.url}${FEED}`, { headers: { 'if-match': '"nope"' } });
    expect(response.status).toBe(412);
  });
});
