import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDocumentPipeline } from '../../../src/catalog/documents/pipeline.ts';
import { refreshExpired } from '../../../src/catalog/documents/store-documents.ts';
import { deliverDuePings, type PingDelivery } from '../../../src/catalog/push/deliver-pings.ts';
import { listOwedPings } from '../../../src/db/queries/feed-pings.ts';
import { feedPings } from '../../../src/db/schema.ts';
import { type AdminApp, audioFixture, BASE, minimalShow, openAdminApp } from '../../helpers/admin-client.ts';
import { type PingRecorder, startPingRecorder } from '../../helpers/ping-recorder.ts';
import { tempDirs } from '../../helpers/temp-dir.ts';

const PODCAST_FEED = `${BASE}/podcasts/courier-conversations/feed.xml`;
const TOKEN = 'podping-token-for-tests';

describe('feed notices (WebSub publish, Podping, pubnotify)', () => {
  const newDir = tempDirs();
  let api: AdminApp;
  let recorder: PingRecorder;
  let hub: string;
  const logged: { level: string; msg: string }[] = [];
  let delivery: PingDelivery;

  beforeAll(async () => {
    recorder = await startPingRecorder();
    hub = `${recorder.url}/hub`;
    api = await openAdminApp(await newDir(), {
      // Operator-set targets are used whatever BASE_URL is (https://news.example is not public).
      WEBSUB_HUBS: hub,
      PODPING_TOKEN: TOKEN,
      PODPING_URL: `${recorder.url}/podping?client=podwire`,
      PUBNOTIFY_URL: `${recorder.url}/pubnotify`,
    });
    const log = (level: string) => (msg: string) => void logged.push({ level, msg });
    delivery = {
      db: api.demo.deps.db,
      config: api.demo.deps.config,
      log: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
      now: () => new Date(api.clock.at),
      fetch: (request) => fetch(request),
      timeoutMs: 10_000,
    };
    await api.demo.warm();
  });
  afterAll(async () => {
    api.demo.close();
    await recorder.close();
  });
  beforeEach(() => {
    recorder.requests.length = 0;
  });

  const owed = () => listOwedPings(api.demo.deps.db);
  /** Delivers what is due once the burst window (2 s) has passed. */
  const deliver = async (ms = 3_000, timeoutMs = 10_000) => {
    api.clock.at += ms;
    return deliverDuePings({ ...delivery, timeoutMs });
  };
  /** The feed's entity tag: the first 16 hex digits of its content hash (the notice's version). */
  const feedEtag = async (url: string) =>
    (await api.demo.app.request(url.slice(BASE.length))).headers.get('etag')?.replaceAll('"', '');

  it('owes every feed a notice once it is first stored: each format to the hub, RSS to Podping, podcasts to pubnotify', async () => {
    const rows = await owed();
    const of = (feed: string) =>
      rows
        .filter((r) => r.feedUrl === feed)
        .map((r) => `${r.target.replace(hub, 'HUB')} ${r.medium}`)
        .sort();
    expect(of(PODCAST_FEED)).toEqual(['podping podcast', 'pubnotify podcast', 'websub HUB podcast']);
    expect(of(`${BASE}/feed.xml`)).toEqual(['podping blog', 'websub HUB blog']);
    expect(of(`${BASE}/feed.atom`)).toEqual(['websub HUB blog']);
    expect(of(`${BASE}/feed.json`)).toEqual(['websub HUB blog']);
    expect(rows.every((r) => r.reason === 'update' && r.attempts === 0)).toBe(true);
    expect(rows.find((r) => r.feedUrl === PODCAST_FEED)?.version.slice(0, 16)).toBe(
      await feedEtag(PODCAST_FEED),
    );
  });

  it('sends each as its service expects, and settles it', async () => {
    const count = (await owed()).length;
    // not before the burst window has passed
    expect((await deliverDuePings(delivery)).sent).toBe(0);
    expect(await deliver()).toEqual({ sent: count, failed: 0, dropped: 0 });
    expect(await owed()).toEqual([]);

    const about = (path: string) =>
      recorder.requests.filter(
        (r) =>
          r.url.pathname === path &&
          (r.url.searchParams.get('url') ?? r.body).includes('courier-conversations'),
      );
    const [publish] = recorder.requests.filter(
      (r) => r.url.pathname === '/hub' && new URLSearchParams(r.body).get('hub.url') === PODCAST_FEED,
    );
    expect(publish?.method).toBe('POST');
    expect(publish?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(publish?.body))).toEqual({
      'hub.mode': 'publish',
      'hub.url': PODCAST_FEED,
    });
    const [podping] = about('/podping');
    expect(podping?.method).toBe('GET');
    expect(podping?.headers.authorization).toBe(TOKEN);
    expect(Object.fromEntries(podping?.url.searchParams ?? [])).toEqual({
      client: 'podwire',
      url: PODCAST_FEED,
      reason: 'update',
      medium: 'podcast',
    });
    const [pubnotify] = about('/pubnotify');
    expect(pubnotify?.url.searchParams.get('url')).toBe(PODCAST_FEED);
    expect(pubnotify?.headers.authorization).toBeUndefined();
    expect(pubnotify?.headers['user-agent']).toBe(`podwire (+${BASE})`);
  });

  it('owes nothing when a feed is rendered again unchanged', async () => {
    await api.demo.warm();
    expect(await owed()).toEqual([]);
  });

  it('merges a burst of edits into one notice per feed and target, for the latest version', async () => {
    const episodes = (await (await api.call('GET', '/episodes')).json()).items as { id: number }[];
    const id = episodes[0]?.id;
    for (const title of ['First edit', 'Second edit', 'Third edit']) {
      expect((await api.call('PATCH', `/episodes/${id}`, { title })).status).toBe(200);
      api.clock.at += 200;
    }
    const rows = (await owed()).filter((r) => r.feedUrl === PODCAST_FEED);
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.version.slice(0, 16)))).toEqual(new Set([await feedEtag(PODCAST_FEED)]));
    await deliver();
    const pinged = recorder.requests.filter((r) => r.url.pathname === '/podping');
    expect(pinged.filter((r) => r.url.searchParams.get('url') === PODCAST_FEED)).toHaveLength(1);
  });

  it('retries a failing target with backoff, gives up on a refusal, and never waits on a hung one', async () => {
    await deliver();
    recorder.requests.length = 0;
    recorder.answer('/hub', 500);
    recorder.answer('/podping', 'hang');
    recorder.answer('/pubnotify', 400);
    await api.call('POST', '/shows', minimalShow('retry-show', 'Retry Show'));
    const feed = `${BASE}/podcasts/retry-show/feed.xml`;
    const forFeed = async () => (await owed()).filter((r) => r.feedUrl === feed);
    expect(await forFeed()).toHaveLength(3);
    // a short limit, so the hung target costs the test little (the others answer at once)
    const report = await deliver(3_000, 3_000);
    expect(report.sent).toBe(0);
    const byTarget = Object.fromEntries(
      (await forFeed()).map((r) => [r.target.startsWith('websub') ? 'hub' : r.target, r]),
    );
    expect(byTarget.hub?.attempts).toBe(1);
    expect(byTarget.hub?.lastError).toBe('HTTP 500');
    expect(byTarget.podping?.attempts).toBe(1);
    expect(byTarget.podping?.lastError).toBe('no answer within 3000 ms');
    expect(byTarget.pubnotify).toBeUndefined(); // 400: the target refuses it; given up
    expect(logged.some((l) => l.level === 'error' && /given up/.test(l.msg))).toBe(true);

    // the first retry waits 30 s from the failure; the hub recovers meanwhile
    expect((byTarget.hub?.dueAt.getTime() ?? 0) - api.clock.at).toBe(30_000);
    recorder.answer('/hub', 204);
    recorder.requests.length = 0;
    expect((await deliver(1_000)).sent).toBe(0);
    expect(recorder.requests).toEqual([]);
    const retried = await deliver(30_000, 3_000);
    expect(retried.sent).toBe(1); // the hub
    expect(retried.failed).toBe(1); // podping hangs again: its second wait is 2 minutes
    const podping = (await forFeed()).find((r) => r.target === 'podping');
    expect(podping?.attempts).toBe(2);
    expect((podping?.dueAt.getTime() ?? 0) - api.clock.at).toBe(120_000);
    recorder.answer('/podping', 204);
    await deliver(120_000);
    expect(await forFeed()).toEqual([]);
  });

  it("tells the hubs when a show's feed is gone", async () => {
    await api.demo.deps.db.delete(feedPings);
    const id = await showId('retry-show');
    expect((await api.call('DELETE', `/shows/${id}`)).status).toBe(204);
    const rows = (await owed()).filter((r) => r.feedUrl === `${BASE}/podcasts/retry-show/feed.xml`);
    expect(rows.map((r) => r.version)).toEqual(['gone', 'gone', 'gone']);
  });

  it("tells the hubs a show's public feed is gone when the show becomes subscribers-only", async () => {
    await api.demo.deps.db.delete(feedPings);
    const show = await (await api.call('POST', '/shows', minimalShow('members-show'))).json();
    await api.demo.deps.db.delete(feedPings);
    expect((await api.call('PATCH', `/shows/${show.id}`, { access: 'subscribers' })).status).toBe(200);
    const rows = (await owed()).filter((r) => r.feedUrl === `${BASE}/podcasts/members-show/feed.xml`);
    expect(rows.map((r) => r.version)).toEqual(['gone', 'gone', 'gone']);
  });

  it('owes a notice when a scheduled episode goes live, through the timer that renders due feeds', async () => {
    await api.demo.deps.db.delete(feedPings);
    const show = await (await api.call('POST', '/shows', minimalShow('later-show'))).json();
    const episode = await (
      await api.call('POST', '/episodes', { showId: show.id, slug: 'soon', title: 'Soon' })
    ).json();
    expect(
      (await api.upload(`/episodes/${episode.id}/audio`, await audioFixture('mp3-cbr-info.mp3'))).status,
    ).toBe(200);
    const at = new Date(api.clock.at + 3_600_000).toISOString();
    expect((await api.call('POST', `/episodes/${episode.id}/publish`, { at })).status).toBe(200);
    const feed = `${BASE}/podcasts/later-show/feed.xml`;
    await deliver();
    expect((await owed()).filter((r) => r.feedUrl === feed)).toEqual([]);

    api.clock.at += 3_600_000;
    const pipeline = createDocumentPipeline({
      db: api.demo.deps.db,
      bodies: api.demo.deps.documentBodies as NonNullable<typeof api.demo.deps.documentBodies>,
      config: api.demo.deps.config,
      now: () => new Date(api.clock.at),
    });
    await refreshExpired(pipeline);
    const rows = (await owed()).filter((r) => r.feedUrl === feed);
    expect(rows).toHaveLength(3);
    expect(rows[0]?.version.slice(0, 16)).toBe(await feedEtag(feed));
  });

  async function showId(slug: string): Promise<number> {
    const shows = (await (await api.call('GET', '/shows')).json()).items as { id: number; slug: string }[];
    const found = shows.find((s) => s.slug === slug);
    if (!found) throw new Error(`no show ${slug}`);
    return found.id;
  }
});
