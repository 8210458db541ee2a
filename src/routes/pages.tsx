/** @jsxImportSource hono/jsx */
// The site's HTML pages: home, sections, articles, the podcasts index, shows, episodes and the embed
// player; rendered once per catalogue version and served with validators like the feeds.
import { type Context, Hono } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { loadArticleList } from '../catalog/pages/article-list.ts';
import { loadArticlePage } from '../catalog/pages/article-page.ts';
import { loadEpisodePage } from '../catalog/pages/episode-page.ts';
import type { PageContext } from '../catalog/pages/page-context.ts';
import { loadShowPage, loadShowsIndex } from '../catalog/pages/show-page.ts';
import { loadSiteChrome, type SiteChrome } from '../catalog/pages/site-chrome.ts';
import { siteUrls } from '../catalog/site-urls.ts';
import type { AppEnv } from '../deps.ts';
import { parsePage } from '../http/query.ts';
import { pageSecurityHeaders } from '../http/security-headers.ts';
import { serveRendered } from '../http/serve-rendered.ts';
import { ArticleView } from '../pages/article.tsx';
import { ArticleListPage } from '../pages/article-list.tsx';
import { EmbedView } from '../pages/embed.tsx';
import { EpisodeView } from '../pages/episode.tsx';
import { ListenLaterView } from '../pages/listen-later.tsx';
import { ShowsIndexView, ShowView } from '../pages/show.tsx';

export const ARTICLES_PER_PAGE = 20;

/** Pages change when the newsroom publishes: a minute in caches, then a cheap revalidation. */
const PAGE_CACHE = 'public, max-age=60';

export function pageContext(c: Context<AppEnv>): PageContext {
  const { db, media, config, now, log } = c.var.deps;
  return {
    db,
    media,
    baseUrl: config.baseUrl,
    siteTitle: config.siteTitle,
    siteDescription: config.siteDescription,
    siteLanguage: config.siteLanguage,
    timeZone: config.timeZone,
    sanitize: c.var.runtime.sanitize,
    now: now(),
    log,
  };
}

/** The navigation and feed list every page shows, read once per catalogue version. */
export async function siteChrome(c: Context<AppEnv>, ctx: PageContext): Promise<SiteChrome> {
  const version = await c.var.runtime.versions.current();
  return c.var.runtime.memo(`site-chrome\n${version.tag}`, () => loadSiteChrome(ctx));
}

/** A page's markup: hono/jsx renders to a string, possibly asynchronously. */
export async function renderHtml(view: JSX.Element): Promise<string> {
  return String(await view.toString());
}

function servePage(
  c: Context<AppEnv>,
  key: string,
  render: (ctx: PageContext, chrome: SiteChrome) => Promise<JSX.Element>,
  options: { frameable?: boolean } = {},
) {
  return serveRendered(c, {
    key: `page\n${key}`,
    contentType: 'text/html; charset=utf-8',
    cacheControl: PAGE_CACHE,
    headers: pageSecurityHeaders({ baseUrl: c.var.deps.config.baseUrl, frameable: options.frameable }),
    render: async () => {
      const ctx = pageContext(c);
      return renderHtml(await render(ctx, await siteChrome(c, ctx)));
    },
  });
}

export function pageRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const GET_HEAD = ['GET', 'HEAD'];

  routes.on(GET_HEAD, '/', (c) => {
    const page = parsePage(c.req.query('page'));
    return servePage(c, `home\n${page}`, async (ctx, chrome) => {
      const list = await loadArticleList(ctx, { page, pageSize: ARTICLES_PER_PAGE });
      return <ArticleListPage chrome={chrome} list={list} timeZone={ctx.timeZone} />;
    });
  });

  routes.on(GET_HEAD, '/sections/:slug', (c) => {
    const page = parsePage(c.req.query('page'));
    const slug = c.req.param('slug');
    return servePage(c, `section\n${slug}\n${page}`, async (ctx, chrome) => {
      const list = await loadArticleList(ctx, { sectionSlug: slug, page, pageSize: ARTICLES_PER_PAGE });
      return <ArticleListPage chrome={chrome} list={list} timeZone={ctx.timeZone} />;
    });
  });

  routes.on(GET_HEAD, '/articles/:slug', (c) => {
    const slug = c.req.param('slug');
    return servePage(c, `article\n${slug}`, async (ctx, chrome) => (
      <ArticleView chrome={chrome} page={await loadArticlePage(ctx, slug)} timeZone={ctx.timeZone} />
    ));
  });

  routes.on(GET_HEAD, '/podcasts', (c) =>
    servePage(c, 'podcasts', async (ctx, chrome) => (
      <ShowsIndexView
        chrome={chrome}
        shows={await loadShowsIndex(ctx)}
        canonical={siteUrls(ctx.baseUrl).podcasts()}
      />
    )),
  );

  // The same shell for everyone (the list lives in each browser), so it caches like any page.
  routes.on(GET_HEAD, '/listen-later', (c) =>
    servePage(c, 'listen-later', async (_ctx, chrome) => <ListenLaterView chrome={chrome} />),
  );

  routes.on(GET_HEAD, '/podcasts/:show', (c) => {
    const show = c.req.param('show');
    return servePage(c, `show\n${show}`, async (ctx, chrome) => (
      <ShowView chrome={chrome} page={await loadShowPage(ctx, show)} timeZone={ctx.timeZone} />
    ));
  });

  routes.on(GET_HEAD, '/podcasts/:show/:episode', (c) => {
    const { show, episode } = c.req.param();
    return servePage(c, `episode\n${show}\n${episode}`, async (ctx, chrome) => (
      <EpisodeView chrome={chrome} page={await loadEpisodePage(ctx, show, episode)} timeZone={ctx.timeZone} />
    ));
  });

  routes.on(GET_HEAD, '/podcasts/:show/:episode/embed', (c) => {
    const { show, episode } = c.req.param();
    return servePage(
      c,
      `embed\n${show}\n${episode}`,
      async (ctx, chrome) => (
        <EmbedView chrome={chrome} page={await loadEpisodePage(ctx, show, episode)} timeZone={ctx.timeZone} />
      ),
      { frameable: true },
    );
  });

  return routes;
}
