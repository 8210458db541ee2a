import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { type RunningServer, startNodeServer } from '../../src/node/server.ts';
import { subscriberSteps } from '../helpers/subscriber-scenarios.ts';
import { tempDirs } from '../helpers/temp-dir.ts';
import { freePort } from '../helpers/worker-harness.ts';

const ADMIN_TOKEN = 'subscribers-node-admin-token-0123456789';

describe('subscriber feeds on Node over loopback (npm start: hot responses, fast path, stored feeds)', () => {
  const newDir = tempDirs();
  let server: RunningServer;
  const lines: string[] = [];
  let steps: ReturnType<typeof subscriberSteps>;

  beforeAll(async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = await startNodeServer(
      parseConfig({
        PORT: String(port),
        HOST: '127.0.0.1',
        BASE_URL: base,
        DATABASE_URL: `file:${join(await newDir(), 'subscribers.db')}`,
        ADMIN_TOKEN,
        TRUST_PROXY: 'true',
        SUBSCRIBER_MAX_NETWORKS: '2',
        LOG_LEVEL: 'debug',
      }),
      createLogger({ level: 'debug', write: (line) => lines.push(line) }),
    );
    steps = subscriberSteps({
      fetch: (path, init) => fetch(`${base}${path}`, init),
      adminToken: ADMIN_TOKEN,
      baseUrl: base,
      addressHeader: 'x-forwarded-for',
      logs: () => lines,
    });
    await steps.findShow();
  });
  afterAll(async () => {
    await server?.close();
  });

  let first: Awaited<ReturnType<ReturnType<typeof subscriberSteps>['privateFeedOfPublicShow']>>;
  let audio = '';

  it('gives a subscriber of a public show its feed with itunes:block and every enclosure through the token', async () => {
    first = await steps.privateFeedOfPublicShow();
  });

  it('serves the audio through the token with ranges, privately cached', async () => {
    audio = await steps.privateMediaWithRange(first.s, first.xml);
  });

  it('gates a subscribers-only show: public feed and bare audio 404 (warm caches too), pages without players', async () => {
    await steps.gateShow(first.s, audio);
  });

  it('counts feed fetches and downloads per token', async () => {
    // feed: 1 (first) + 1 (after gating); downloads: bytes=0-99 and bytes=0- (the 0-1 probe is not one)
    await steps.countsOf(first.s, { downloads: 2, feedFetches: 2 });
  });

  it('revokes at once: the next request with the token fails, after feed and media were requested twice', async () => {
    const other = await steps.add('grace');
    await steps.revokeWarm(first.s, audio);
    // another subscriber's link goes on
    const res = await fetch(other.feedUrl);
    if (res.status !== 200) throw new Error(`other subscriber: ${res.status}`);
    await steps.countsOf(first.s, { downloads: 4, feedFetches: 4 });
  });

  it('answers a revoked, unknown or malformed token with the same 404', async () => {
    await steps.sameNotFound(first.s);
  });

  it('flags a link used from more networks in a day than SUBSCRIBER_MAX_NETWORKS, and logs it once', async () => {
    await steps.sharedLink();
  });

  it('never writes a token to the log', () => {
    steps.tokensNotLogged();
  });
});
