// Feed routes: news (RSS, Atom, JSON Feed; site-wide and per section), podcast RSS, OPML, JSON chapters.
import { type Context, Hono } from 'hono';
import { buildChaptersDocument } from '../catalog/chapters-doc.ts';
import {
  documentKey,
  FEED_CACHE,
  type FeedDocument,
  MOVED_FEED_CACHE,
  NEWS_CONTENT_TYPES,
  renderFeedDocument,
} from '../catalog/documents/feed-documents.ts';
import {
  type DocumentPipeline,
  findServableFeed,
  renderAndStore,
  type StoredFeed,
} from '../catalog/documents/store-documents.ts';
import { buildOpml } from '../catalog/opml-doc.ts';
import { findNewFeedUrl } from '../catalog/podcast-feed.ts';
import type { NewsFeedFormat } from '../catalog/site-urls.ts';
import type { AppEnv } from '../deps.ts';
import { renderOpml } from '../feeds/opml.ts';
import { parsePage } from '../http/query.ts';
import { answerRendered, serveRendered } from '../http/serve-rendered.ts';

const NEWS_FILES: Readonly<Record<string, NewsFeedFormat>> = {
  'feed.xml': 'rss',
  'feed.atom': 'atom',
  'feed.json': 'json',
};

/**
 * A feed: from its stored rendering when the runtime stores them (made at write time, so a read
 * only streams bytes), rendered now and stored when there is none yet; else rendered and cached by
 * catalogue version.
 */
async function serveFeed(c: Context<AppEnv>, doc: FeedDocument): Promise<Response> {
  const { runtime } = c.var;
  const pipeline = runtime.documents;
  if (!pipeline) return serveFeedRenderedNow(c, doc);
  let made: StoredFeed | undefined;
  let row = await findServableFeed(pipeline, doc);
  if (!row) {
    made = await renderAndStore(pipeline, doc);
    row = made.row;
  }
  const stored = row;
  if (stored.status === 301) {
    const body =
      c.req.method === 'HEAD' ? null : await bytesOf(made?.body ?? (await pipeline.bodies.get(stored.hash)));
    return movedFeed({ 'content-type': stored.contentType, ...stored.headers }, body);
  }
  return answerRendered(c, {
    tag: stored.hash.slice(0, 16),
    lastModified: stored.lastModified,
    headers: { 'content-type': stored.contentType, ...stored.headers },
    length: stored.sizeBytes,
    body: async () => {
      // Node keeps bodies in memory by content hash, with their compressed forms; Workers stream
      // them from R2 as stored (Cloudflare compresses at its edge, and isolates have little memory).
      if (!runtime.compress && !made) {
        const stream = await pipeline.bodies.get(stored.hash);
        if (stream instanceof ReadableStream) return stream;
        if (stream) made = { row: stored, body: stream };
      }
      return runtime.rendered.get(`stored\n${stored.hash}`, async () => ({
        body: await bytesOf(made?.body ?? (await pipeline.bodies.get(stored.hash))),
        lastModified: stored.lastModified,
      }));
    },
  });

  /**
   * The stored bytes; when they were replaced meanwhile (a row remembered for a moment pointed at
   * them), the current row's, or at worst the document rendered again.
   */
  async function bytesOf(body: Uint8Array | ReadableStream<Uint8Array> | undefined): Promise<Uint8Array> {
    if (body instanceof ReadableStream) return new Uint8Array(await new Response(body).arrayBuffer());
    if (body) return body;
    const p = pipeline as DocumentPipeline;
    const current = await findServableFeed(p, doc, { fresh: true });
    const again = current ? await p.bodies.get(current.hash) : undefined;
    if (again instanceof ReadableStream) return new Uint8Array(await new Response(again).arrayBuffer());
    return again ?? (await renderAndStore(p, doc)).body;
  }
}

/** A moved show's feed: 301 to its new address, with the feed (and itunes:new-feed-url) as the body. */
function movedFeed(headers: Readonly<Record<string, string>>, body: Uint8Array | null): Response {
  return new Response(body as Uint8Array<ArrayBuffer> | null, { status: 301, headers: { ...headers } });
}

/** The feed rendered on request and cached by catalogue version (runtimes that store no renderings). */
async function serveFeedRenderedNow(c: Context<AppEnv>, doc: FeedDocument): Promise<Response> {
  const { db, config, now } = c.var.deps;
  const render = async () =>
    (await renderFeedDocument({ db, config, sanitize: c.var.runtime.sanitize, now: now() }, doc)).body;
  if (doc.kind === 'podcast') {
    // Whether the show has moved, remembered per catalogue version: no query on busy revalidations.
    const version = await c.var.runtime.versions.current();
    const newFeedUrl = await c.var.runtime.memo(`new-feed-url\n${doc.show}\n${version.tag}`, () =>
      findNewFeedUrl(db, doc.show),
    );
    const response = await serveRendered(c, {
      key: documentKey(doc),
      contentType: 'application/rss+xml; charset=utf-8',
      cacheControl: FEED_CACHE,
      render,
    });
    if (!newFeedUrl) return response;
    const headers = new Headers(response.headers);
    headers.set('location', newFeedUrl);
    headers.set('cache-control', MOVED_FEED_CACHE);
    return new Response(response.body, { status: 301, headers });
  }
  return serveRendered(c, {
    key: documentKey(doc),
    contentType: NEWS_CONTENT_TYPES[doc.format],
    cacheControl: FEED_CACHE,
    render,
  });
}

function serveNewsFeed(c: Context<AppEnv>, file: string, section: string | undefined) {
  const format = NEWS_FILES[file];
  if (!format) return c.notFound();
  const page = parsePage(c.req.query('page'));
  return serveFeed(c, { kind: 'news', ...(section === undefined ? {} : { section }), format, page });
}

export function feedRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const GET_HEAD = ['GET', 'HEAD'];

  // One plain route per file, no regular expressions: Hono's RegExpRouter takes them all (a pattern
  // with a group sends the whole app to the slower TrieRouter).
  for (const file of Object.keys(NEWS_FILES)) {
    routes.on(GET_HEAD, `/${file}`, (c) => serveNewsFeed(c, file, undefined));
    routes.on(GET_HEAD, `/sections/:slug/${file}`, (c) => serveNewsFeed(c, file, c.req.param('slug')));
  }

  routes.on(GET_HEAD, '/podcasts/:show/feed.xml', (c) =>
    serveFeed(c, { kind: 'podcast', show: c.req.param('show') }),
  );

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
