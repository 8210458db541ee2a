import { describe, expect, it } from 'vitest';
import { FetchRefused } from '../../src/net/fetch-errors.ts';
import { createSafeFetch, type FetchPort } from '../../src/net/safe-fetch.ts';
import { createNodeFetchPort } from '../../src/node/node-fetch-port.ts';
import { createWorkerFetchPort } from '../../src/worker/worker-fetch-port.ts';
import { TRICKS } from '../helpers/ssrf-tricks.ts';

/** A port that records every call: a refused URL must reach neither fetch nor resolve. */
function spying(port: FetchPort): FetchPort & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    fetch: (request, pinned) => {
      calls.push(`fetch ${request.url} ${pinned.address ?? ''}`);
      return port.fetch(request, pinned);
    },
    ...(port.resolve
      ? {
          resolve: (host: string) => {
            calls.push(`resolve ${host}`);
            return (port.resolve as (h: string) => Promise<string[]>)(host);
          },
        }
      : {}),
  };
}

const PORTS = [
  ['Node', () => createNodeFetchPort()],
  ['Worker', () => createWorkerFetchPort(async () => new Response('from the internet'))],
] as const;

describe.each(PORTS)('literal addresses and local names on the %s port', (_name, makePort) => {
  it.each(TRICKS)('refuses %s (%s) without sending anything', async (url, rule, address) => {
    const port = spying(makePort());
    const safeFetch = createSafeFetch(port, { allowPrivate: false, timeoutMs: 1000 });
    const error = await safeFetch(url as string, { maxBytes: 100 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FetchRefused);
    expect(error).toMatchObject({ rule, ...(address ? { address } : {}) });
    if (address) expect((error as Error).message).toContain(address);
    expect(port.calls).toEqual([]);
  });

  it('keeps metadata addresses and names refused with ALLOW_PRIVATE_FETCH, lifting the rest', async () => {
    const port = spying(makePort());
    const safeFetch = createSafeFetch(port, { allowPrivate: true, timeoutMs: 1000 });
    for (const url of [
      'http://169.254.169.254/',
      'http://[fd00:ec2::254]/',
      'http://metadata.google.internal/',
    ]) {
      await expect(safeFetch(url, { maxBytes: 100 })).rejects.toMatchObject({ rule: 'metadata' });
    }
    for (const url of ['file:///etc/passwd', 'http://a:b@10.0.0.1/']) {
      await expect(safeFetch(url, { maxBytes: 100 })).rejects.toBeInstanceOf(FetchRefused);
    }
    expect(port.calls).toEqual([]);
  });
});

describe('the Worker port', () => {
  it('hands a public name to the platform unresolved, GET with redirect manual and the Accept asked for', async () => {
    const seen: Request[] = [];
    const port = createWorkerFetchPort(async (input) => {
      seen.push(input as Request);
      return new Response('<rss/>', { headers: { 'content-type': 'application/rss+xml' } });
    });
    const response = await createSafeFetch(port, { allowPrivate: false, timeoutMs: 1000 })(
      'https://feeds.example.com/rss',
      { maxBytes: 100, accept: 'application/rss+xml' },
    );
    expect(new TextDecoder().decode(await response.bytes())).toBe('<rss/>');
    expect(seen.map((r) => [r.method, r.url, r.redirect, r.headers.get('accept')])).toEqual([
      ['GET', 'https://feeds.example.com/rss', 'manual', 'application/rss+xml'],
    ]);
  });
});
