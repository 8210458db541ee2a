// requestLog(): one structured log line per request, with its id, client address, status and time taken.
import type { MiddlewareHandler } from 'hono';
import { redactPrivatePath } from '../catalog/subscribers/private-urls.ts';
import type { AppEnv } from '../deps.ts';
import { clientAddress } from './client-address.ts';

/**
 * Marks a request the runtime makes to the app itself (Node confirming a hot feed, say) in the
 * `env` it passes to app.fetch: no client sent it, so it gets no request line.
 */
export const UNLOGGED_REQUEST = Symbol('podwire.unloggedRequest');

export function requestLog(): MiddlewareHandler<AppEnv> {
  return async function requestLog(c, next) {
    const { log } = c.get('deps');
    // Nothing to gather when request lines are not written (LOG_LEVEL=warn and above).
    if (log.enabled?.('info') === false) return next();
    if ((c.env as Record<symbol, unknown> | undefined)?.[UNLOGGED_REQUEST] === true) return next();
    const started = performance.now();
    // Read first: a socket the client has closed by the end no longer knows its peer.
    const client = clientAddress(c) ?? null;
    await next();
    log.info('request', {
      requestId: c.get('requestId'),
      client,
      method: c.req.method,
      // A subscriber's token never reaches a log line.
      path: redactPrivatePath(c.req.path),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  };
}
