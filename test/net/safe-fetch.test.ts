import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchRefused } from '../../src/net/fetch-errors.ts';
import { createSafeFetch, type FetchPolicy } from '../../src/net/safe-fetch.ts';
import { createNodeFetchPort } from '../../src/node/node-fetch-port.ts';
import { natPort, type OriginServer, startOrigin } from '../helpers/origin-server.ts';

const PUBLIC = 'public.example.test';
const OTHER = 'other.example.test';
let origin: OriginServer;
let internal: OriginServer;

const at = (path: string, host = PUBLIC) => `http://${host}:${origin.port}${path}`;

beforeAll(async () => {
  internal = await startOrigin((_req, res) => res.end('the secret'));
  origin = await startOrigin((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    if (path === '/feed.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end('<rss version="2.0"/>');
    } else if (path === '/redirect') {
      res.writeHead(Number(url.searchParams.get('status') ?? 302), {
        location: url.searchParams.get('to') ?? '/',
      });
      res.end();
    } else if (path.startsWith('/chain/')) {
      const left = Number(path.slice('/chain/'.length));
      if (left === 0) return void res.end('end of chain');
      // Alternate hosts so every hop is resolved and checked again.
      const host = left % 2 === 0 ? OTHER : PUBLIC;
      const status = [301, 302, 303, 307, 308][left % 5] as number;
      res.writeHead(status, { location: `http://${host}:${origin.port}/chain/${left - 1}` });
      res.end();
    } else if (path === '/loop/a' || path === '/loop/b') {
      res.writeHead(302, { location: path === '/loop/a' ? '/loop/b' : at('/loop/a') });
      res.end();
    } else if (path === '/missing') {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not here');
    } else {
      res.writeHead(404);
      res.end();
    }
  });
});

afterAll(async () => {
  await origin.close();
  await internal.close();
});

function safeFetchWith(policy: Partial<FetchPolicy> = {}, others: Record<string, string[]> = {}) {
  const port = natPort(createNodeFetchPort(), [PUBLIC, OTHER], others);
  const fetch = createSafeFetch(port, {
    allowPrivate: false,
    allowedPorts: [origin.port],
    timeoutMs: 10_000,
    ...policy,
  });
  return { fetch, port };
}

async function refusal(promise: Promise<unknown>): Promise<FetchRefused> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchRefused);
  return error as FetchRefused;
}

describe('safeFetch over real HTTP', () => {
  it('refuses a loopback server by default, naming the address and the rule, and sends it nothing', async () => {
    const { fetch } = safeFetchWith({ allowedPorts: [internal.port] });
    const error = await refusal(fetch(`${internal.origin}/feed.xml`, { maxBytes: 1000 }));
    expect(error).toMatchObject({ rule: 'loopback', address: '127.0.0.1', status: 422 });
    expect(error.message).toBe(
      `refused ${internal.origin}/feed.xml: 127.0.0.1 is a loopback address (ALLOW_PRIVATE_FETCH=true allows it)`,
    );
    expect(internal.requests).toEqual([]);
  });

  it('fetches a loopback server when private fetches are allowed (tests, intranets)', async () => {
    const { fetch } = safeFetchWith({ allowPrivate: true, allowedPorts: [] });
    const response = await fetch(`${internal.origin}/x`, { maxBytes: 1000 });
    expect(response).toMatchObject({ status: 200, url: `${internal.origin}/x`, redirects: [] });
    expect(new TextDecoder().decode(await response.bytes())).toBe('the secret');
    internal.requests.length = 0;
  });

  it('checks the addresses a name resolves to: a name for 127.0.0.1 is refused', async () => {
    const { fetch } = safeFetchWith({}, { 'evil.example.test': ['127.0.0.1'] });
    const error = await refusal(fetch(at('/feed.xml', 'evil.example.test'), { maxBytes: 1000 }));
    expect(error).toMatchObject({ rule: 'loopback', address: '127.0.0.1' });
    expect(error.message).toContain('127.0.0.1 is a loopback address (resolved from evil.example.test)');
    expect(origin.requests.filter((r) => r.startsWith('evil'))).toEqual([]);
  });

  it('refuses a name whose answers mix a public and a private address', async () => {
    const { fetch } = safeFetchWith({}, { 'mixed.example.test': ['93.184.215.14', '10.1.2.3'] });
    const error = await refusal(fetch(at('/feed.xml', 'mixed.example.test'), { maxBytes: 1000 }));
    expect(error).toMatchObject({ rule: 'private', address: '10.1.2.3' });
  });

  it('fetches a public host over the pinned address, keeping its name in the Host header', async () => {
    const { fetch } = safeFetchWith();
    const response = await fetch(at('/feed.xml#top'), { maxBytes: 1000, accept: 'application/rss+xml' });
    expect(response.status).toBe(200);
    expect(response.url).toBe(at('/feed.xml'));
    expect(response.headers.get('content-type')).toBe('application/rss+xml');
    expect(new TextDecoder().decode(await response.bytes())).toBe('<rss version="2.0"/>');
    expect(origin.requests).toContain(`${PUBLIC}:${origin.port} /feed.xml`);
  });

  it('answers a non-2xx final status instead of throwing', async () => {
    const response = await safeFetchWith().fetch(at('/missing'), { maxBytes: 1000 });
    expect(response.status).toBe(404);
    expect(new TextDecoder().decode(await response.bytes())).toBe('not here');
  });

  it('refuses a redirect to loopback after the hop, and the internal server sees nothing', async () => {
    const target = `${internal.origin}/secret`;
    const { fetch } = safeFetchWith({ allowedPorts: [origin.port, internal.port] });
    const error = await refusal(fetch(at(`/redirect?to=${encodeURIComponent(target)}`), { maxBytes: 1000 }));
    expect(error).toMatchObject({ rule: 'loopback', address: '127.0.0.1', url: target });
    expect(error.message).toContain(`(redirected from ${at('/redirect')}`);
    expect(internal.requests).toEqual([]);
  });

  it('refuses a redirect to a name that resolves to a private address', async () => {
    const { fetch } = safeFetchWith({}, { 'intranet.example.test': ['192.168.1.20'] });
    const to = at('/feed.xml', 'intranet.example.test');
    const error = await refusal(fetch(at(`/redirect?to=${encodeURIComponent(to)}`), { maxBytes: 1000 }));
    expect(error).toMatchObject({ rule: 'private', address: '192.168.1.20' });
  });

  it.each([
    ['file:///etc/passwd', 'scheme'],
    ['gopher://public.example.test/', 'scheme'],
    ['http://user:secret@public.example.test/', 'credentials'],
    ['http://169.254.169.254/latest/meta-data/', 'metadata'],
    ['http://public.example.test:25/', 'port'],
  ])('refuses a redirect to %s (%s)', async (to, rule) => {
    const error = await refusal(
      safeFetchWith().fetch(at(`/redirect?to=${encodeURIComponent(to)}`), { maxBytes: 1000 }),
    );
    expect(error.rule).toBe(rule);
    expect(error.url).not.toContain('secret');
  });

  it('follows five redirects of every kind, re-resolving each host, and records them', async () => {
    const { fetch, port } = safeFetchWith();
    const response = await fetch(at('/chain/5'), { maxBytes: 1000 });
    expect(response.status).toBe(200);
    expect(response.url).toBe(at('/chain/0'));
    expect(response.redirects.map((r) => [r.to.replace(/^.*\/chain\//, ''), r.permanent])).toEqual([
      ['4', true], // 301 from /chain/5
      ['3', true], // 308
      ['2', false], // 307
      ['1', false], // 303
      ['0', false], // 302
    ]);
    expect(port.resolved).toEqual([PUBLIC, PUBLIC, OTHER, PUBLIC, OTHER, PUBLIC]);
  });

  it('refuses a sixth redirect', async () => {
    const error = await refusal(safeFetchWith().fetch(at('/chain/6'), { maxBytes: 1000 }));
    expect(error.rule).toBe('redirects');
    expect(error.message).toContain('more than 5 redirects');
  });

  it('follows no more than maxRedirects', async () => {
    const error = await refusal(safeFetchWith({ maxRedirects: 1 }).fetch(at('/chain/2'), { maxBytes: 1000 }));
    expect(error.rule).toBe('redirects');
  });

  it('refuses a redirect loop', async () => {
    const error = await refusal(safeFetchWith().fetch(at('/loop/a'), { maxBytes: 1000 }));
    expect(error).toMatchObject({ rule: 'redirect-loop', url: at('/loop/a') });
  });
});
