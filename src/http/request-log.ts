// requestLog(): one structured log line per request, with its id, status and time taken.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../deps.ts';

export function requestLog(): MiddlewareHandler<AppEnv> {
  return async function requestLog(c, next) {
    const started = performance.now();
    await next();
    c.get('deps').log.info('request', {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  };
}
