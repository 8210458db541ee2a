/** @jsxImportSource hono/jsx */
// GET /: the home page (for now the plain list of articles with their episodes and durations).
import { Hono } from 'hono';
import { loadFrontPage } from '../catalog/front-page.ts';
import type { AppEnv } from '../deps.ts';
import { parsePage } from '../http/query.ts';
import { FrontPageView } from '../pages/front-page.tsx';

export const HOME_PAGE_SIZE = 20;

export function homeRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/', async function home(c) {
    const { db, now, config } = c.get('deps');
    const page = parsePage(c.req.query('page'));
    const frontPage = await loadFrontPage(db, {
      now: now(),
      page,
      pageSize: HOME_PAGE_SIZE,
      baseUrl: config.baseUrl,
      siteTitle: config.siteTitle,
    });
    return c.html(<FrontPageView page={frontPage} timeZone={config.timeZone} siteTitle={config.siteTitle} />);
  });
  return routes;
}
