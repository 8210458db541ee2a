// The studio's content screens (sections, articles, shows, episodes, previews, listening, imports, search index), mounted behind the session and CSRF checks.
import { Hono } from 'hono';
import type { AppEnv } from '../../../deps.ts';
import { articleActionRoutes } from './article-actions.tsx';
import { articleRoutes } from './articles.tsx';
import { episodeActionRoutes } from './episode-actions.tsx';
import { episodeRoutes } from './episodes.tsx';
import { importRoutes } from './imports.tsx';
import { listeningRoutes } from './listening.tsx';
import { liveItemRoutes } from './live-items.tsx';
import { previewRoutes } from './previews.tsx';
import { problemScreen, shownStatus } from './screen.tsx';
import { searchIndexRoutes } from './search-index.tsx';
import { sectionRoutes } from './sections.tsx';
import { showRoutes } from './shows.tsx';
import { subscriberRoutes } from './subscribers.tsx';

export function contentRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.route('/', sectionRoutes());
  routes.route('/', articleRoutes());
  routes.route('/', articleActionRoutes());
  routes.route('/', showRoutes());
  routes.route('/', subscriberRoutes());
  routes.route('/', liveItemRoutes());
  routes.route('/', episodeRoutes());
  routes.route('/', episodeActionRoutes());
  routes.route('/', previewRoutes());
  routes.route('/', listeningRoutes());
  routes.route('/', importRoutes());
  routes.route('/', searchIndexRoutes());
  // A missing record, a role refusal, a bad id: a studio page that says so (a script gets the problem).
  routes.onError(function contentError(error, c) {
    const status = shownStatus(error);
    if (status === undefined || /application\/json/.test(c.req.header('accept') ?? '')) throw error;
    return problemScreen(c, status, error);
  });
  return routes;
}
