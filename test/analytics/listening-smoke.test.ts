import { getConnInfo } from '@hono/node-server/conninfo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDayKeys } from '../../src/catalog/analytics/day-keys.ts';
import { createListenRecorder } from '../../src/catalog/analytics/listen-recorder.ts';
import { mediaPath } from '../../src/catalog/media-url.ts';
import { findAssetByKey } from '../../src/db/queries/media-assets.ts';
import { SILENT_LOGGER } from '../../src/log.ts';
import { AUTH, openAdminApp } from '../helpers/admin-client.ts';
import { listen, type TestServer } from '../helpers/http-server.ts';
import { tempDirs } from '../helpers/temp-dir.ts';

const KEY = 'demo/briefing-01-tide-mill-people.mp3';

describe('listening analytics end to end (Node, loopback)', () => {
  const newDir = tempDirs();
  let admin: Awaited<ReturnType<typeof openAdminApp>>;
  let server: TestServer;
  let path: string;
  let recorder: ReturnType<typeof createListenRecorder>;

  beforeAll(async () => {
    const dir = await newDir();
    let db: Parameters<typeof createListenRecorder>[0] | undefined;
    const lazyDb = new Proxy({} as Parameters<typeof createListenRecorder>[0], {
      get: (_t, p) => Reflect.get(db as object, p),
    });
    recorder = createListenRecorder(lazyDb, { log: SILENT_LOGGER });
    admin = await openAdminApp(
      dir,
      { TRUST_PROXY: 'true' },
      {
        peerAddress: (c) => getConnInfo(c).remote.address,
        listens: { recorder, keys: createDayKeys(lazyDb) },
      },
    );
    db = admin.demo.deps.db;
    server = await listen(admin.demo.app);
    const asset = await findAssetByKey(admin.demo.deps.db, KEY);
    path = mediaPath(asset as NonNullable<typeof asset>);
  });
  afterAll(async () => {
    await server?.close();
    admin?.demo.close();
  });

  it('counts a full download once, not a HEAD or bytes=0-1, and reports it by app', async () => {
    const get = (headers: Record<string, string>, method = 'GET') =>
      fetch(`${server.url}${path}`, { method, headers }).then(async (r) => {
        await r.arrayBuffer();
        return r.status;
      });
    const ua = 'AppleCoreMedia/1.0.0.21F90 (iPhone; U; CPU OS 17_5 like Mac OS X; en_us)';
    expect(await get({ 'user-agent': ua, 'x-forwarded-for': '203.0.113.7', range: 'bytes=0-1' })).toBe(206);
    expect(await get({ 'user-agent': ua, 'x-forwarded-for': '203.0.113.8' }, 'HEAD')).toBe(200);
    expect(await get({ 'user-agent': ua, 'x-forwarded-for': '203.0.113.9' })).toBe(200);
    expect(await get({ 'user-agent': ua, 'x-forwarded-for': '203.0.113.9' })).toBe(200);
    await new Promise((r) => setTimeout(r, 50));
    await recorder.flush();
    const res = await admin.demo.app.request('/api/v1/episodes/1/stats', { headers: AUTH });
    expect(res.status).toBe(200);
    const stats = (await res.json()) as { downloads: number; apps: unknown[] };
    expect(stats.downloads).toBe(1);
    // OPAWG names the player library AppleCoreMedia (Apple Podcasts streams through it, and so do other iOS apps).
    expect(stats.apps).toEqual([{ app: 'AppleCoreMedia', downloads: 1 }]);
    const anonymous = await admin.demo.app.request('/api/v1/episodes/1/stats');
    expect(anonymous.status).toBe(401);
  });
});
