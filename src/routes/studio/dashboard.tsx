/** @jsxImportSource hono/jsx */
// GET /studio: the dashboard; its lists come from dashboardPanels (drafts, scheduled, recently published).
import { type Context, Hono } from 'hono';
import type { Child } from 'hono/jsx';
import type { AppEnv } from '../../deps.ts';
import { DashboardPage } from '../../studio/dashboard-page.tsx';
import { dashboardLists } from './content/dashboard-lists.tsx';
import { renderStudio, studioChrome } from './render.tsx';

/**
 * The dashboard's lists for the signed-in user. The slot the content screens fill: load what
 * they show here and return it as markup; the page puts it in `#dashboard-lists`.
 */
export async function dashboardPanels(c: Context<AppEnv>): Promise<Child> {
  return dashboardLists(c);
}

export function dashboardRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/', async (c) => {
    const panels = await dashboardPanels(c);
    return renderStudio(c, <DashboardPage chrome={studioChrome(c)}>{panels}</DashboardPage>);
  });
  return routes;
}
