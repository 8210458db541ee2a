import { parseFeed } from 'podcast-partytime';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deliverDuePings, type PingDelivery } from '../../src/catalog/push/deliver-pings.ts';
import { listOwedPings } from '../../src/db/queries/feed-pings.ts';
import { feedPings } from '../../src/db/schema.ts';
import { type AdminApp, BASE, minimalShow, openAdminApp } from '../helpers/admin-client.ts';
import { type PingRecorder, startPingRecorder } from '../helpers/ping-recorder.ts';
import { tempDirs } from '../helpers/temp-dir.ts';
import { xmllint } from '../helpers/xmllint.ts';

const FEED = `${BASE}/podcasts/live-show/feed.xml`;
const TOKEN = 'podping-token-for-live-tests';

describe('live items (podcast:liveItem) through the admin API', () => {
  const newDir = tempDirs();
  let api: AdminApp;
  let recorder: PingRecorder;
  let showId: number;
  let delivery: PingDelivery;

  beforeAll(async () => {
    recorder = await startPingRecorder();
    api = await openAdminApp(await newDir(), {
      PODPING_TOKEN: TOKEN,
      PODPING_URL: `${recorder.url}/podping`,
      WEBSUB_HUBS: `${recorder.url}/hub`,
    });
    await api.demo.warm();
    showId = (await (await api.call('POST', '/shows', minimalShow('live-show', 'Live Show'))).json()).id;
    const quiet = () => undefined;
    delivery = {
      db: api.demo.deps.db,
      config: api.demo.deps.config,
      log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
      now: () => new Date(api.clock.at),
      fetch: (request) => fetch(request),
      timeoutMs: 2_000,
    };
  });
  afterAll(async () => {
    api.demo.close();
    await recorder.close();
  });
  beforeEach(async () => {
    await api.demo.deps.db.delete(feedPings);
    recorder.requests.length = 0;
  });

  const at = (minutes: number) => new Date(api.clock.at + minutes * 60_000).toISOString();
  const plan = (extra: Record<string, unknown> = {}) =>
    api.call('POST', `/shows/${showId}/live-items`, {
      title: 'Council meeting, live',
      startAt: at(30),
      endAt: at(150),
      streamUrl: 'https://stream.news.example/council.mp3',
      ...extra,
    });
  const move = (id: number, status: string, headers: Record<string, string> = {}) =>
    api.call('PATCH', `/live-items/${id}`, { status }, headers);
  const feed = async () => (await api.demo.app.request('/podcasts/live-show/feed.xml')).text();
  const podpings = async () =>
    (await listOwedPings(api.demo.deps.db))
      .filter((p) => p.target === 'podping' && p.feedUrl === FEED)
      .map((p) => p.reason)
      .sort();

  it('plans a stream as pending, with a generated GUID and the stream type defaulted', async () => {
    const response = await plan({ summary: 'The budget vote.' });
    expect(response.status).toBe(201);
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
    const item = await response.json();
    expect(item).toMatchObject({
      showId,
      status: 'pending',
      streamType: 'audio/mpeg',
      contentLink: null,
      guid: expect.stringMatching(/^urn:uuid:/),
    });
    const list = await (await api.call('GET', `/shows/${showId}/live-items`)).json();
    expect(list.items.map((i: { id: number }) => i.id)).toContain(item.id);
  });

  it('refuses an end before (or at) the start, on create and on edit (400)', async () => {
    const created = await plan({ startAt: at(60), endAt: at(30) });
    expect(created.status).toBe(400);
    expect(created.headers.get('content-type')).toContain('application/problem+json');
    expect((await created.json()).detail).toMatch(/endAt: must be after startAt/);
    const same = await plan({ startAt: at(60), endAt: at(60) });
    expect(same.status).toBe(400);

    const item = await (await plan()).json();
    const edited = await api.call('PATCH', `/live-items/${item.id}`, { endAt: at(10) });
    expect(edited.status).toBe(400);
    expect((await edited.json()).detail).toMatch(/cannot end before it starts/);
    const moved = await api.call('PATCH', `/live-items/${item.id}`, { startAt: at(200) });
    expect(moved.status).toBe(400);
  });

  const careless: [string, Record<string, unknown>][] = [
    ['no title', { title: '' }],
    ['a start that is no time', { startAt: 'tomorrow at nine' }],
    ['a javascript: stream', { streamUrl: 'javascript:alert(1)' }],
    ['a relative stream', { streamUrl: '/live.mp3' }],
    ['a stream type that is no media type', { streamType: 'mp3 please' }],
    ['an unknown field', { status: 'live' }],
    ['a NUL in the title', { title: 'Live\u0000' }],
  ];
  for (const [what, body] of careless) {
    it(`answers 400 for ${what}`, async () => {
      const response = await plan(body);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    });
  }

  it('answers 404 for an unknown show or live item, and 401 without a token', async () => {
    expect((await api.call('POST', '/shows/99999/live-items', { title: 'x' })).status).toBe(400);
    const valid = {
      title: 'x',
      startAt: at(1),
      streamUrl: 'https://stream.news.example/x.mp3',
    };
    expect((await api.call('POST', '/shows/99999/live-items', valid)).status).toBe(404);
    expect((await api.call('PATCH', '/live-items/99999', { status: 'live' })).status).toBe(404);
    const anonymous = await api.demo.app.request(`/api/v1/shows/${showId}/live-items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(valid),
    });
    expect(anonymous.status).toBe(401);
  });

  it('goes live with a Podping reason=live, ends with reason=liveEnd, and never goes back', async () => {
    const item = await (await plan()).json();
    expect(await podpings()).toEqual(['update']); // the feed changed: a pending item is listed

    api.clock.at += 31 * 60_000;
    await api.demo.deps.db.delete(feedPings);
    const live = await move(item.id, 'live');
    expect(live.status).toBe(200);
    expect((await live.json()).status).toBe('live');
    expect(await podpings()).toEqual(['live', 'update']);
    expect((await move(item.id, 'pending')).status).toBe(409);

    // delivered as Podping asks: reason=live
    api.clock.at += 3_000;
    await deliverDuePings(delivery);
    const reasons = recorder.requests
      .filter((r) => r.url.pathname === '/podping')
      .map((r) => r.url.searchParams.get('reason'));
    expect(reasons.sort()).toEqual(['live', 'update']);
    // WebSub hubs have no reasons: one publish for the new version
    expect(recorder.requests.filter((r) => r.url.pathname === '/hub').length).toBeGreaterThan(0);

    await api.demo.deps.db.delete(feedPings);
    api.clock.at += 10 * 60_000;
    const ended = await (await move(item.id, 'ended')).json();
    expect(ended.status).toBe('ended');
    // it ended early: its end is now, not the planned end
    expect(ended.endAt).toBe(new Date(api.clock.at).toISOString());
    expect(await podpings()).toEqual(['liveEnd', 'update']);
    const back = await move(item.id, 'live');
    expect(back.status).toBe(409);
    expect((await back.json()).detail).toMatch(/never back/);
  });

  it('calls off a pending stream without a liveEnd notice', async () => {
    const item = await (await plan()).json();
    await api.demo.deps.db.delete(feedPings);
    expect((await move(item.id, 'ended')).status).toBe(200);
    expect(await podpings()).toEqual(['update']);
  });

  it('honours If-Match: a stale status change is refused (412) and nothing is owed', async () => {
    const created = await plan();
    const etag = created.headers.get('etag') as string;
    const item = await created.json();
    await api.call('PATCH', `/live-items/${item.id}`, { title: 'Renamed' });
    await api.demo.deps.db.delete(feedPings);
    expect((await move(item.id, 'live', { 'if-match': etag })).status).toBe(412);
    expect(await podpings()).toEqual([]);
    const fresh = await api.call('GET', `/live-items/${item.id}`);
    const ok = await move(item.id, 'live', { 'if-match': fresh.headers.get('etag') as string });
    expect(ok.status).toBe(200);
  });

  it('lists live items in the feed before the items, as podcast-partytime reads them', async () => {
    const xml = await feed();
    expect((await xmllint([{ fileName: 'live.xml', contents: xml }])).errors).toEqual([]);
    expect(xml.indexOf('<podcast:liveItem')).toBeGreaterThan(xml.indexOf('<podcast:guid>'));
    const parsed = parseFeed(xml);
    const liveItems = parsed?.podcastLiveItems ?? [];
    expect(liveItems.length).toBeGreaterThan(0);
    // live ones first
    expect(liveItems[0]?.status).toBe('live');
    for (const live of liveItems) {
      expect(live.guid).toBeTruthy();
      expect(live.title).toBeTruthy();
      expect(live.enclosure?.url).toBe('https://stream.news.example/council.mp3');
      expect(live.contentLinks.length).toBeGreaterThan(0);
      expect(live.start).toBeInstanceOf(Date);
    }
    const ended = liveItems.find((l) => l.status === 'ended' && l.end);
    expect(ended?.end?.getTime()).toBeGreaterThan(ended?.start.getTime() ?? 0);
  });

  it('deletes a live item: it leaves the feed and reads answer 404', async () => {
    const item = await (await plan({ title: 'Short-lived stream' })).json();
    expect(await feed()).toContain('Short-lived stream');
    expect((await api.call('DELETE', `/live-items/${item.id}`)).status).toBe(204);
    expect((await api.call('GET', `/live-items/${item.id}`)).status).toBe(404);
    expect(await feed()).not.toContain('Short-lived stream');
  });
});
