// /private/<token>/...: a subscriber's feed and media, checked against the token on every request, never shared-cached.
import { type Context, Hono } from 'hono';
import { lookupMedia } from '../catalog/media-access.ts';
import { mediaPath } from '../catalog/media-url.ts';
import {
  countUse,
  holderOfToken,
  mayFetchAsset,
  type TokenHolder,
} from '../catalog/subscribers/private-access.ts';
import { fillPrivateFeed, renderPrivateFeedTemplate } from '../catalog/subscribers/private-feed.ts';
import { PRIVATE_PREFIX } from '../catalog/subscribers/private-urls.ts';
import type { AppEnv } from '../deps.ts';
import { GoneError, NotFoundError } from '../errors.ts';
import { negotiateEncoding } from '../http/accept-encoding.ts';
import { clientAddress } from '../http/client-address.ts';
import { evaluatePreconditions } from '../http/conditional.ts';
import { formatHttpDate } from '../http/http-date.ts';
import { waitUntilOf } from '../http/listen-tap.ts';
import { shortHash } from '../http/short-hash.ts';
import { parseMediaPath } from './media.ts';
import { answerMedia } from './media-answer.ts';

/**
 * Token-bearing answers may be kept only by the subscriber's own app, and only to revalidate: a
 * revoked token then fails on the app's next request (RFC 9111 §5.2.2.4, §5.2.2.7).
 */
export const PRIVATE_CACHE = 'private, no-cache';

/** One answer for every token that opens nothing (unknown, revoked, malformed): nothing tells them apart. */
const noPrivateFeed = () => new NotFoundError('there is no private feed at this address');

const PRIVATE_HEADERS = {
  'cache-control': PRIVATE_CACHE,
  // Not for search engines, and no Referer carries the token to a link's target.
  'x-robots-tag': 'noindex',
  'referrer-policy': 'no-referrer',
} as const;

async function holderOf(c: Context<AppEnv>): Promise<{ holder: TokenHolder; token: string }> {
  const token = c.req.param('token') ?? '';
  const holder = await holderOfToken(c.var.deps.db, c.var.runtime.hashToken, token);
  if (!holder) throw noPrivateFeed();
  return { holder, token };
}

/** Counts the use after the answer (Workers: waitUntil); a failure is logged, never the subscriber's problem. */
function count(c: Context<AppEnv>, holder: TokenHolder, kind: 'feed' | 'media'): void {
  const { db, log, now, config } = c.var.deps;
  const counted = countUse(
    { db, keys: c.var.runtime.dayKeys, maxNetworks: config.subscriberMaxNetworks, log, now: now() },
    holder,
    kind,
    clientAddress(c),
  ).catch((error: unknown) =>
    log.error('counting a private feed request failed', { requestId: c.var.requestId, error }),
  );
  waitUntilOf(c)?.(counted);
}

async function servePrivateFeed(c: Context<AppEnv>): Promise<Response> {
  const { holder, token } = await holderOf(c);
  const { runtime } = c.var;
  const { db, config, now } = c.var.deps;
  const version = await runtime.versions.current();
  const key = `${holder.showSlug}\n${version.tag}\n${runtime.configTag}`;
  const template = await runtime.privateFeeds.get(key, () =>
    renderPrivateFeedTemplate({ db, config, sanitize: runtime.sanitize, now: now() }, holder.showSlug),
  );
  if (c.req.method === 'GET') count(c, holder, 'feed');
  const etag = `"${shortHash(`private\n${key}\n${holder.subscriberId}`)}"`;
  const headers = new Headers({
    'content-type': 'application/rss+xml; charset=utf-8',
    etag,
    'last-modified': formatHttpDate(version.lastModified),
    vary: 'Accept-Encoding',
    ...PRIVATE_HEADERS,
  });
  const outcome = evaluatePreconditions(c.req.raw.headers, { etag, lastModified: version.lastModified });
  if (outcome === 'not-modified') return new Response(null, { status: 304, headers });
  if (outcome === 'failed') return new Response(null, { status: 412, headers });
  let body = fillPrivateFeed(template, token);
  // Each subscriber's bytes differ, so they are compressed per request: gzip only (brotli costs
  // several times more CPU at the levels that pay off).
  const coding = runtime.compress ? negotiateEncoding(c.req.header('accept-encoding'), ['gzip']) : undefined;
  if (coding && runtime.compress) {
    body = await runtime.compress(body, coding);
    headers.set('content-encoding', coding);
  }
  headers.set('content-length', String(body.byteLength));
  return new Response(c.req.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), {
    status: 200,
    headers,
  });
}

/** A GET from the first byte (not the two-byte probe some players send first) is one download. */
function isDownload(c: Context<AppEnv>, status: number): boolean {
  if (c.req.method !== 'GET' || (status !== 200 && status !== 206)) return false;
  const range = c.req.header('range')?.replace(/\s+/g, '');
  return range === undefined || (range.startsWith('bytes=0-') && range !== 'bytes=0-1');
}

async function servePrivateMedia(c: Context<AppEnv>): Promise<Response> {
  const { holder, token } = await holderOf(c);
  const { db, config, now } = c.var.deps;
  const pathname = new URL(c.req.url).pathname;
  const mediaAt = pathname.indexOf('/media/', PRIVATE_PREFIX.length);
  if (mediaAt === -1) throw noPrivateFeed();
  const publicPath = pathname.slice(mediaAt);
  const { version, key } = parseMediaPath(publicPath);
  const catalog = await c.var.runtime.versions.current();
  const privatePath = (path: string) => `${config.baseUrl}${PRIVATE_PREFIX}${token}${path}`;
  const found = await lookupMedia(db, key, publicPath, now(), c.var.runtime.memo, catalog.tag);
  if (!found.found) {
    if (found.redirect) return redirect(privatePath(found.redirect));
    if (found.gone) throw new GoneError('this file was deleted and will not come back');
    throw new NotFoundError('no such file in this private feed');
  }
  const { asset } = found;
  const allowed = await c.var.runtime.memo(
    `private-asset\n${asset.id}\n${holder.showId}\n${catalog.tag}`,
    () => mayFetchAsset(db, holder, asset.id, now()),
  );
  if (!allowed) throw new NotFoundError('no such file in this private feed');
  if (!asset.sha256.startsWith(version)) return redirect(privatePath(mediaPath(asset)));
  const response = await answerMedia(c, {
    asset,
    isPublic: true,
    catalogTag: catalog.tag,
    cacheControl: PRIVATE_CACHE,
    private: true,
  });
  const audio = asset.mimeType.startsWith('audio/') || asset.mimeType.startsWith('video/');
  if (audio && isDownload(c, response.status)) count(c, holder, 'media');
  return response;
}

function redirect(location: string): Response {
  return new Response(null, { status: 301, headers: { location, ...PRIVATE_HEADERS } });
}

export function privateRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const GET_HEAD = ['GET', 'HEAD'];
  routes.on(GET_HEAD, '/private/:token/feed.xml', servePrivateFeed);
  routes.on(GET_HEAD, '/private/:token/media/*', servePrivateMedia);
  // Anything else under /private/ says no more than an unknown token does.
  routes.all('/private/*', () => {
    throw noPrivateFeed();
  });
  return routes;
}
