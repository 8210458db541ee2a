// Files every site has: the stylesheet and script (content-hashed), robots.txt and the sitemaps.
import { Hono } from 'hono';
import { buildOembed } from '../catalog/oembed-doc.ts';
import { siteUrls } from '../catalog/site-urls.ts';
import { buildNewsSitemap, buildSitemap } from '../catalog/sitemap-doc.ts';
import type { AppEnv } from '../deps.ts';
import { ValidationError } from '../errors.ts';
import { renderNewsSitemap, renderSitemap } from '../feeds/sitemap.ts';
import { evaluatePreconditions } from '../http/conditional.ts';
import { serveRendered } from '../http/serve-rendered.ts';
import { findSiteAsset } from '../pages/assets/site-assets.ts';

const HOUR_MS = 3_600_000;
const IMMUTABLE = 'public, max-age=31536000, immutable';

export function siteFileRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const GET_HEAD = ['GET', 'HEAD'];

  routes.on(GET_HEAD, '/assets/:file', (c) => {
    const asset = findSiteAsset(new URL(c.req.url).pathname);
    if (!asset) return c.notFound();
    const headers = {
      'content-type': asset.contentType,
      'cache-control': IMMUTABLE,
      etag: asset.etag,
      'x-content-type-options': 'nosniff',
    };
    if (
      evaluatePreconditions(c.req.raw.headers, { etag: asset.etag, lastModified: new Date(0) }) ===
      'not-modified'
    ) {
      return new Response(null, { status: 304, headers });
    }
    return new Response(c.req.method === 'HEAD' ? null : asset.body, { headers });
  });

  // oEmbed (https://oembed.com/): JSON only. The spec suggests 501 for `format=xml`; a wrong request
  // parameter is the client's mistake, so it gets the 400 every other one gets here.
  routes.on(GET_HEAD, '/oembed.json', async (c) => {
    const { db, config, now } = c.var.deps;
    const url = c.req.query('url');
    if (!url) throw new ValidationError('url is required: the address of an episode page');
    const format = c.req.query('format');
    if (format !== undefined && format !== 'json') {
      throw new ValidationError(`format "${format}" is not offered: only json`);
    }
    const size = (name: string) => {
      const text = c.req.query(name);
      if (text === undefined) return undefined;
      if (!/^[1-9]\d{0,4}$/.test(text)) throw new ValidationError(`${name} must be a whole number of pixels`);
      return Number(text);
    };
    const doc = await buildOembed(
      { db, baseUrl: config.baseUrl, siteTitle: config.siteTitle, now: now() },
      { url, maxWidth: size('maxwidth'), maxHeight: size('maxheight') },
    );
    return c.json(doc, 200, { 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' });
  });

  routes.on(GET_HEAD, '/robots.txt', (c) => {
    const urls = siteUrls(c.var.deps.config.baseUrl);
    const body = [
      'User-agent: *',
      'Disallow: /api/',
      '',
      `Sitemap: ${urls.sitemap()}`,
      `Sitemap: ${urls.newsSitemap()}`,
      '',
    ].join('\n');
    return c.text(body, 200, { 'cache-control': 'public, max-age=3600' });
  });

  routes.on(GET_HEAD, '/sitemap.xml', (c) => {
    const { db, config, now } = c.var.deps;
    return serveRendered(c, {
      key: 'sitemap',
      contentType: 'application/xml; charset=utf-8',
      cacheControl: 'public, max-age=3600',
      render: async () => renderSitemap(await buildSitemap(db, config.baseUrl, now())),
    });
  });

  routes.on(GET_HEAD, '/sitemap-news.xml', (c) => {
    const { db, config, now } = c.var.deps;
    const at = now();
    // Its two-day window moves with the clock, not only with the catalogue: a new document every hour.
    return serveRendered(c, {
      key: `news-sitemap\n${Math.floor(at.getTime() / HOUR_MS)}`,
      contentType: 'application/xml; charset=utf-8',
      cacheControl: 'public, max-age=600',
      render: async () =>
        renderNewsSitemap(
          { name: config.siteTitle, language: config.siteLanguage.split('-')[0] ?? 'en' },
          await buildNewsSitemap(db, config.baseUrl, at),
        ),
    });
  });

  return routes;
}
