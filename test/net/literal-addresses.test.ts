import { describe, expect, it } from 'vitest';
import { FetchRefused, type FetchRule } from '../../src/net/fetch-errors.ts';
import { createSafeFetch, type FetchPort } from '../../src/net/safe-fetch.ts';
import { createNodeFetchPort } from '../../src/node/node-fetch-port.ts';
import { createWorkerFetchPort } from '../../src/worker/worker-fetch-port.ts';

/** Every spelling of a non-public host that a URL can carry, with the rule that must refuse it. */
const TRICKS: ReadonlyArray<readonly [string, FetchRule, string?]> = [
  ['http://127.0.0.1/', 'loopback', '127.0.0.1'],
  ['http://2130706433/', 'loopback', '127.0.0.1'],
  ['http://0177.0.0.1/', 'loopback', '127.0.0.1'],
  ['http://0x7f.0.0.1/', 'loopback', '127.0.0.1'],
  ['http://0x7f000001/', 'loopback', '127.0.0.1'],
  ['http://127.1/', 'loopback', '127.0.0.1'],
  ['http://127.0.0.1./', 'loopback', '127.0.0.1'],
  ['http://%31%32%37.0.0.1/', 'loopback', '127.0.0.1'],
  ['http://127.255.255.254/', 'loopback', '127.255.255.254'],
  ['http://[::1]/', 'loopback', '::1'],
  ['http://[0:0:0:0:0:0:0:1]/', 'loopback', '::1'],
  ['http://[::ffff:127.0.0.1]/', 'loopback', '::ffff:7f00:1'],
  ['http://[::ffff:7f00:1]/', 'loopback', '::ffff:7f00:1'],
  ['http://[::ffff:0:7f00:1]/', 'loopback'],
  ['http://[64:ff9b::7f00:1]/', 'loopback'],
  ['http://[2002:7f00:1::]/', 'loopback'],
  ['http://[::7f00:1]/', 'reserved'],
  ['http://0.0.0.0/', 'unspecified', '0.0.0.0'],
  ['http://0/', 'unspecified', '0.0.0.0'],
  ['http://[::]/', 'unspecified', '::'],
  ['http://10.0.0.5/feed.xml', 'private', '10.0.0.5'],
  ['http://172.16.0.1/', 'private'],
  ['http://192.168.1.1/', 'private'],
  ['http://100.64.0.1/', 'private'],
  ['http://[fc00::1]/', 'private'],
  ['http://[fd12:3456::1]/', 'private'],
  ['http://169.254.1.1/', 'link-local'],
  ['http://[fe80::1]/', 'link-local'],
  ['http://224.0.0.1/', 'multicast'],
  ['http://[ff02::1]/', 'multicast'],
  ['http://255.255.255.255/', 'reserved'],
  ['http://240.0.0.1/', 'reserved'],
  ['http://192.0.2.10/', 'reserved'],
  ['http://[2001:db8::1]/', 'reserved'],
  ['http://169.254.169.254/latest/meta-data/', 'metadata', '169.254.169.254'],
  ['http://[::ffff:169.254.169.254]/', 'metadata'],
  ['http://[fd00:ec2::254]/', 'metadata', 'fd00:ec2::254'],
  ['http://100.100.100.200/', 'metadata'],
  ['http://168.63.129.16/', 'metadata'],
  ['http://metadata.google.internal/computeMetadata/v1/', 'metadata'],
  ['http://localhost/', 'local-name', 'localhost'],
  ['http://LOCALHOST./', 'local-name', 'localhost'],
  ['http://feeds.localhost/', 'local-name'],
  ['http://printer.local/', 'local-name'],
  ['http://db.internal/', 'local-name'],
  ['http://nas.home.arpa/', 'local-name'],
  ['http://intranet/', 'local-name', 'intranet'],
  ['http://[fe80::1%25eth0]/', 'invalid-url'],
  ['file:///etc/passwd', 'scheme'],
  ['ftp://feeds.example.com/feed.xml', 'scheme'],
  ['data:text/xml,<rss/>', 'scheme'],
  ['javascript:alert(1)', 'scheme'],
  ['gopher://feeds.example.com:70/', 'scheme'],
  ['ws://feeds.example.com/', 'scheme'],
  ['http://user:pass@feeds.example.com/', 'credentials'],
  ['http://feeds.example.com:8080/', 'port'],
  ['https://feeds.example.com:22/', 'port'],
  ['not a url', 'invalid-url'],
];

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
    const error = await safeFetch(url, { maxBytes: 100 }).then(
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
