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

  it('leaves conditional requests it does not handle to the app', async () => {
    const response = await fetch(`${server.url}${FEED}`, { headers: { 'if-match': '"nope"' } });
    expect(response.status).toBe(412);
  });
});
