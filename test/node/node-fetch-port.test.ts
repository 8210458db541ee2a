import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchFailed, FetchTimedOut } from '../../src/net/fetch-errors.ts';
import { createSafeFetch } from '../../src/net/safe-fetch.ts';
import { createNodeFetchPort } from '../../src/node/node-fetch-port.ts';
import { type OriginServer, PUBLIC_STAND_IN, startOrigin } from '../helpers/origin-server.ts';

let origin: OriginServer;

beforeAll(async () => {
  origin = await startOrigin((req, res) => res.end(`hello ${req.headers.host}`));
});
afterAll(() => origin.close());

const get = (url: string, signal?: AbortSignal) =>
  new Request(url, { redirect: 'manual', ...(signal ? { signal } : {}) });

describe('createNodeFetchPort', () => {
  it('connects to the pinned address, never looking the name up (it does not even exist)', async () => {
    const port = createNodeFetchPort();
    const response = await port.fetch(get(`http://no-such-host.invalid:${origin.port}/`), {
      address: '127.0.0.1',
    });
    expect(await response.text()).toBe(`hello no-such-host.invalid:${origin.port}`);
  });

  it('connects to the pinned address even where the name resolves elsewhere (localhost -> 127.0.0.1)', async () => {
    const before = origin.requests.length;
    const port = createNodeFetchPort();
    // 192.0.2.1 (TEST-NET-1) goes nowhere: the request fails or times out, but never reaches loopback.
    const attempt = port.fetch(get(`http://localhost:${origin.port}/`, AbortSignal.timeout(500)), {
      address: '192.0.2.1',
    });
    await expect(attempt).rejects.toThrow();
    expect(origin.requests.length).toBe(before);
  });

  it('refuses to resolve a host name itself when no address was pinned', async () => {
    const before = origin.requests.length;
    const port = createNodeFetchPort();
    await expect(port.fetch(get(`http://localhost:${origin.port}/`), {})).rejects.toThrow();
    expect(origin.requests.length).toBe(before);
  });

  it('answers Web Responses with the status and headers, redirects not followed', async () => {
    const redirecting = await startOrigin((_req, res) =>
      res.writeHead(302, { location: '/elsewhere' }).end(),
    );
    try {
      const response = await createNodeFetchPort().fetch(get(`${redirecting.origin}/`), {
        address: '127.0.0.1',
      });
      expect(response).toBeInstanceOf(Response);
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe('/elsewhere');
      expect(redirecting.requests).toHaveLength(1);
    } finally {
      await redirecting.close();
    }
  });

  it('resolves names through the system resolver (localhost is in /etc/hosts)', async () => {
    const addresses = await createNodeFetchPort().resolve?.('localhost');
    expect(addresses?.some((a) => a === '127.0.0.1' || a === '::1')).toBe(true);
  });
});

describe('DNS rebinding', () => {
  it('a name answering a public address first and 127.0.0.1 next is never connected to 127.0.0.1', async () => {
    const answers = [[PUBLIC_STAND_IN], ['127.0.0.1']];
    const asked: string[] = [];
    const rebinding = async (hostname: string) => {
      asked.push(hostname);
      return answers[Math.min(asked.length - 1, 1)] as string[];
    };
    const before = origin.requests.length;
    const safeFetch = createSafeFetch(createNodeFetchPort({ resolve: rebinding }), {
      allowPrivate: false,
      allowedPorts: [origin.port],
      timeoutMs: 500,
    });
    const error = await safeFetch(`http://rebind.example.test:${origin.port}/feed.xml`, {
      maxBytes: 1000,
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    // The connection went to the checked public address (unreachable here), not to the rebound one.
    expect(error instanceof FetchFailed || error instanceof FetchTimedOut).toBe(true);
    expect(asked).toEqual(['rebind.example.test']);
    expect(origin.requests.length).toBe(before);
  });
});
