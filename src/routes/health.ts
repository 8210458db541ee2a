// GET /healthz: liveness and readiness in one: 200 when the database answers, 503 problem+json when not.
import { Hono } from 'hono';
import { checkDatabase } from '../catalog/health-check.ts';
import type { AppEnv } from '../deps.ts';
import { problemResponse } from '../http/problem.ts';

export function healthRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/healthz', async function health(c) {
    const { db, log } = c.get('deps');
    try {
      await checkDatabase(db);
    } catch (error) {
      log.error('health check: database unavailable', { requestId: c.get('requestId'), error });
      return problemResponse(
        {
          title: 'Database unavailable',
          status: 503,
          detail: 'The database did not answer a trivial query.',
        },
        { 'retry-after': '5' },
      );
    }
    c.header('cache-control', 'no-store');
    return c.json({ status: 'ok', database: 'ok' });
  });
  return routes;
}
