// createFastPath: replays hot rendered responses (feeds) straight onto node:http, before Hono builds a Request.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { negotiateEncoding } from '../http/accept-encoding.ts';
import { resolveClientAddress } from '../http/client-address.ts';
import { listedTags } from '../http/conditional.ts';
import type { HotResponses } from '../http/hot-responses.ts';
import { parseHttpDate, toHttpSeconds } from '../http/http-date.ts';
import type { Logger } from '../log.ts';

const CODING_SUFFIX = /-(br|gzip)"$/;
const REQUEST_ID = /^[\w\-=]{1,255}$/;

/**
 * Returns a handler that answers a GET or HEAD from `hot` when it can (200 or 304, with the same
 * headers, validators and log line the app would give) and returns false otherwise, so the caller
 * hands the request to the app. It does nothing the app's full path would not: requests with
 * If-Match or If-Unmodified-Since, unknown URLs and stale entries all go to the app.
 */
export function createFastPath(
  hot: HotResponses,
  log: Logger,
  codings: readonly ('br' | 'gzip')[],
  options: { readonly trustProxy?: boolean } = {},
) {
  const trustProxy = options.trustProxy ?? false;
  return function fastPath(req: IncomingMessage, res: ServerResponse): boolean {
    const method = req.method;
    if ((method !== 'GET' && method !== 'HEAD') || req.url === undefined) return false;
    const headers = req.headers;
    if (headers['if-match'] !== undefined || headers['if-unmodified-since'] !== undefined || headers.range)
      return false;
    const coding = negotiateEncoding(headers['accept-encoding'], codings);
    const hit = hot.lookup(req.url, coding);
    if (!hit) return false;

    const started = performance.now();
    const forwardedFor = headers['x-forwarded-for'];
    const client = resolveClientAddress({
      trustProxy,
      forwardedFor: Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor,
      peer: req.socket.remoteAddress,
    });
    const incomingId = headers['x-request-id'];
    const requestId =
      typeof incomingId === 'string' && REQUEST_ID.test(incomingId) ? incomingId : randomUUID();
    let status = 200;
    const inm = headers['if-none-match'];
    if (inm !== undefined) {
      const tags = listedTags(inm).map((t) => t.replace(/^W\//, '').replace(CODING_SUFFIX, '"'));
      if (tags.includes('*') || tags.includes(hit.baseTag)) status = 304;
    } else {
      const since = parseHttpDate(headers['if-modified-since']);
      if (since && toHttpSeconds(hit.lastModified) <= toHttpSeconds(since)) status = 304;
    }
    if (status === 304) {
      const { 'content-type': _type, 'content-length': _length, ...rest } = hit.headers;
      res.writeHead(304, { ...rest, 'x-request-id': requestId });
      res.end();
    } else {
      res.writeHead(200, { ...hit.headers, 'x-request-id': requestId });
      res.end(method === 'HEAD' ? undefined : hit.body);
    }
    const path = req.url.split('?')[0];
    log.info('request', {
      requestId,
      client: client ?? null,
      method,
      path,
      status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      fast: true,
    });
    return true;
  };
}
