/** @jsxImportSource hono/jsx */
// GET /search (HTML, or ?format=json) and /opensearch.xml: site search over live articles, episodes and transcripts.
import { type Context, Hono } from 'hono';
import { type SearchPage, siteSearch } from '../catalog/search/site-search.ts';
import { siteUrls } from '../catalog/site-urls.ts';
import type { AppEnv } from '../deps.ts';
import { ValidationError } from '../errors.ts';
import { renderOpenSearch } from '../feeds/opensearch.ts';
import { parsePage } from '../http/query.ts';
import { pageSecurityHeaders } from '../http/security-headers.ts';
import { SearchView } from '../pages/search.tsx';
import { pageContext, renderHtml, siteChrome } from './pages.tsx';

/**
 * Results change with every publication and the clock: a minute in shared caches at most. They are
 * not kept in the rendered-document cache, whose keys would then be whatever readers type.
 */
const SEARCH_CACHE = 'public, max-age=60';

/** The JSON results: what the page shows, with absolute links to neighbouring pages. */
function searchJson(search: SearchPage) {
  const { pageUrl, ...rest } = search;
  return {
    ...rest,
    results: search.results.map((r) => ({ ...r, publishedAt: r.publishedAt.toISOString() })),
    links: {
      self: pageUrl(search.page, 'json'),
      html: pageUrl(search.page),
      next: search.page < search.lastPage ? pageUrl(search.page + 1, 'json') : null,
      prev: search.page > 1 ? pageUrl(Math.min(search.page - 1, search.lastPage), 'json') : null,
    },
  };
}

async function answerSearch(c: Context<AppEnv>) {
  const format = c.req.query('format');
  if (format !== undefined && format !== 'json' && format !== 'html') {
    throw new ValidationError(`format "${format}" is not offered: json, or html (the default)`);
  }
  const page = parsePage(c.req.query('page'));
  const ctx = pageContext(c);
  const search = await siteSearch(ctx, c.req.query('q'), page);
  if (format === 'json') {
    return c.json(searchJson(search), 200, {
      'cache-control': SEARCH_CACHE,
      'access-control-allow-origin': '*',
    });
  }
  const body = await renderHtml(
    <SearchView chrome={await siteChrome(c, ctx)} search={search} timeZone={ctx.timeZone} />,
  );
  return c.body(body, 200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': SEARCH_CACHE,
    ...pageSecurityHeaders({ baseUrl: ctx.baseUrl }),
  });
}

export function searchRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const GET_HEAD = ['GET', 'HEAD'];
  routes.on(GET_HEAD, '/search', answerSearch);
  routes.on(GET_HEAD, '/opensearch.xml', (c) => {
    const { config } = c.var.deps;
    const urls = siteUrls(config.baseUrl);
    const body = renderOpenSearch({
      siteTitle: config.siteTitle,
      language: config.siteLanguage,
      searchUrl: urls.search(),
      selfUrl: urls.openSearch(),
    });
    return c.body(body, 200, {
      'content-type': 'application/opensearchdescription+xml; charset=utf-8',
      'cache-control': 'public, max-age=3600',
    });
  });
  return routes;
}
