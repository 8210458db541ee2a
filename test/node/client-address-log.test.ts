import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { type RunningServer, startNodeServer } from '../../src/node/server.ts';
import { tempDirs } from '../helpers/temp-dir.ts';

const FEED = '/podcasts/courier-conversations/feed.xml';
const FORGED = { 'x-forwarded-for': '6.6.6.6, 203.0.113.9:4711' };

describe('startNodeServer: the client address in request logs', () => {
  const newDir = tempDirs();
  const servers: RunningServer[] = [];
  afterAll(() => Promise.all(servers.map((s) => s.close())));

  /** A server with `vars`, and the request lines it logs. */
  async function start(vars: Record<string, string>) {
    const lines: Record<string, unknown>[] = [];
    const config = parseConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${join(await newDir(), 'p.db')}`,
      ...vars,
    });
    const log = createLogger({ level: 'info', write: (l) => lines.push(JSON.parse(l)) });
    const server = await startNodeServer(config, log);
    servers.push(server);
    return { server, requests: () => lines.filter((l) => l.msg === 'request') };
  }

  /** The page, then the feed twice: the second one comes from the fast path. */
  async function browse(url: string) {
    for (const path of ['/healthz', FEED, FEED]) {
      const response = await fetch(`${url}${path}`, { headers: FORGED });
      expect(response.status).toBe(200);
      await response.arrayBuffer();
    }
  }

  it('logs the socket address and ignores a forged X-Forwarded-For without TRUST_PROXY', async () => {
    const { server, requests } = await start({});
    await browse(server.url);
    expect(requests().map((l) => [l.path, l.client, l.fast ?? false])).toEqual([
      ['/healthz', '127.0.0.1', false],
      [FEED, '127.0.0.1', false],
      [FEED, '127.0.0.1', true],
    ]);
  });

  it('logs the right-most X-Forwarded-For entry with TRUST_PROXY=true', async () => {
    const { server, requests } = await start({ TRUST_PROXY: 'true' });
    await browse(server.url);
    expect(requests().map((l) => [l.path, l.client, l.fast ?? false])).toEqual([
      ['/healthz', '203.0.113.9', false],
      [FEED, '203.0.113.9', false],
      [FEED, '203.0.113.9', true],
    ]);
    const plain = await fetch(`${server.url}/healthz`, { headers: { 'x-forwarded-for': 'unknown' } });
    await plain.arrayBuffer();
    expect(requests().at(-1)?.client).toBe('127.0.0.1');
  });
});
