import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHtmlSanitizer } from '../../../src/catalog/html-sanitizer.ts';
import { loadArticlePage } from '../../../src/catalog/pages/article-page.ts';
import { loadEpisodePage } from '../../../src/catalog/pages/episode-page.ts';
import type { PageContext } from '../../../src/catalog/pages/page-context.ts';
import { parseConfig } from '../../../src/config.ts';
import { createLibsqlDb, type LibsqlDb } from '../../../src/node/libsql-db.ts';
import { AUDIO_FIXTURES } from '../../helpers/byte-reader.ts';
import { DEMO_NOW, openDemoApp } from '../../helpers/demo-app.ts';
import { REPO_ROOT } from '../../helpers/spawn-podwire.ts';
import { tempDirs } from '../../helpers/temp-dir.ts';

const BASE = 'https://news.example';
const TOKEN = 'article-page-token-0123456789';
const ARTICLE = 'tide-mill-turns-again';
const SHOW = 'courier-conversations';

describe('loadArticlePage', () => {
  const newDir = tempDirs();
  let demo: Awaited<ReturnType<typeof openDemoApp>>;
  /** A second connection to the demo file, counting the statements a page load sends. */
  let counted: LibsqlDb;
  let statements = 0;

  beforeAll(async () => {
    const dir = await newDir();
    demo = await openDemoApp(
      dir,
      { config: parseConfig({ BASE_URL: BASE, ADMIN_TOKEN: TOKEN }), now: () => DEMO_NOW },
      { writableMedia: true },
    );
    counted = await createLibsqlDb(`file:${join(dir, 'podwire.db')}`);
    const { client } = counted;
    const execute = client.execute.bind(client);
    const batch = client.batch.bind(client);
    client.execute = ((...args: Parameters<typeof execute>) => {
      statements++;
      return execute(...args);
    }) as typeof client.execute;
    client.batch = ((...args: Parameters<typeof batch>) => {
      statements += Array.isArray(args[0]) ? args[0].length : 1;
      return batch(...args);
    }) as typeof client.batch;
  });
  afterAll(() => {
    counted?.close();
    demo?.close();
  });

  const ctx = (): PageContext => ({
    db: counted.db,
    media: demo.deps.media,
    baseUrl: BASE,
    siteTitle: 'News',
    siteDescription: '',
    siteLanguage: 'en',
    timeZone: 'Europe/London',
    sanitize: createHtmlSanitizer({ baseUrl: BASE }),
    now: DEMO_NOW,
    log: demo.deps.log,
  });
  const statementsOf = async <T>(load: () => Promise<T>): Promise<[T, number]> => {
    statements = 0;
    const result = await load();
    return [result, statements];
  };
  const api = async (method: string, path: string, body?: unknown, type = 'application/json') => {
    const response = await demo.app.request(`/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': type },
      body:
        body instanceof Uint8Array
          ? (body as Uint8Array<ArrayBuffer>)
          : body === undefined
            ? undefined
            : JSON.stringify(body),
    });
    expect(response.status, `${method} ${path}`).toBeLessThan(300);
    return response.status === 204 ? undefined : response.json();
  };

  it('gives article players the chapters and artwork their episode pages have', async () => {
    const [page, cost] = await statementsOf(() => loadArticlePage(ctx(), ARTICLE));
    expect(page.episodes).toHaveLength(2);
    for (const player of page.episodes) {
      const slug = new URL(player.pageUrl).pathname.split('/').pop() ?? '';
      const episodePage = await loadEpisodePage(ctx(), SHOW, slug);
      expect(player).toEqual(episodePage.player);
      expect(player.chapters.length).toBeGreaterThan(1);
      expect(player.artworkUrl).toBe(episodePage.image?.url);
      expect(player.anchor).toBe(`episode-${slug}`);
    }
    // The article, its episodes, the shows and the episodes' artwork and chapters files.
    expect(cost).toBe(4);
  });

  it('reads an episode’s own artwork and chapters file in the same statements, and keeps fragment ids distinct', async () => {
    const image = new Uint8Array(await readFile(join(REPO_ROOT, 'test/fixtures/images/square-1400.jpg')));
    const wav = new Uint8Array(await readFile(new URL('wav.wav', AUDIO_FIXTURES)));
    const show = await api('POST', '/shows', {
      slug: 'second-show',
      title: 'Second show',
      description: 'A show.',
      language: 'en',
      author: 'Newsroom',
      categories: [{ category: 'News', subcategory: 'Daily News' }],
    });
    // The same slug as the article's first episode, in another show.
    const episode = await api('POST', '/episodes', {
      showId: show.id,
      slug: 'tide-mill-part-1-the-people',
      title: 'Same slug, other show',
    });
    await api('PUT', `/episodes/${episode.id}/audio`, wav, 'audio/wav');
    await api('PUT', `/episodes/${episode.id}/image`, image, 'image/jpeg');
    const chapters = { version: '1.2.0', chapters: [{ startTime: 0, title: 'Opening' }] };
    await api(
      'PUT',
      `/episodes/${episode.id}/chapters`,
      new TextEncoder().encode(JSON.stringify(chapters)),
      'application/json+chapters',
    );
    await api('POST', `/episodes/${episode.id}/publish`, {});
    const { items } = await api('GET', '/articles?limit=100');
    const article = items.find((a: { slug: string }) => a.slug === ARTICLE);
    await api('PUT', `/articles/${article.id}/episodes`, { episodeIds: [...article.episodeIds, episode.id] });

    const [page, cost] = await statementsOf(() => loadArticlePage(ctx(), ARTICLE));
    expect(cost).toBe(4);
    expect(page.episodes.map((p) => p.anchor)).toEqual([
      'episode-tide-mill-part-1-the-people',
      'episode-tide-mill-part-2-the-machine',
      'episode-tide-mill-part-1-the-people-2',
    ]);
    const added = page.episodes[2];
    expect(added?.chapters).toEqual([{ startSeconds: 0, title: 'Opening', url: undefined }]);
    expect(added?.artworkUrl).toMatch(/^https:\/\/news\.example\/media\/[0-9a-f]{16}\/.+\.jpg$/);
    expect(added?.artworkUrl).not.toBe(page.episodes[0]?.artworkUrl);
    const own = await loadEpisodePage(ctx(), 'second-show', 'tide-mill-part-1-the-people');
    expect(added?.artworkUrl).toBe(own.image?.url);
  });
});
