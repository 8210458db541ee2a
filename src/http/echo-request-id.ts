// echoRequestId(): every response carries the request's X-Request-Id, whichever way its handler built it.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../deps.ts';

/**
 * hono/request-id sets the header on the context before the handler runs, which reaches only
 * responses built through the context (c.json, c.body); handlers that return a Response of their
 * own (feeds, media, problems) lost it. Set afterwards, it is on every answer, as the Node fast path
 * sends it.
 */
export function echoRequestId(): MiddlewareHandler<AppEnv> {
  return async function echoRequestId(c, next) {
    await next();
    const id = c.get('requestId');
    if (id === undefined || c.res.headers.has('x-request-id')) return;
    try {
      c.res.headers.set('x-request-id', id);
    } catch {
      // Immutable headers (Response.redirect, a fetch()ed response): the context copies the response.
      c.header('x-request-id', id);
    }
  };
}
