import { rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createMemorySharedCache } from '../../src/http/memory-shared-cache.ts';
import { createLogger } from '../../src/log.ts';
import { openDemoApp } from '../helpers/demo-app.ts';
import { tempDirs } from '../helpers/temp-dir.ts';
import { startWorker } from '../helpers/worker-harness.ts';

// Feeds are stored at write time (see below); documents such as OPML are rendered on request and
// shared through the cache.
const OPML = '/opml.xml';
const FEED = '/podcasts/courier-conversations/feed.xml';

describe('rendered feeds in the shared cache', () => {
  const newDir = tempDirs();

  it('are rendered once and then served by every other isolate from the cache', async () => {
    const shared = createMemorySharedCache();
    const renders: string[] = [];
    const log = createLogger({
      level: 'debug',
      write: (line) => JSON.parse(line).msg === 'rendered' && renders.push(line),
    });
    const first = await openDemoApp(await newDir(), { sharedCache: shared, log });
    const body = await (await first.app.request(OPML)).text();
    expect(renders).toHaveLength(1);
    // another isolate: its own memory, the same shared cache
    const second = await openDemoApp(await newDir(), { sharedCache: shared, log });
    expect(await (await second.app.request(OPML)).text()).toBe(body);
    expect(renders).toHaveLength(1);
    first.close();
    second.close();
  });

  it('on Workers is the Cache API, and stored feeds are R2: a restarted Worker renders neither again', async () => {
    const lines: string[] = [];
    const vars = { BASE_URL: 'https://news.example', LOG_LEVEL: 'debug' };
    const first = await startWorker(vars, { keepState: true, onLog: (l) => lines.push(l) });
    const persist = first.persist;
    const opml = await (await first.fetch(OPML)).text();
    const feed = await (await first.fetch(FEED)).text();
    const rendered = () => lines.filter((l) => l.includes('"msg":"rendered"')).length;
    const stored = () => lines.filter((l) => l.includes('"msg":"feed rendered and stored"')).length;
    expect([rendered(), stored()]).toEqual([1, 1]);
    await first.dispose();
    try {
      const again = await startWorker(vars, { persist, onLog: (l) => lines.push(l) });
      expect(await (await again.fetch(OPML)).text()).toBe(opml);
      expect(await (await again.fetch(FEED)).text()).toBe(feed);
      // a new isolate, an empty memory: the OPML came from the Cache API, the feed from D1 and R2
      expect([rendered(), stored()]).toEqual([1, 1]);
      await again.dispose();
    } finally {
      await rm(persist, { recursive: true, force: true });
    }
  });
});
