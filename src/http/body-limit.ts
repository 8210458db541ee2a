// limitBody(): refuses request bodies over MAX_BODY_BYTES with a 413 problem, reading no more than that.
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../deps.ts';
import { PayloadTooLargeError } from '../errors.ts';

export interface LimitBodyOptions {
  /** Largest body accepted, in bytes (MAX_BODY_BYTES). */
  readonly maxBytes: number;
  /** Requests that keep their own limit (raw uploads streamed under MAX_UPLOAD_BYTES). */
  readonly exempt?: (c: Context<AppEnv>) => boolean;
}

/**
 * Guards every route that parses a body (JSON, forms). hono/body-limit answers from Content-Length
 * before reading anything; a chunked body is read into a buffer that never grows past the limit and
 * is refused as soon as it passes it (RFC 9110 §15.5.14). What the client still sends after the 413
 * is drained briefly and the connection closed by the runtime (@hono/node-server, workerd).
 */
export function limitBody(options: LimitBodyOptions): MiddlewareHandler<AppEnv> {
  const { maxBytes } = options;
  const exempt = options.exempt ?? (() => false);
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new PayloadTooLargeError(
        `the request body is larger than the limit of ${maxBytes} bytes (MAX_BODY_BYTES)`,
      );
    },
  });
  return async function limitBody(c, next) {
    // GET and HEAD carry no body; asking for one would make @hono/node-server build a full Request.
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || exempt(c)) return next();
    return limit(c, next);
  };
}
