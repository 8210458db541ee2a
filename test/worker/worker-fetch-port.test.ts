import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OriginServer, startOrigin } from '../helpers/origin-server.ts';
import { REPO_ROOT } from '../helpers/spawn-podwire.ts';
import { TRICKS } from '../helpers/ssrf-tricks.ts';

// A Worker that runs the safe fetch on a list of URLs and answers what became of each.
const WORKER = `
import { createSafeFetch } from './src/net/safe-fetch.ts';
import { createWorkerFetchPort } from './src/worker/worker-fetch-port.ts';
export default {
  async fetch(request) {
    const { urls, allowPrivate } = await request.json();
    const safeFetch = createSafeFetch(createWorkerFetchPort(), { allowPrivate, timeoutMs: 5000 });
    const results = [];
    for (const url of urls) {
      try {
        const response = await safeFetch(url, { maxBytes: 1000 });
        const body = new TextDecoder().decode(await response.bytes());
        results.push({ status: response.status, url: response.url, redirects: response.redirects, body });
      } catch (error) {
        results.push({ name: error.name, rule: error.rule, address: error.address, message: error.message });
      }
    }
    return Response.json(results);
  },
};
`;

let mf: Miniflare;
let origin: OriginServer;

beforeAll(async () => {
  const bundle = await build({
    stdin: { contents: WORKER, resolveDir: REPO_ROOT, loader: 'ts' },
    bundle: true,
    format: 'esm',
    write: false,
    conditions: ['workerd', 'worker', 'browser'],
    platform: 'browser',
  });
  mf = new Miniflare({
    workers: [
      {
        config: {
          name: 'safe-fetch',
          compatibilityDate: '2026-11-01',
          manifest: {
            mainModule: 'worker.js',
            modules: { 'worker.js': { type: 'esm', contents: bundle.outputFiles[0]?.text ?? '' } },
          },
        },
      },
    ],
  });
  origin = await startOrigin((req, res) => {
    if (req.url === '/moved') res.writeHead(308, { location: '/feed.xml' }).end();
    else if (req.url === '/to-metadata') res.writeHead(302, { location: 'http://169.254.169.254/' }).end();
    else res.end('<rss/>');
  });
});
afterAll(async () => {
  await mf?.dispose();
  await origin?.close();
});

async function run(urls: readonly string[], allowPrivate: boolean) {
  const response = await mf.dispatchFetch('http://worker/', {
    method: 'POST',
    body: JSON.stringify({ urls, allowPrivate }),
  });
  return (await response.json()) as Array<Record<string, unknown>>;
}

describe('the Worker port in workerd', () => {
  it("refuses every literal-address trick and local name, as workerd's URL parser reads them", async () => {
    const results = await run(
      TRICKS.map(([url]) => url),
      false,
    );
    const seen = results.map((r, i) => ({
      name: r.name,
      rule: r.rule,
      ...(TRICKS[i]?.[2] ? { address: r.address } : {}),
    }));
    expect(seen).toEqual(
      TRICKS.map(([, rule, address]) => ({ name: 'FetchRefused', rule, ...(address ? { address } : {}) })),
    );
  });

  it('fetches over workerd with ALLOW_PRIVATE_FETCH, following a redirect by hand and re-checking it', async () => {
    const [moved, toMetadata] = await run([`${origin.origin}/moved`, `${origin.origin}/to-metadata`], true);
    expect(moved).toEqual({
      status: 200,
      url: `${origin.origin}/feed.xml`,
      redirects: [{ from: `${origin.origin}/moved`, to: `${origin.origin}/feed.xml`, permanent: true }],
      body: '<rss/>',
    });
    expect(toMetadata).toMatchObject({ name: 'FetchRefused', rule: 'metadata', address: '169.254.169.254' });
  });
});
