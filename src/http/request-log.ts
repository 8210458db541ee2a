// requestLog(): one structured log line per request, with its id, client address, status and time taken.
import type { MiddlewareHandler } from 'hono';
import { redactPrivatePath } from '../catalog/subscribers/private-urls.ts';
import type { AppEnv } from '../deps.ts';
import { clientAddress } from './client-address.ts';

export function requestLog(): MiddlewareHandler<AppEnv> {
  return async function requestLog(c, next) {
    const { log, isInternalRequest } = c.get('deps');
    // Nothing to gather when request lines are not written (LOG_LEVEL=warn and above), nor for a
    // request no client sent.
    if (log.enabled?.('info') === false || isInternalRequest?.(c.req.raw)) return next();
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
