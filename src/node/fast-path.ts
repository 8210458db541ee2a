// createFastPath: replays hot rendered responses (feeds) straight onto node:http, before Hono builds a Request.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { redactPrivatePath } from '../catalog/subscribers/private-urls.ts';
import { type ContentCoding, createEncodingNegotiator } from '../http/accept-encoding.ts';
import type { HotResponse, HotResponses } from '../http/hot-responses.ts';
import { parseHttpDate, toHttpSeconds } from '../http/http-date.ts';
import { noneMatchHits } from '../http/if-none-match.ts';
import { isSaneRequestId } from '../http/request-id.ts';
import type { Logger } from '../log.ts';
import { createRequestClient } from './request-client.ts';

export interface FastPathOptions {
  readonly trustProxy?: boolean;
  /** Makes an id for a request without a sane X-Request-Id; the app's own generator, so ids stay unique. */
  readonly newRequestId: () => string;
}

/** What a hot response becomes once, so each replay only fills in its request id. */
interface Replay {
  /** The 200's headers as res.writeHead's flat [name, value, ...] list; the last value is the request id. */
  readonly ok: string[];
  /** The same for a 304: no Content-Type or Content-Length. */
  readonly notModified: string[];
  readonly body: Buffer;
  readonly lastModified: string | undefined;
  readonly lastModifiedSeconds: number;
}

/**
 * Returns a handler that answers a GET or HEAD from `hot` when it can (200 or 304, with the same
 * headers, validators and log line the app would give) and returns false otherwise, so the caller
 * hands the request to the app. It does nothing the app's full path would not: requests with
 * If-Match or If-Unmodified-Since, unknown URLs and stale entries all go to the app. Each request
 * costs lookups and no parsing that a previous one already did (see prepare, createRequestClient).
 */
export function createFastPath(
  hot: HotResponses,
  log: Logger,
  codings: readonly ContentCoding[],
  options: FastPathOptions,
) {
  const negotiate = createEncodingNegotiator(codings);
  const requestClient = createRequestClient({ trustProxy: options.trustProxy ?? false });
  const newRequestId = options.newRequestId;
  const replays = new WeakMap<HotResponse, Replay>();
  return function fastPath(req: IncomingMessage, res: ServerResponse): boolean {
    const method = req.method;
    const url = req.url;
    if ((method !== 'GET' && method !== 'HEAD') || url === undefined) return false;
    const headers = req.headers;
    if (headers['if-match'] !== undefined || headers['if-unmodified-since'] !== undefined || headers.range)
      return false;
    const hit = hot.lookup(url, negotiate(headers['accept-encoding']));
    if (!hit) return false;

    const started = performance.now();
    let replay = replays.get(hit);
    if (replay === undefined) {
      replay = prepare(hit);
      replays.set(hit, replay);
    }
    const client = requestClient(req);
    const incomingId = headers['x-request-id'];
    const requestId =
      typeof incomingId === 'string' && isSaneRequestId(incomingId) ? incomingId : newRequestId();
    const inm = headers['if-none-match'];
    const unchanged =
      inm !== undefined
        ? noneMatchHits(inm, hit.baseTag)
        : notModifiedSince(headers['if-modified-since'], replay);
    const status = unchanged ? 304 : 200;
    // writeHead reads the list at once and keeps no reference to it, so one list serves every replay.
    if (status === 304) {
      const list = replay.notModified;
      list[list.length - 1] = requestId;
      res.writeHead(304, list);
      res.end();
    } else {
      const list = replay.ok;
      list[list.length - 1] = requestId;
      res.writeHead(200, list);
      res.end(method === 'HEAD' ? undefined : replay.body);
    }
    const query = url.indexOf('?');
    log.info('request', {
      requestId,
      client,
      method,
      // Private feeds are never hot, but their tokens must never reach a line whatever changes.
      path: redactPrivatePath(query === -1 ? url : url.slice(0, query)),
      status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      fast: true,
    });
    return true;
  };
}

function prepare(hit: HotResponse): Replay {
  const ok: string[] = [];
  const notModified: string[] = [];
  for (const [name, value] of Object.entries(hit.headers)) {
    if (name === 'x-request-id') continue;
    ok.push(name, value);
    if (name !== 'content-type' && name !== 'content-length') notModified.push(name, value);
  }
  ok.push('x-request-id', '');
  notModified.push('x-request-id', '');
  const body = hit.body;
  return {
    ok,
    notModified,
    // A Buffer over the same bytes: node:http would otherwise wrap a Uint8Array on every write.
    body: Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength),
    lastModified: hit.headers['last-modified'],
    lastModifiedSeconds: toHttpSeconds(hit.lastModified),
  };
}

/** If-Modified-Since (RFC 9110 §13.1.3): a client usually echoes Last-Modified, so that is checked before parsing. */
function notModifiedSince(header: string | undefined, replay: Replay): boolean {
  if (header === undefined) return false;
  if (header === replay.lastModified) return true;
  const since = parseHttpDate(header);
  return since !== undefined && replay.lastModifiedSeconds <= toHttpSeconds(since);
}
