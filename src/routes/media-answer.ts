// answerMedia: a registered media file as a response: ranges, validators, caching headers and listening taps (RFC 9110).
import type { Context } from 'hono';
import type { MediaAsset } from '../catalog/media-access.ts';
import { mediaEtag } from '../catalog/media-url.ts';
import type { AppEnv } from '../deps.ts';
import { NotFoundError, PreconditionFailedError } from '../errors.ts';
import { contentRange, interpretRange } from '../http/byte-ranges.ts';
import { evaluatePreconditions, ifRangeHolds, type Validators } from '../http/conditional.ts';
import { formatHttpDate } from '../http/http-date.ts';
import { openListenTap } from '../http/listen-tap.ts';
import { planMultipart } from '../http/multipart-ranges.ts';
import { problemResponse } from '../http/problem.ts';

/** Versioned URLs never change meaning, so caches may keep them for a year (RFC 8246 immutable). */
const IMMUTABLE = 'public, max-age=31536000, immutable';

export interface MediaAnswerOptions {
  readonly asset: MediaAsset;
  /** Whether anyone may fetch it (else `private, no-store`, and it is not counted as listening). */
  readonly isPublic: boolean;
  readonly catalogTag: string;
  /** Replaces the Cache-Control the file would get. */
  readonly cacheControl?: string;
  /** Served through a subscriber's private URL. */
  readonly private?: boolean;
}

/** Answers a GET or HEAD for `asset` from the media store: the whole file, a range, several, or 304/412/416. */
export async function answerMedia(c: Context<AppEnv>, options: MediaAnswerOptions): Promise<Response> {
  const { asset, isPublic, catalogTag } = options;
  const { media, log } = c.var.deps;
  const key = asset.key;
  const info = await media.stat(key);
  if (!info) {
    log.error('registered media file is missing from the store', { requestId: c.get('requestId'), key });
    throw new NotFoundError(`the file for ${key} is missing`);
  }
  const headers = baseHeaders(asset, c.req.query('download') !== undefined);
  if (options.cacheControl) headers.set('cache-control', options.cacheControl);
  else if (!isPublic) headers.set('cache-control', 'private, no-store');
  if (options.private) {
    // A subscriber's file: no other site's player should use their link, and no Referer carries it on.
    headers.delete('access-control-allow-origin');
    headers.set('referrer-policy', 'no-referrer');
  }
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
  const tap = await openListenTap(c, asset, isPublic, catalogTag);
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
