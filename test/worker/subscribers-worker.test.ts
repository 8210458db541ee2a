import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { subscriberSteps } from '../helpers/subscriber-scenarios.ts';
import { startWorker, type WorkerHarness } from '../helpers/worker-harness.ts';

const ADMIN_TOKEN = 'subscribers-worker-admin-token-0123456789';
const BASE = 'https://news.example';

describe('subscriber feeds in workerd (D1, R2, the Cache API)', () => {
  let worker: WorkerHarness;
  const lines: string[] = [];
  let steps: ReturnType<typeof subscriberSteps>;

  beforeAll(async () => {
    worker = await startWorker(
      { BASE_URL: BASE, ADMIN_TOKEN, SUBSCRIBER_MAX_NETWORKS: '2', LOG_LEVEL: 'debug' },
      { keepState: true, onLog: (line) => lines.push(line) },
    );
    steps = subscriberSteps({
      fetch: (path, init) => worker.fetch(path, init),
      adminToken: ADMIN_TOKEN,
      baseUrl: BASE,
      // wrangler dev passes CF-Connecting-IP through as the client sent it
      addressHeader: 'cf-connecting-ip',
      // podwire's own lines (JSON); wrangler dev's access log ([wrangler:info] GET /path) is the local
      // stand-in for Cloudflare's request logs, which show full URLs too (README: Subscriber feeds)
      logs: () => lines.filter((line) => line.trimStart().startsWith('{')),
    });
    await steps.findShow();
  });
  afterAll(async () => {
    await worker?.dispose();
    if (worker) await rm(worker.persist, { recursive: true, force: true });
  });

  let first: Awaited<ReturnType<ReturnType<typeof subscriberSteps>['privateFeedOfPublicShow']>>;
  let audio = '';

  it('gives a subscriber its feed with itunes:block and tokenised enclosures, and the audio with ranges', async () => {
    first = await steps.privateFeedOfPublicShow();
    audio = await steps.privateMediaWithRange(first.s, first.xml);
  });

  it('gates a subscribers-only show even with the edge cache warm', async () => {
    await steps.gateShow(first.s, audio);
    await steps.countsOf(first.s, { downloads: 2, feedFetches: 2 });
  });

  it('revokes at once, the same 404 for revoked, unknown and malformed tokens', async () => {
    await steps.add('grace');
    await steps.revokeWarm(first.s, audio);
    await steps.countsOf(first.s, { downloads: 4, feedFetches: 4 });
    await steps.sameNotFound(first.s);
  });

  it('flags a shared link and never logs a token', async () => {
    await steps.sharedLink();
    steps.tokensNotLogged();
  });
});
