import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerMediaAsset } from '../../src/catalog/register-asset.ts';
import { mediaAssets } from '../../src/db/schema.ts';
import { type AdminApp, BASE, openAdminApp } from '../helpers/admin-client.ts';
import { parseWithGpodder } from '../helpers/gpodder.ts';
import { tempDirs } from '../helpers/temp-dir.ts';
import { xmllint } from '../helpers/xmllint.ts';

const FEED = '/podcasts/courier-conversations/feed.xml';
const feedText = async (api: AdminApp) => (await api.demo.app.request(FEED)).text();

describe('Podlove Simple Chapters in podcast feeds', () => {
  const newDir = tempDirs();
  let api: AdminApp;
  beforeAll(async () => {
    api = await openAdminApp(await newDir());
  });
  afterAll(() => api.demo.close());

  it("gives gPodder's parser the chapters found in the demo audio, from the feed alone", async () => {
    const xml = await feedText(api);
    expect(xml).toContain('xmlns:psc="http://podlove.org/simple-chapters"');
    const feed = parseWithGpodder(xml, `${BASE}${FEED}`);
    const audio = await api.demo.deps.db.select().from(mediaAssets);
    const withChapters = feed.episodes.filter((e) => (e.chapters?.length ?? 0) > 0);
    expect(withChapters.length).toBe(2);
    for (const episode of withChapters) {
      const file = audio.find((a) => episode.enclosures[0]?.url.endsWith(a.key));
      expect(file?.chapters.length, episode.title).toBeGreaterThan(1);
      // podcastparser keeps whole seconds
      expect(episode.chapters).toEqual(
        file?.chapters.map((c) => ({ start: Math.floor(c.startSeconds), title: c.title })),
      );
    }
  });

  it("carries an editor's chapters file inline: table of contents only, links and images kept, text escaped", async () => {
    const episodes = (await (await api.call('GET', '/episodes')).json()).items as {
      id: number;
      guid: string;
    }[];
    const target = episodes[0];
    if (!target) throw new Error('the demo has no episode');
    const title = 'Q&A: <script>alert("x")</script> \u{1F399}';
    const doc = {
      version: '1.2.0',
      chapters: [
        {
          startTime: 75.5,
          title: 'Second',
          url: 'https://news.example/second',
          img: 'https://news.example/c.jpg',
        },
        { startTime: 0, title },
        { startTime: 30, title: 'Artwork change only', toc: false },
        { startTime: 3725.25, title: 'Late', url: 'javascript:alert(1)' },
      ],
    };
    const put = await api.upload(
      `/episodes/${target.id}/chapters`,
      new TextEncoder().encode(JSON.stringify(doc)),
      {
        'content-type': 'application/json+chapters',
      },
    );
    expect(put.status, await put.clone().text()).toBe(200);

    const xml = await feedText(api);
    expect((await xmllint([{ fileName: 'feed.xml', contents: xml }])).errors).toEqual([]);
    expect(xml).toContain('<psc:chapter start="01:02:05.250" title="Late"/>');
    const episode = parseWithGpodder(xml, `${BASE}${FEED}`).episodes.find((e) => e.guid === target.guid);
    expect(episode?.chapters).toEqual([
      { start: 0, title },
      {
        start: 75,
        title: 'Second',
        href: 'https://news.example/second',
        image: 'https://news.example/c.jpg',
      },
      { start: 3725, title: 'Late' },
    ]);
  });

  it('fills in the chapters of a chapters file recorded before they were stored (scan backfill)', async () => {
    const [file] = await api.demo.deps.db
      .select()
      .from(mediaAssets)
      .where(eq(mediaAssets.mimeType, 'application/json+chapters'));
    if (!file) throw new Error('no chapters file was stored');
    await api.demo.deps.db.update(mediaAssets).set({ chapters: [] }).where(eq(mediaAssets.id, file.id));
    const result = await registerMediaAsset(api.demo.deps.db, api.demo.deps.media, file.key, {
      kind: 'chapters',
      now: new Date(),
      trustModificationTime: true,
    });
    expect(result.status).toBe('backfilled');
    expect(result.asset.chapters.map((c) => c.title)).toEqual(file.chapters.map((c) => c.title));
  });
});
