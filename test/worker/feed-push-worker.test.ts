import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIO_FIXTURES } from '../helpers/byte-reader.ts';
import { eventually } from '../helpers/eventually.ts';
import { type PingRecorder, startPingRecorder } from '../helpers/ping-recorder.ts';
import { freePort, startWorker, type WorkerHarness } from '../helpers/worker-harness.ts';

const TOKEN = 'push-worker-admin-token-0123456789';
const AUTH = { authorization: `Bearer ${TOKEN}` };

describe('feed push in workerd: notices sent in waitUntil after a write, and by the cron trigger', () => {
  let worker: WorkerHarness;
  let recorder: PingRecorder;
  let base: string;
  const podcastFeed = () => `${base}/podcasts/courier-conversations/feed.xml`;

  beforeAll(async () => {
    recorder = await startPingRecorder();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    worker = await startWorker(
      {
        BASE_URL: base,
        ADMIN_TOKEN: TOKEN,
        WEBSUB_HUBS: `${recorder.url}/hub`,
        PODPING_TOKEN: 'podping-token',
        PODPING_URL: `${recorder.url}/podping`,
        PUBNOTIFY_URL: `${recorder.url}/pubnotify`,
      },
      { port, testScheduled: true },
    );
  }, 180_000);
  afterAll(async () => {
    await worker?.dispose();
    await recorder?.close();
  });

  const api = (method: string, path: string, body?: unknown) =>
    worker.fetch(`/api/v1${path}`, {
      method,
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const feedPings = (path: string, feed: string) =>
    recorder.requests.filter(
      (r) =>
        r.url.pathname === path &&
        (r.url.searchParams.get('url') ?? new URLSearchParams(r.body).get('hub.url')) === feed,
    );

  it("sends an editor's change to the hub, Podping and Podcast Index once the response has gone", async () => {
    const episodes = (await (await api('GET', '/episodes')).json()).items as { id: number; status: string }[];
    const episode = episodes.find((e) => e.status === 'published');
    const response = await api('PATCH', `/episodes/${episode?.id}`, { title: 'Pushed from the edge' });
    expect(response.status).toBe(200);
    await eventually(
      () => feedPings('/pubnotify', podcastFeed()).length > 0,
      'pubnotify from the Worker',
      60_000,
    );
    await eventually(
      () => feedPings('/hub', podcastFeed()).length > 0,
      'hub publish from the Worker',
      60_000,
    );
    const [podping] = feedPings('/podping', podcastFeed());
    expect(podping?.headers.authorization).toBe('podping-token');
    expect(podping?.url.searchParams.get('medium')).toBe('podcast');
    const [publish] = feedPings('/hub', podcastFeed());
    expect(publish?.method).toBe('POST');
    expect(new URLSearchParams(publish?.body).get('hub.mode')).toBe('publish');
    // one notice per target for this version, however many isolates ran
    expect(feedPings('/pubnotify', podcastFeed())).toHaveLength(1);
  });

  it('announces a scheduled episode when the cron trigger finds it live', async () => {
    const show = await (
      await api('POST', '/shows', {
        slug: 'edge-later',
        title: 'Edge Later',
        description: 'A show.',
        language: 'en',
        author: 'Newsroom',
        categories: [{ category: 'News' }],
      })
    ).json();
    const episode = await (
      await api('POST', '/episodes', { showId: show.id, slug: 'soon', title: 'Soon' })
    ).json();
    const mp3 = new Uint8Array(await readFile(new URL('mp3-cbr-info.mp3', AUDIO_FIXTURES)));
    const uploaded = await worker.fetch(`/api/v1/episodes/${episode.id}/audio`, {
      method: 'PUT',
      headers: { ...AUTH, 'content-type': 'audio/mpeg' },
      body: mp3,
    });
    expect(uploaded.status).toBe(200);
    const at = new Date(Date.now() + 4_000);
    expect((await api('POST', `/episodes/${episode.id}/publish`, { at: at.toISOString() })).status).toBe(200);
    const feed = `${base}/podcasts/edge-later/feed.xml`;
    // the show's creation was announced already; wait for those to go, then forget them
    await eventually(() => feedPings('/pubnotify', feed).length > 0, 'the new show announced', 60_000);
    await new Promise((r) => setTimeout(r, Math.max(0, at.getTime() - Date.now()) + 500));
    // whatever the publish call itself owed has gone by now (waitUntil waits about 2 s)
    recorder.requests.length = 0;
    expect((await worker.fetch('/__scheduled?cron=*+*+*+*+*')).status).toBe(200);
    await eventually(
      () => feedPings('/pubnotify', feed).length > 0,
      'pubnotify from the cron trigger',
      30_000,
    );
    expect(feedPings('/podping', feed)).toHaveLength(1);
  });

  it('lists a live item in the feed at the edge, and tells Podping reason=live when it goes live', async () => {
    const start = new Date(Date.now() + 3_600_000).toISOString();
    const created = await api('POST', '/shows/1/live-items', {
      title: 'Edge live',
      startAt: start,
      streamUrl: 'https://stream.news.example/edge.mp3',
    });
    expect(created.status).toBe(201);
    const { id } = await created.json();
    expect((await api('PATCH', `/live-items/${id}`, { status: 'live' })).status).toBe(200);
    const feed = await (await worker.fetch('/podcasts/courier-conversations/feed.xml')).text();
    expect(feed).toContain(`<podcast:liveItem status="live" start="${start}">`);
    expect(feed).toContain(
      '<enclosure url="https://stream.news.example/edge.mp3" length="0" type="audio/mpeg"/>',
    );
    await eventually(
      () => feedPings('/podping', podcastFeed()).some((r) => r.url.searchParams.get('reason') === 'live'),
      'Podping reason=live from the Worker',
      60_000,
    );
  });
});
