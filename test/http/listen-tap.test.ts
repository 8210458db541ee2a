import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { utcDay } from '../../src/analytics/utc-day.ts';
import { createDayKeys } from '../../src/catalog/analytics/day-keys.ts';
import { createListenRecorder, type ListenRecorder } from '../../src/catalog/analytics/listen-recorder.ts';
import { mediaPath } from '../../src/catalog/media-url.ts';
import { parseConfig } from '../../src/config.ts';
import { eventsOfDay } from '../../src/db/queries/listens.ts';
import { findAssetByKey } from '../../src/db/queries/media-assets.ts';
import { SILENT_LOGGER } from '../../src/log.ts';
import { nodeDayHmac } from '../../src/node/node-day-hmac.ts';
import { DEMO_NOW, openDemoApp } from '../helpers/demo-app.ts';
import { tempDirs } from '../helpers/temp-dir.ts';

const KEY = 'demo/briefing-01-tide-mill-people.mp3';
const UA = 'AppleCoreMedia/1.0.0.21F90 (iPhone; U; CPU OS 17_5 like Mac OS X; en_us)';
/** The Node media store reads the file in chunks of this size. */
const CHUNK = 64 * 1024;

describe('openListenTap (the media route counting what each response delivered)', () => {
  const newDir = tempDirs();
  let demo: Awaited<ReturnType<typeof openDemoApp>>;
  let recorder: ListenRecorder;
  let path: string;
  let size: number;
  let client = 0;

  beforeAll(async () => {
    let db: Parameters<typeof createListenRecorder>[0] | undefined;
    const lazyDb = new Proxy({} as Parameters<typeof createListenRecorder>[0], {
      get: (_t, p) => Reflect.get(db as object, p),
    });
    recorder = createListenRecorder(lazyDb, { log: SILENT_LOGGER });
    demo = await openDemoApp(await newDir(), {
      config: parseConfig({ BASE_URL: 'https://news.example', TRUST_PROXY: 'true' }),
      // As `npm start` runs it: node:crypto's HMAC, and a timer (here the test) writes the events.
      listens: { recorder, keys: createDayKeys(lazyDb, { hmac: nodeDayHmac }), flushedOnTimer: true },
    });
    db = demo.deps.db;
    const asset = await findAssetByKey(demo.deps.db, KEY);
    path = mediaPath(asset as NonNullable<typeof asset>);
    size = asset?.sizeBytes ?? 0;
  });
  afterAll(() => demo?.close());

  /** One listener's GET; reads `chunks` chunks of the body (all when undefined) then cancels; flushes. */
  async function fetchAudio(range: string | undefined, chunks?: number) {
    client += 1;
    const headers: Record<string, string> = { 'user-agent': UA, 'x-forwarded-for': `198.51.100.${client}` };
    if (range) headers.range = range;
    const response = await demo.app.request(`https://news.example${path}`, { headers });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let read = 0;
    for (let i = 0; chunks === undefined || i < chunks; i++) {
      const { done, value } = await reader.read();
      if (done) break;
      read += value.byteLength;
    }
    if (chunks !== undefined) await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await recorder.flush();
    return { status: response.status, read };
  }

  it('records the whole file once, read to its end', async () => {
    const before = (await eventsOfDay(demo.deps.db, utcDay(DEMO_NOW))).length;
    const { status, read } = await fetchAudio(undefined);
    const events = await eventsOfDay(demo.deps.db, utcDay(DEMO_NOW));
    expect(status).toBe(200);
    expect(read).toBe(size);
    expect(events.slice(before).map((e) => [e.rangeStart, e.rangeEnd])).toEqual([[0, size]]);
  });

  it('records one range as the span it delivered', async () => {
    const before = (await eventsOfDay(demo.deps.db, utcDay(DEMO_NOW))).length;
    const { status, read } = await fetchAudio('bytes=1000-299999');
    const events = await eventsOfDay(demo.deps.db, utcDay(DEMO_NOW));
    expect(status).toBe(206);
    expect(read).toBe(299_000);
    expect(events.slice(before).map((e) => [e.rangeStart, e.rangeEnd])).toEqual([[1000, 300_000]]);
  });

  it('counts only the bytes the client pulled when it goes away early', async () => {
    const before = (await eventsOfDay(demo.deps.db, utcDay(DEMO_NOW))).length;
    const whole = await fetchAudio(undefined, 2);
    const ranged = await fetchAudio('bytes=500000-', 3);
    const events = await eventsOfDay(demo.deps.db, utcDay(DEMO_NOW));
    expect(whole.read).toBe(2 * CHUNK);
    expect(ranged.read).toBe(3 * CHUNK);
    expect(events.slice(before).map((e) => [e.rangeStart, e.rangeEnd])).toEqual([
      [0, 2 * CHUNK],
      [500_000, 500_000 + 3 * CHUNK],
    ]);
  });

  it('records each part of a multipart answer', async () => {
    const before = (await eventsOfDay(demo.deps.db, utcDay(DEMO_NOW))).length;
    const { status } = await fetchAudio('bytes=0-99,200000-200099');
    const events = await eventsOfDay(demo.deps.db, utcDay(DEMO_NOW));
    expect(status).toBe(206);
    expect(events.slice(before).map((e) => [e.rangeStart, e.rangeEnd])).toEqual([
      [0, 100],
      [200_000, 200_100],
    ]);
  });
});
