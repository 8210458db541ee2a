import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildChaptersDocument } from '../../src/catalog/chapters-doc.ts';
import { createHtmlSanitizer } from '../../src/catalog/html-sanitizer.ts';
import { buildNewsFeed } from '../../src/catalog/news-feed.ts';
import { buildOembed } from '../../src/catalog/oembed-doc.ts';
import { buildOpml } from '../../src/catalog/opml-doc.ts';
import { loadArticleList } from '../../src/catalog/pages/article-list.ts';
import { loadArticlePage } from '../../src/catalog/pages/article-page.ts';
import { loadEpisodePage } from '../../src/catalog/pages/episode-page.ts';
import type { PageContext } from '../../src/catalog/pages/page-context.ts';
import { loadShowPage } from '../../src/catalog/pages/show-page.ts';
import { loadSiteChrome } from '../../src/catalog/pages/site-chrome.ts';
import { buildPodcastFeed } from '../../src/catalog/podcast-feed.ts';
import { buildNewsSitemap } from '../../src/catalog/sitemap-doc.ts';
import { renderAtom } from '../../src/feeds/atom.ts';
import { renderJsonFeed } from '../../src/feeds/json-feed.ts';
import { renderNewsRss } from '../../src/feeds/news-rss.ts';
import { renderOpml } from '../../src/feeds/opml.ts';
import { renderPodcastRss } from '../../src/feeds/podcast-rss.ts';
import { renderNewsSitemap } from '../../src/feeds/sitemap.ts';
import { SILENT_LOGGER } from '../../src/log.ts';
import { createMemoryMediaStore } from '../../src/media-store/memory-store.ts';
import { ArticleView } from '../../src/pages/article.tsx';
import { ArticleListPage } from '../../src/pages/article-list.tsx';
import { EpisodeView } from '../../src/pages/episode.tsx';
import { ShowView } from '../../src/pages/show.tsx';
import { insertHostileCatalog } from '../helpers/fuzz-catalog.ts';
import { hostileHtml, hostileNonEmpty, hostileText } from '../helpers/hostile-text.ts';
import { expectPlain, expectSanitised, expectTextAsHtml } from '../helpers/markup-expectations.ts';
import {
  child,
  childrenNamed,
  htmlDocument,
  htmlFragment,
  markupShape,
  readXml,
} from '../helpers/read-markup.ts';
import { openTempDb } from '../helpers/temp-db.ts';
import { tempDirs } from '../helpers/temp-dir.ts';
import { xmllint } from '../helpers/xmllint.ts';

const BASE = 'https://news.example';
const NOW = new Date('2026-01-01T01:00:00Z'); // an hour after the fixtures' publication time
const generated = fc.record({
  texts: fc.array(hostileText, { minLength: 40, maxLength: 40 }),
  names: fc.array(hostileNonEmpty, { minLength: 40, maxLength: 40 }),
  html: fc.tuple(hostileHtml, hostileHtml),
});

/** Elements that run script or handlers anywhere in a page: the site's own two scripts excepted. */
function scriptsOf(doc: Document): string[] {
  const found = [...doc.querySelectorAll('script')].map(
    (s) => s.getAttribute('type') ?? s.getAttribute('src') ?? '',
  );
  for (const el of doc.querySelectorAll('*'))
    for (const a of el.attributes) if (/^on/i.test(a.name)) found.push(`${el.localName} ${a.name}`);
  return found.map((f) => (f.startsWith('/assets/') ? 'site script' : f));
}

describe('the catalogue on a real SQLite file, given any Unicode in what editors type', () => {
  const newDir = tempDirs();

  it('builds feeds that are well-formed and pages where that text is only text', async () => {
    const { db, close } = await openTempDb(await newDir());
    const sanitize = createHtmlSanitizer({ baseUrl: BASE });
    const news = {
      db,
      baseUrl: BASE,
      siteTitle: 'Courier',
      siteDescription: 'News',
      language: 'en',
      sanitize,
    };
    const pages: PageContext = {
      ...news,
      media: createMemoryMediaStore(),
      siteLanguage: 'en',
      timeZone: 'Europe/London',
      now: NOW,
      log: SILENT_LOGGER,
    };
    const xml: { fileName: string; contents: string }[] = [];
    try {
      await fc.assert(
        fc.asyncProperty(generated, async ({ texts, names, html }) => {
          const t = (i: number) => texts[i] as string;
          const rows = await insertHostileCatalog(db, t, (i) => names[i] as string, html);
          const ctx = { ...news, now: NOW, generator: 'podwire' };
          const run = xml.length;

          const request = { sectionSlug: rows.section.slug, page: 1, pageSize: 50 };
          const model = await buildNewsFeed(ctx, { ...request, format: 'rss' });
          const rss = renderNewsRss(model);
          for (const [item, i] of childrenNamed(child(readXml(rss), 'channel'), 'item').map(
            (e, i) => [e, i] as const,
          )) {
            const { summary, contentHtml } = model.items[i]!;
            const description = child(item, 'description').text;
            if (summary) expectTextAsHtml(description, summary, 'rss description');
            else expectSanitised(description, contentHtml, 'rss description');
          }
          const atom = renderAtom(await buildNewsFeed(ctx, { ...request, format: 'atom' }));
          const json = JSON.parse(renderJsonFeed(await buildNewsFeed(ctx, { ...request, format: 'json' })));
          for (const item of json.items) expect('content_html' in item || 'content_text' in item).toBe(true);

          const podcast = await buildPodcastFeed(ctx, rows.show.slug);
          const podcastXml = renderPodcastRss(podcast);
          const channel = child(readXml(podcastXml), 'channel');
          expectTextAsHtml(child(channel, 'description').text, podcast.description, 'podcast description');
          childrenNamed(channel, 'item').forEach((item, i) => {
            const { summary, contentHtml } = podcast.items[i]!;
            const description = child(item, 'description').text;
            if (contentHtml) expectSanitised(description, contentHtml, 'episode description');
            else expectTextAsHtml(description, summary, 'episode description');
            expectPlain(child(item, 'title'), podcast.items[i]!.title, 'episode title');
          });

          const opml = renderOpml(await buildOpml(db, { baseUrl: BASE, siteTitle: t(0), dateModified: NOW }));
          for (const group of childrenNamed(child(readXml(opml), 'body'), 'outline'))
            for (const outline of [group, ...group.children])
              expect(markupShape(htmlFragment(outline.attributes.text ?? ''))).toEqual([]);
          const sitemap = renderNewsSitemap(
            { name: t(1), language: 'en' },
            await buildNewsSitemap(db, BASE, NOW),
          );
          readXml(sitemap);
          xml.push(
            ...[rss, atom, podcastXml, opml, sitemap].map((contents, i) => ({
              fileName: `${run}-${i}.xml`,
              contents,
            })),
          );

          const [notes] = rows.episodes;
          const chapters = await buildChaptersDocument(db, rows.show.slug, notes.slug, NOW);
          expect(JSON.parse(JSON.stringify(chapters)).chapters).toHaveLength(2);
          const oembed = await buildOembed(
            { db, baseUrl: BASE, siteTitle: t(2), now: NOW },
            { url: `${BASE}/podcasts/${rows.show.slug}/${notes.slug}` },
          );
          const frame = htmlFragment(oembed.html);
          expect(markupShape(frame)).toEqual(['iframe[src,width,height,title,loading,style]']);
          expect(frame.querySelector('iframe')?.getAttribute('title')).toBe(oembed.title);

          const chrome = await loadSiteChrome(pages);
          const article = await loadArticlePage(pages, rows.article.slug);
          const views = [
            ArticleView({ chrome, page: article, timeZone: 'UTC' }),
            ArticleListPage({ chrome, list: await loadArticleList(pages, request), timeZone: 'UTC' }),
            ShowView({ chrome, page: await loadShowPage(pages, rows.show.slug), timeZone: 'UTC' }),
            EpisodeView({
              chrome,
              page: await loadEpisodePage(pages, rows.show.slug, notes.slug),
              timeZone: 'UTC',
            }),
          ];
          for (const view of views) {
            const doc = htmlDocument(String(await view.toString()));
            expect(scriptsOf(doc)).toEqual(['site script', 'application/ld+json']);
            JSON.parse(doc.querySelector('script[type="application/ld+json"]')?.textContent ?? '');
          }
          const articleDoc = htmlDocument(String(await views[0]!.toString()));
          expect(articleDoc.querySelector('h1')?.textContent).toBe(article.headline);
          expect(markupShape(articleDoc.querySelector('div.body')!)).toEqual(
            markupShape(htmlFragment(article.bodyHtml)),
          );
        }),
        { numRuns: 15, seed: 20261129 },
      );
      const result = await xmllint(xml);
      expect(result.errors.map((e) => e.rawMessage)).toEqual([]);
    } finally {
      close();
    }
  });
});
