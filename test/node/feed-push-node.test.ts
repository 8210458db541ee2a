import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { SILENT_LOGGER } from '../../src/log.ts';
import { type RunningServer, startNodeServer } from '../../src/node/server.ts';
import { eventually } from '../helpers/eventually.ts';
import { type PingRecorder, startPingRecorder } from '../helpers/ping-recorder.ts';
import { tempDirs } from '../helpers/temp-dir.ts';
import {
  startTestHub,
  startTestSubscriber,
  type TestHub,
  type TestSubscriber,
} from '../helpers/websub-hub.ts';
import { freePort } from '../helpers/worker-harness.ts';

const TOKEN = 'push-node-admin-token-0123456789';
const SECRET = 'subscriber-secret';

describe('feed push on Node: a real WebSub hub, Podping and pubnotify over loopback', () => {
  const newDir = tempDirs();
  let hub: TestHub;
  let subscriber: TestSubscriber;
  let refusing: TestSubscriber;
  let recorder: PingRecorder;
  let server: RunningServer;
  let base: string;
  const feed = () => `${base}/podcasts/courier-conversations/feed.xml`;

  beforeAll(async () => {
    [hub, subscriber, refusing, recorder] = await Promise.all([
      startTestHub(),
      startTestSubscriber(SECRET),
      startTestSubscriber(SECRET, { refuse: true }),
      startPingRecorder(),
    ]);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = await startNodeServer(
      parseConfig({
        PORT: String(port),
        HOST: '127.0.0.1',
        BASE_URL: base,
        DATABASE_URL: `file:${join(await newDir(), 'push.db')}`,
        ADMIN_TOKEN: TOKEN,
        WEBSUB_HUBS: hub.url,
        PODPING_TOKEN: 'podping-token',
        PODPING_URL: `${recorder.url}/podping`,
        PUBNOTIFY_URL: `${recorder.url}/pubnotify`,
      }),
      SILENT_LOGGER,
    );
  });
  afterAll(async () => {
    await server?.close();
    await Promise.all([hub, subscriber, refusing, recorder].map((s) => s?.close()));
  });

  const subscribe = (callback: string) =>
    fetch(hub.url, {
      method: 'POST',
      body: new URLSearchParams({
        'hub.mode': 'subscribe',
        'hub.callback': callback,
        'hub.topic': feed(),
        'hub.secret': SECRET,
      }),
    });

  it('announces every feed after start-up, so hubs and indexes learn of a new site', async () => {
    await eventually(() => hub.published.includes(feed()), 'the podcast feed announced to the hub', 60_000);
    await eventually(
      () => recorder.requests.some((r) => r.url.pathname === '/pubnotify'),
      'pubnotify called',
      60_000,
    );
    await eventually(
      () => hub.published.includes(`${base}/feed.atom`),
      'the Atom news feed announced',
      60_000,
    );
  });

  it("delivers an editor's change to verified subscribers through the hub, and pings Podping and Podcast Index", async () => {
    expect((await subscribe(subscriber.callback)).status).toBe(202);
    expect((await subscribe(refusing.callback)).status).toBe(202);
    await eventually(
      () => hub.subscriptions.length === 2 && hub.subscriptions[0]?.verified === true,
      'verified',
    );
    expect(hub.subscriptions.map((s) => s.verified)).toEqual([true, false]);
    recorder.requests.length = 0;
    hub.published.length = 0;

    const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
    const list = await (await fetch(`${base}/api/v1/episodes`, { headers })).json();
    const episode = (list.items as { id: number; status: string }[]).find((e) => e.status === 'published');
    if (!episode) throw new Error('the demo has no published episode');
    const patched = await fetch(`${base}/api/v1/episodes/${episode.id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ title: 'The tide mill, pushed to every app' }),
    });
    expect(patched.status).toBe(200);

    // within 60 s (the bound); here about two seconds, the burst window
    const title = '<title>The tide mill, pushed to every app</title>';
    await eventually(
      () => subscriber.received.some((r) => r.body.includes(title)),
      'the hub delivered the new feed',
      60_000,
    );
    const delivered = subscriber.received.find((r) => r.body.includes(title));
    expect(delivered?.signed).toBe(true);
    expect(delivered?.link).toContain(`<${feed()}>; rel="self"`);
    expect(refusing.received).toEqual([]);

    await eventually(() => recorder.requests.length >= 2, 'podping and pubnotify', 60_000);
    const podping = recorder.requests.find(
      (r) => r.url.pathname === '/podping' && r.url.searchParams.get('url') === feed(),
    );
    expect(podping?.url.searchParams.get('reason')).toBe('update');
    expect(podping?.headers.authorization).toBe('podping-token');
    expect(
      recorder.requests
        .filter((r) => r.url.pathname === '/pubnotify')
        .map((r) => r.url.searchParams.get('url')),
    ).toEqual([feed()]);
  });
});
