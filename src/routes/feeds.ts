// Feed routes: news (RSS, Atom, JSON Feed; site-wide and per section), podcast RSS, OPML, JSON chapters.
import { type Context, Hono } from 'hono';
import { buildChaptersDocument } from '../catalog/chapters-doc.ts';
import { buildNewsFeed } from '../catalog/news-feed.ts';
import { buildOpml } from '../catalog/opml-doc.ts';
import { buildPodcastFeed, findNewFeedUrl } from '../catalog/podcast-feed.ts';
import type { NewsFeedFormat } from '../catalog/site-urls.ts';
import type { AppEnv } from '../deps.ts';
import { renderAtom } from '../feeds/atom.ts';
import { renderJsonFeed } from '../feeds/json-feed.ts';
import { renderNewsRss } from '../feeds/news-rss.ts';
import { renderOpml } from '../feeds/opml.ts';
import { renderPodcastRss } from '../feeds/podcast-rss.ts';
import { parsePage } from '../http/query.ts';
import { serveRendered } from '../http/serve-rendered.ts';

export const GENERATOR = 'podwire';

/** Feeds change when the newsroom publishes; five minutes keeps apps current and caches useful. */
const FEED_CACHE = 'public, max-age=300';

const NEWS_FORMATS: Readonly<Record<string, { format: NewsFeedFormat; type: string }>> = {
  'feed.xml': { format: 'rss', type: 'application/rss+xml; charset=utf-8' },
  'feed.atom': { format: 'atom', type: 'application/atom+xml; charset=utf-8' },
  'feed.json': { format: 'json', type: 'application/feed+json; charset=utf-8' },
};

const RENDER = { rss: renderNewsRss, atom: renderAtom, json: renderJsonFeed } as const;

function serveNewsFeed(c: Context<AppEnv>, file: string, sectionSlug: string | undefined) {
  const spec = NEWS_FORMATS[file];
  if (!spec) return c.notFound();
  const page = parsePage(c.req.query('page'));
  const { db, config, now } = c.var.deps;
  return serveRendered(c, {
    key: `news\n${sectionSlug ?? ''}\n${spec.format}\n${page}`,
    contentType: spec.type,
    cacheControl: FEED_CACHE,
    render: async () => {
      const feed = await buildNewsFeed(
        {
          db,
          baseUrl: config.baseUrl,
          siteTitle: config.siteTitle,
          siteDescription: config.siteDescription,
          language: config.siteLanguage,
          sanitize: c.var.runtime.sanitize,
          now: now(),
          generator: GENERATOR,
        },
        { format: spec.format, sectionSlug, page, pageSize: config.feedPageSize },
      );
      return RENDER[spec.format](feed);
    },
  });
}

export function feedRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const GET_HEAD = ['GET', 'HEAD'];

  routes.on(GET_HEAD, '/:file{feed\\.(?:xml|atom|json)}', (c) =>
    serveNewsFeed(c, c.req.param('file'), undefined),
  );
  routes.on(GET_HEAD, '/sections/:slug/:file{feed\\.(?:xml|atom|json)}', (c) =>
    serveNewsFeed(c, c.req.param('file'), c.req.param('slug')),
  );

  routes.on(GET_HEAD, '/podcasts/:show/feed.xml', async (c) => {
    const { db, config, now } = c.var.deps;
    const show = c.req.param('show');
    // Whether the show has moved, remembered per catalogue version: no query on busy revalidations.
    const version = await c.var.runtime.versions.current();
    const newFeedUrl = await c.var.runtime.memo(`new-feed-url\n${show}\n${version.tag}`, () =>
      findNewFeedUrl(db, show),
    );
    const response = await serveRendered(c, {
      key: `podcast\n${show}`,
      contentType: 'application/rss+xml; charset=utf-8',
      cacheControl: FEED_CACHE,
      render: async () =>
        renderPodcastRss(
          await buildPodcastFeed(
            {
              db,
              baseUrl: config.baseUrl,
              sanitize: c.var.runtime.sanitize,
              now: now(),
              generator: GENERATOR,
            },
            show,
          ),
        ),
    });
    // A show moved to another feed URL: 301 there (the body still carries itunes:new-feed-url).
    if (!newFeedUrl) return response;
    const headers = new Headers(response.headers);
    headers.set('location', newFeedUrl);
    headers.set('cache-control', 'public, max-age=86400');
    return new Response(response.body, { status: 301, headers });
  });

  routes.on(GET_HEAD, '/opml.xml', async (c) => {
    const { db, config } = c.var.deps;
    const version = await c.var.runtime.versions.current();
    return serveRendered(c, {
      key: 'opml',
      contentType: 'text/x-opml; charset=utf-8',
      cacheControl: FEED_CACHE,
      render: async () =>
        renderOpml(
          await buildOpml(db, {
            baseUrl: config.baseUrl,
            siteTitle: config.siteTitle,
            dateModified: version.lastModified,
          }),
        ),
    });
  });

  routes.on(GET_HEAD, '/podcasts/:show/:episode/chapters.json', (c) => {
    const { db, now } = c.var.deps;
    const show = c.req.param('show');
    const episode = c.req.param('episode');
    return serveRendered(c, {
      key: `chapters\n${show}\n${episode}`,
      contentType: 'application/json+chapters; charset=utf-8',
      cacheControl: FEED_CACHE,
      // Web players fetch chapters from other origins.
      headers: { 'access-control-allow-origin': '*' },
      render: async () =>
        `${JSON.stringify(await buildChaptersDocument(db, show, episode, now()), null, 2)}\n`,
    });
  });

  return routes;
}
