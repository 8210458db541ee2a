// GET/HEAD /media/<version>/<key>: registered media with ranges, validators and long-lived caching (RFC 9110).
import { Hono } from 'hono';
import { lookupMedia, type MediaAsset } from '../catalog/media-access.ts';
import { mediaEtag, mediaPath } from '../catalog/media-url.ts';
import type { AppEnv } from '../deps.ts';
import { GoneError, NotFoundError, PreconditionFailedError, ValidationError } from '../errors.ts';
import { authenticate } from '../http/admin-auth.ts';
import { contentRange, interpretRange } from '../http/byte-ranges.ts';
import { evaluatePreconditions, ifRangeHolds, type Validators } from '../http/conditional.ts';
import { formatHttpDate } from '../http/http-date.ts';
import { openListenTap } from '../http/listen-tap.ts';
import { planMultipart } from '../http/multipart-ranges.ts';
import { problemResponse } from '../http/problem.ts';
import { isMediaKey } from '../media-store/media-key.ts';

/** Versioned URLs never change meaning, so caches may keep them for a year (RFC 8246 immutable). */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Splits the raw (still percent-encoded) path into version and key, decoding exactly once. */
export function parseMediaPath(pathname: string): { version: string; key: string } {
  const match = /^\/media\/([0-9a-f]{8,64})\/(.+)$/.exec(pathname);
  if (!match) throw new NotFoundError(`no media at ${pathname}`);
  let key: string;
  try {
    key = decodeURIComponent(match[2] as string);
  } catch {
    throw new ValidationError('the media path is not valid percent-encoding');
  }
  if (!isMediaKey(key)) throw new ValidationError('the media path names no valid media file');
  return { version: match[1] as string, key };
}

export function mediaRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.on(['GET', 'HEAD'], '/media/*', async function serveMedia(c) {
    const { db, media, log, config, now } = c.get('deps');
    const path = new URL(c.req.url).pathname;
    const { version, key } = parseMediaPath(path);
    // c.get, not c.var: Hono copies every variable into a new object on each c.var.
    const runtime = c.get('runtime');
    const catalog = await runtime.versions.current();
    const found = await lookupMedia(db, key, path, now(), runtime.memo, catalog.tag);
    if (!found.found) {
      // Replaced media (podcast apps keep old enclosure URLs) redirects to the file that replaced
      // it; a deleted episode's media answers 410, as its page does.
      if (found.redirect) return c.redirect(`${config.baseUrl}${found.redirect}`, 301);
      if (found.gone) throw new GoneError(`${key} was deleted and will not come back`);
      throw new NotFoundError(`no media file is registered as ${key}`);
    }
    const { asset, isPublic } = found;
    // A draft's (or a scheduled item's) files are the newsroom's until it goes live: ADMIN_TOKEN, an
    // API token, or a studio session (the studio's previews) may fetch them.
    if (!isPublic && (await authenticate(c)).kind !== 'principal') {
      throw new NotFoundError(`no published media file is registered as ${key}`);
    }
    if (!asset.sha256.startsWith(version)) {
      // An old URL of the same file name with other bytes: point at the current bytes.
      return c.redirect(`${config.baseUrl}${mediaPath(asset)}`, 301);
    }
    const info = await media.stat(key);
    if (!info) {
      log.error('registered media file is missing from the store', { requestId: c.get('requestId'), key });
      throw new NotFoundError(`the file for ${key} is missing`);
    }
    const headers = baseHeaders(asset, c.req.query('download') !== undefined);
    if (!isPublic) headers.set('cache-control', 'private, no-store');
    const size = info.size;
    let validators: Validators | undefined = { etag: mediaEtag(asset), lastModified: asset.createdAt };
    if (size !== asset.sizeBytes) {
      // Changed on disk since it was registered: serve what is there, but promise nothing about it.
      log.warn('media file changed since it was registered; run podwire scan', {
        key,
        size,
        recorded: asset.sizeBytes,
      });
      validators = undefined;
      headers.set('cache-control', 'no-cache');
    } else {
      headers.set('etag', validators.etag);
      headers.set('last-modified', formatHttpDate(validators.lastModified));
    }
    const raw = c.req.raw.headers;
    if (validators) {
      const outcome = evaluatePreconditions(raw, validators);
      if (outcome === 'not-modified')
        return new Response(null, { status: 304, headers: notModifiedHeaders(headers) });
      if (outcome === 'failed')
        throw new PreconditionFailedError('the media file does not match the request’s conditions');
    }

    const wantsRange = c.req.method === 'GET' && (!validators || ifRangeHolds(raw, validators));
    const range = wantsRange ? interpretRange(c.req.header('range'), size) : ({ kind: 'whole' } as const);
    if (range.kind === 'unsatisfiable') {
      return problemResponse(
        { title: 'Range not satisfiable', status: 416, detail: `the file has ${size} bytes` },
        { 'content-range': `bytes */${size}`, 'accept-ranges': 'bytes' },
      );
    }
    // Listening is counted from what each response delivers (IAB v2.2), on GETs of published audio.
    const tap = await openListenTap(c, asset, isPublic, catalog.tag);
    if (range.kind === 'whole') {
      headers.set('content-length', String(size));
      if (c.req.method === 'HEAD') return new Response(null, { status: 200, headers });
      const object = await media.get(key);
      if (!object) throw new NotFoundError(`the file for ${key} is missing`);
      const body = tap ? tap.single(object.body, 0) : object.body;
      return new Response(body, { status: 200, headers });
    }
    const [first] = range.ranges;
    if (range.ranges.length === 1 && first) {
      const length = first.end - first.start + 1;
      headers.set('content-range', contentRange(first, size));
      headers.set('content-length', String(length));
      const object = await media.get(key, { offset: first.start, length });
      if (!object) throw new NotFoundError(`the file for ${key} is missing`);
      const body = tap ? tap.single(object.body, first.start) : object.body;
      return new Response(body, { status: 206, headers });
    }
    const plan = planMultipart(range.ranges, size, asset.mimeType, crypto.randomUUID().replaceAll('-', ''));
    headers.set('content-type', plan.contentType);
    headers.set('content-length', String(plan.contentLength));
    const body = plan.body(async (r) => {
      const part = await media.get(key, { offset: r.start, length: r.end - r.start + 1 });
      if (!part) throw new Error(`the file for ${key} disappeared while it was served`);
      return tap ? tap.part(part.body, r.start) : part.body;
    });
    return new Response(tap ? tap.finish(body) : body, { status: 206, headers });
  });
  return routes;
}

function baseHeaders(asset: MediaAsset, download: boolean): Headers {
  const headers = new Headers({
    'content-type': asset.mimeType,
    'accept-ranges': 'bytes',
    'cache-control': IMMUTABLE,
    'x-content-type-options': 'nosniff',
    // Public files: web players on other sites may fetch them (waveforms, chapters, transcripts).
    'access-control-allow-origin': '*',
  });
  if (download) {
    // RFC 6266: only when the listener asked to download (keys are ASCII, so no filename* needed).
    const name = asset.key.slice(asset.key.lastIndexOf('/') + 1);
    headers.set('content-disposition', `attachment; filename="${name}"`);
  }
  return headers;
}

/** A 304 repeats the validators and caching headers a 200 would carry (RFC 9110 §15.4.5). */
function notModifiedHeaders(headers: Headers): Headers {
  const kept = new Headers();
  for (const name of ['etag', 'last-modified', 'cache-control', 'content-disposition']) {
    const value = headers.get(name);
    if (value !== null) kept.set(name, value);
  }
  return kept;
}
