import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorker, type WorkerHarness } from '../helpers/worker-harness.ts';

describe('the Worker in workerd', () => {
  let worker: WorkerHarness;
  beforeAll(async () => {
    worker = await startWorker({ BASE_URL: 'https://news.example' });
  });
  afterAll(() => worker?.dispose());

  it('serves the demo home page and podcast feed from D1 and R2', async () => {
    const html = await (await worker.fetch('/')).text();
    expect([...html.matchAll(/class="duration">([^<]+)</g)].map((m) => m[1])).toEqual(['25:36', '26:25']);
    const feed = await (await worker.fetch('/podcasts/courier-conversations/feed.xml')).text();
    expect(feed).toContain('<itunes:duration>1536</itunes:duration>');
  });
});
