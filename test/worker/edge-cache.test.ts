import { rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createMemorySharedCache } from '../../src/http/memory-shared-cache.ts';
import { createLogger } from '../../src/log.ts';
import { openDemoApp } from '../helpers/demo-app.ts';
import { tempDirs } from '../helpers/temp-dir.ts';
import { startWorker } from '../helpers/worker-harness.ts';

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
    const body = await (await first.app.request(FEED)).text();
    expect(renders).toHaveLength(1);
    // another isolate: its own memory, the same shared cache
    const second = await openDemoApp(await newDir(), { sharedCache: shared, log });
    expect(await (await second.app.request(FEED)).text()).toBe(body);
    expect(renders).toHaveLength(1);
    first.close();
    second.close();
  });

  it('on Workers is the Cache API: a restarted Worker serves the feed without rendering it again', async () => {
    const lines: string[] = [];
    const vars = { BASE_URL: 'https://news.example', LOG_LEVEL: 'debug' };
    const first = await startWorker(vars, { keepState: true, onLog: (l) => lines.push(l) });
    const persist = first.persist;
    const body = await (await first.fetch(FEED)).text();
    const rendered = () => lines.filter((l) => l.includes('"msg":"rendered"')).length;
    expect(rendered()).toBe(1);
    await first.dispose();
    try {
      const again = await startWorker(vars, { persist, onLog: (l) => lines.push(l) });
      expect(await (await again.fetch(FEED)).text()).toBe(body);
      expect(rendered()).toBe(1); // a new isolate, an empty memory: the body came from the Cache API
      await again.dispose();
    } finally {
      await rm(persist, { recursive: true, force: true });
    }
  });
});
