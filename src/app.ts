// createApp(deps): the podwire Hono app; the only place routes are mounted, with one onError and one notFound.
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import type { AppDeps, AppEnv } from './deps.ts';
import { NotFoundError } from './errors.ts';
import { problemFromError, problemResponse } from './http/problem.ts';
import { requestLog } from './http/request-log.ts';
import { healthRoutes } from './routes/health.ts';
import { homeRoutes } from './routes/home.tsx';
import { mediaRoutes } from './routes/media.ts';

/** Builds the app from injected dependencies; creates nothing and reads no environment itself. */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use(requestId());
  app.use(async function injectDeps(c, next) {
    c.set('deps', deps);
    await next();
  });
  app.use(requestLog());

  app.route('/', healthRoutes());
  app.route('/', homeRoutes());
  app.route('/', mediaRoutes());

  app.notFound(function notFound(c) {
    const error = new NotFoundError(`nothing is published at ${new URL(c.req.url).pathname}`);
    return problemResponse(problemFromError(error, c.get('requestId')));
  });

  app.onError(function onError(error, c) {
    const problem = problemFromError(error, c.get('requestId'));
    if (problem.status >= 500) {
      deps.log.error('request failed', { requestId: c.get('requestId'), path: c.req.path, error });
    }
    return problemResponse(problem);
  });

  return app;
}
