// createFastPath: replays hot rendered responses (feeds) straight onto node:http or a raw socket, before Hono builds a Request.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { redactPrivatePath } from '../catalog/subscribers/private-urls.ts';
import { type ContentCoding, createEncodingNegotiator } from '../http/accept-encoding.ts';
import type { HotResponses } from '../http/hot-responses.ts';
import { isSaneRequestId } from '../http/request-id.ts';
import type { Logger } from '../log.ts';
import { notModifiedSince, type Replay, replayOf } from './replay.ts';
import { createRequestClient } from './request-client.ts';

export interface FastPathOptions {
  readonly trustProxy?: boolean;
  /** Makes an id for a request without a sane X-Request-Id; the app's own generator, so ids stay unique. */
  readonly newRequestId: () => string;
}

/** What the fast path reads of a request: node:http's IncomingMessage, or the front's parsed head. */
export interface FastRequest {
  readonly method?: string | undefined;
  readonly url?: string | undefined;
  readonly headers: IncomingHttpHeaders;
  readonly socket: Socket;
}

/** Writes a replayed answer: `requestId` goes last in the header list; `head` means no body. */
export type ReplayWriter<T> = (
  target: T,
  status: 200 | 304,
  replay: Replay,
  requestId: string,
  head: boolean,
) => void;

/**
 * What createHotAnswerer returns: true when it answered, false when the request is not one it
 * answers, or a promise when the request's hot response has gone stale and the app is revalidating
 * it: a caller that can wait (the HTTP front) asks again once it settles.
 */
export type HotAnswerer = <T>(
  request: FastRequest,
  target: T,
  write: ReplayWriter<T>,
) => boolean | Promise<void>;

/**
 * Returns `answer(request, target, write)`: it answers a GET or HEAD from `hot` when it can (200 or
 * 304, with the same headers, validators and log line the app would give) through `write` and
 * returns true; for a hot response gone stale it returns the app's revalidation of it (see
 * HotAnswerer); otherwise false, so the caller hands the request to the app. It does nothing the app's
 * full path would not: requests with If-Match, If-Unmodified-Since or Range and unknown URLs go to
 * the app, and a stale entry is answered only once the app has confirmed it. Each request costs
 * lookups and no parsing that a previous one already did (see replayOf, createRequestClient).
 */
export function createHotAnswerer(
  hot: HotResponses,
  log: Logger,
  codings: readonly ContentCoding[],
  options: FastPathOptions,
): HotAnswerer {
  const negotiate = createEncodingNegotiator(codings);
  const requestClient = createRequestClient({ trustProxy: options.trustProxy ?? false });
  const newRequestId = options.newRequestId;
  const logging = log.enabled?.('info') !== false;
  // The client as JSON, remembered for the last client seen: consecutive requests usually share one.
  let lastClient: string | null = null;
  let lastClientJson = 'null';
  const clientJson = (client: string | null): string => {
    if (client !== lastClient) {
      lastClient = client;
      lastClientJson = client === null ? 'null' : JSON.stringify(client);
    }
    return lastClientJson;
  };
  return function answerHot<T>(
    request: FastRequest,
    target: T,
    write: ReplayWriter<T>,
  ): boolean | Promise<void> {
    const method = request.method;
    const url = request.url;
    if ((method !== 'GET' && method !== 'HEAD') || url === undefined) return false;
    const headers = request.headers;
    if (headers['if-match'] !== undefined || headers['if-unmodified-since'] !== undefined || headers.range)
      return false;
    const coding = negotiate(headers['accept-encoding']);
    const hit = hot.lookup(url, coding);
    // Stale: the app's revalidation of it, for a caller that can wait (the HTTP front).
    if (!hit) return hot.revalidation(url, coding) ?? false;

    const started = logging ? performance.now() : 0;
    const replay = replayOf(hit);
    const incomingId = headers['x-request-id'];
    const requestId =
      typeof incomingId === 'string' && isSaneRequestId(incomingId) ? incomingId : newRequestId();
    const inm = headers['if-none-match'];
    const unchanged =
      inm !== undefined ? replay.noneMatchHits(inm) : notModifiedSince(headers['if-modified-since'], replay);
    const status = unchanged ? 304 : 200;
    write(target, status, replay, requestId, method === 'HEAD');
    if (!logging) return true;
    const client = requestClient(request);
    const ms = Math.round((performance.now() - started) * 10) / 10;
    if (log.infoJson) {
      // The fields info() would write, in its order; the id is sane ([A-Za-z0-9_=-]), so needs no escaping.
      replay.pathJson ??= JSON.stringify(logPath(url));
      log.infoJson(
        'request',
        `"requestId":"${requestId}","client":${clientJson(client)},"method":"${method}","path":${replay.pathJson},"status":${status},"ms":${ms},"fast":true`,
      );
      return true;
    }
    log.info('request', { requestId, client, method, path: logPath(url), status, ms, fast: true });
    return true;
  };
}

/** The path a request line shows: no query, and never a private feed's token (private feeds are never hot, but whatever changes). */
function logPath(url: string): string {
  const query = url.indexOf('?');
  return redactPrivatePath(query === -1 ? url : url.slice(0, query));
}

/** Writes a replay through node:http: writeHead reads the list at once and keeps no reference to it. */
const writeToResponse: ReplayWriter<ServerResponse> = (res, status, replay, requestId, head) => {
  const list = status === 304 ? replay.notModified : replay.ok;
  list[list.length - 1] = requestId;
  res.writeHead(status, list);
  res.end(status === 304 || head ? undefined : replay.body);
};

/**
 * The fast path on node:http: `fastPath(req, res)` answers from `hot` and returns true, or returns
 * false so the caller hands the request to the app.
 */
export function createFastPath(answerHot: HotAnswerer) {
  return function fastPath(req: IncomingMessage, res: ServerResponse): boolean {
    // A stale entry goes the app's full path here, which confirms or replaces it.
    return answerHot(req, res, writeToResponse) === true;
  };
}
