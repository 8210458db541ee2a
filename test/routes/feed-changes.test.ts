import { eq } from 'drizzle-orm';
import { parseFeed as parsePodcast } from 'podcast-partytime';
import { describe, expect, it } from 'vitest';
import { createApp, VERSION_TTL_MS } from '../../src/app.ts';
import { parseConfig } from '../../src/config.ts';
import { episodeAlternates, episodes, mediaAssets, shows } from '../../src/db/schema.ts';
import { DEMO_NOW, openDemoApp } from '../helpers/demo-app.ts';
import { child, readXml } from '../helpers/read-markup.ts';
import { tempDirs } from '../helpers/temp-dir.ts';

const SHOW_FEED = '/podcasts/courier-conversations/feed.xml';

/** A clock the test moves by hand. */
function manualClock(start: Date) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

async function addEpisode(
  db: Awaited<ReturnType<typeof openDemoApp>>['deps']['db'],
  values: Partial<typeof episodes.$inferInsert>,
) {
  const [show] = await db.select().from(shows).where(eq(shows.slug, 'courier-conversations'));
  const [audio] = await db
    .select()
    .from(mediaAssets)
    .where(eq(mediaAssets.key, 'demo/briefing-01-tide-mill-people.mp3'));
  await db.insert(episodes).values({
    showId: show!.id,
    guid: 'bonus-guid-1',
    slug: 'bonus-the-sluice-gates',
    title: 'Bonus: the sluice gates',
    status: 'scheduled',
    publishedAt: new Date(DEMO_NOW.getTime() + 60_000),
    type: 'bonus',
    number: 3,
    season: 1,
    audioAssetId: audio!.id,
    createdAt: DEMO_NOW,
    updatedAt: DEMO_NOW,
    ...values,
  });
}

describe('feeds follow the catalogue', () => {
  const newDir = tempDirs();

  it('shows a scheduled episode when its time comes, without a restart', async () => {
    const clock = manualClock(DEMO_NOW);
    const demo = await openDemoApp(await newDir(), { now: clock.now });
    await addEpisode(demo.deps.db, {});
    const before = await demo.app.request(SHOW_FEED);
    const etag = before.headers.get('etag') ?? '';
    expect(parsePodcast(await before.text())?.items.map((i) => i.title)).not.toContain(
      'Bonus: the sluice gates',
    );

    clock.advance(60_000); // the publication time has come
    const after = await demo.app.request(SHOW_FEED, { headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    const feed = parsePodcast(await after.text());
    expect(feed?.items[0]).toMatchObject({ title: 'Bonus: the sluice gates', itunesEpisodeType: 'bonus' });
    expect(new Date(after.headers.get('last-modified') ?? '').getTime()).toBe(DEMO_NOW.getTime() + 60_000);
    demo.close();
  });

  it('shows a change made through another app on the same database (another process) at once', async () => {
    const clock = manualClock(DEMO_NOW);
    const dir = await newDir();
    const demo = await openDemoApp(dir, { now: clock.now });
    const etag = (await demo.app.request(SHOW_FEED)).headers.get('etag') ?? '';
    // A second podwire over the same file (a second server, say), writing through its API.
    const token = 'other-process-token-0123456789';
    const other = createApp({
      ...demo.deps,
      config: parseConfig({ BASE_URL: 'https://news.example', ADMIN_TOKEN: token }),
    });
    const patched = await other.request('/api/v1/shows/1', {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Courier Conversations Weekly' }),
    });
    expect(patched.status).toBe(200);
    clock.advance(VERSION_TTL_MS);
    const after = await demo.app.request(SHOW_FEED, { headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    expect(parsePodcast(await after.text())?.title).toBe('Courier Conversations Weekly');
    demo.close();
  });

  it('shows a change made to the database by hand once the feeds are rendered again (as at start-up)', async () => {
    const demo = await openDemoApp(await newDir());
    await demo.app.request(SHOW_FEED);
    await demo.deps.db
      .update(shows)
      .set({ title: 'Edited by hand' })
      .where(eq(shows.slug, 'courier-conversations'));
    await demo.warm();
    const after = await demo.app.request(SHOW_FEED);
    expect(parsePodcast(await after.text())?.title).toBe('Edited by hand');
    demo.close();
  });

  it('keeps the same bytes and validators for the same data, whatever the clock says', async () => {
    const one = await openDemoApp(await newDir());
    const two = await openDemoApp(await newDir(), { now: () => new Date('2027-06-01T00:00:00Z') });
    for (const path of [SHOW_FEED, '/feed.xml', '/feed.atom', '/feed.json', '/opml.xml']) {
      const a = await one.app.request(path);
      const b = await two.app.request(path);
      expect(await b.text(), path).toBe(await a.text());
      expect(b.headers.get('etag'), path).toBe(a.headers.get('etag'));
      expect(b.headers.get('last-modified'), path).toBe(a.headers.get('last-modified'));
    }
    one.close();
    two.close();
  });

  it('renders the demo feeds exactly as recorded', async () => {
    const demo = await openDemoApp(await newDir());
    for (const [path, file] of [
      [SHOW_FEED, 'demo-podcast.xml'],
      ['/feed.xml', 'demo-news.rss.xml'],
      ['/feed.atom', 'demo-news.atom.xml'],
      ['/feed.json', 'demo-news.json'],
      ['/opml.xml', 'demo.opml.xml'],
    ] as const) {
      await expect(await (await demo.app.request(path)).text()).toMatchFileSnapshot(
        `./__snapshots__/${file}`,
      );
    }
    demo.close();
  });

  it('offers other encodings as podcast:alternateEnclosure, the main file first and default', async () => {
    const demo = await openDemoApp(await newDir());
    const { db } = demo.deps;
    const [episode] = await db
      .select()
      .from(episodes)
      .where(eq(episodes.guid, '9899f782-ccfc-47cd-b114-d75c303239bd'));
    const [opus] = await db
      .insert(mediaAssets)
      .values({
        key: 'demo/briefing-01-tide-mill-people.opus',
        mimeType: 'audio/ogg',
        sizeBytes: 900_000,
        sha256: 'c'.repeat(64),
        durationSeconds: 1536,
        bitrate: 4700,
        codec: 'Opus',
        createdAt: DEMO_NOW,
      })
      .returning();
    await db
      .insert(episodeAlternates)
      .values({ episodeId: episode!.id, assetId: opus!.id, position: 0, title: 'Opus, small' });
    const feed = parsePodcast(await (await demo.app.request(SHOW_FEED)).text());
    const alternates = feed?.items[1]?.alternativeEnclosures ?? [];
    expect(alternates.map((a) => [a.type, a.length, a.default ?? false, a.title ?? ''])).toEqual([
      ['audio/mpeg', 3072843, true, ''],
      ['audio/ogg', 900000, false, 'Opus, small'],
    ]);
    expect(alternates[1]?.source[0]?.uri).toBe(
      `https://news.example/media/${'c'.repeat(16)}/demo/briefing-01-tide-mill-people.opus`,
    );
    demo.close();
  });

  it('never sends a serial feed with an unnumbered episode (Apple rejects it)', async () => {
    const demo = await openDemoApp(await newDir());
    await addEpisode(demo.deps.db, { status: 'published', publishedAt: DEMO_NOW, number: null });
    const feed = parsePodcast(await (await demo.app.request(SHOW_FEED)).text());
    expect(feed?.itunesType).toBe('episodic');
    demo.close();
  });

  it('keeps a show description within the 4000 bytes Apple accepts', async () => {
    const demo = await openDemoApp(await newDir());
    await demo.deps.db
      .update(shows)
      .set({ description: 'Tide & mill. '.repeat(400) })
      .where(eq(shows.slug, 'courier-conversations'));
    const xml = await (await demo.app.request(SHOW_FEED)).text();
    // What Apple counts is the element's content: the description as HTML, where & is &amp;.
    const html = child(child(readXml(xml), 'channel'), 'description').text;
    const bytes = new TextEncoder().encode(html).byteLength;
    expect(bytes).toBeLessThanOrEqual(4000);
    expect(bytes).toBeGreaterThan(3990);
    expect(html.startsWith('Tide &amp; mill. Tide &amp; mill.')).toBe(true);
    expect(parsePodcast(xml)?.description.startsWith('Tide & mill. Tide & mill.')).toBe(true);
    demo.close();
  });

  it('lists all 10,000 episodes of a long-running show, in order', async () => {
    const demo = await openDemoApp(await newDir());
    const { db } = demo.deps;
    const [show] = await db.select().from(shows).where(eq(shows.slug, 'courier-conversations'));
    const [audio] = await db
      .select()
      .from(mediaAssets)
      .where(eq(mediaAssets.key, 'demo/briefing-02-tide-mill-machine.mp3'));
    const rows = Array.from({ length: 9998 }, (_, i) => ({
      showId: show!.id,
      guid: `archive-${i}`,
      slug: `archive-${i}`,
      title: `Archive episode ${i}`,
      status: 'published' as const,
      publishedAt: new Date(Date.UTC(2000, 0, 1) + i * 3_600_000),
      audioAssetId: audio!.id,
      createdAt: DEMO_NOW,
      updatedAt: DEMO_NOW,
    }));
    for (let i = 0; i < rows.length; i += 500) await db.insert(episodes).values(rows.slice(i, i + 500));
    const feed = parsePodcast(await (await demo.app.request(SHOW_FEED)).text());
    expect(feed?.items).toHaveLength(10_000);
    expect(feed?.items[0]?.title).toBe('The tide mill wakes up, part 2: the machine');
    expect(feed?.items[2]?.title).toBe('Archive episode 9997');
    expect(feed?.items.at(-1)?.title).toBe('Archive episode 0');
    expect(new Set(feed?.items.map((i) => i.guid)).size).toBe(10_000);
    expect(feed?.items.every((i) => i.duration === 1585 || i.duration === 1536)).toBe(true);
    demo.close();
  });
});
