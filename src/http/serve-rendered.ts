// serveRendered: answer GET/HEAD for a generated document with validators, 304s, compression and caching.
import type { Context } from 'hono';
import type { AppEnv } from '../deps.ts';
import { type ContentCoding, negotiateEncoding } from './accept-encoding.ts';
import { evaluatePreconditions } from './conditional.ts';
import { formatHttpDate } from './http-date.ts';
import type { RenderedEntry } from './rendered-cache.ts';
import { shortHash } from './short-hash.ts';

export interface RenderedResource {
  /** Identifies the document (path, format, page): with the catalogue version it names the bytes. */
  readonly key: string;
  readonly contentType: string;
  readonly cacheControl: string;
  /** Extra headers (CORS for chapters, for instance). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Only called when the cache has no body for this key and version. */
  render(): Promise<string>;
}

/** What a response for a document is, before its body is needed. */
export interface RenderedAnswer {
  /** The entity tag without quotes or coding suffix. */
  readonly tag: string;
  readonly lastModified: Date;
  /** Content-Type, Cache-Control and any others. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body: from the in-process cache (compressible) or a stream as stored (sent as is). */
  body(): Promise<RenderedEntry | ReadableStream<Uint8Array>>;
  /** The body's length in bytes, when it comes as a stream. */
  readonly length?: number;
}

const CODING_SUFFIX = /-(br|gzip)"$/;

/**
 * The entity tag comes from the catalogue version and the key, so a revalidation is answered 304
 * before anything is rendered. Each content coding has its own strong tag (RFC 9110 §8.8.3), and
 * a tag of any coding matches on revalidation.
 */
export async function serveRendered(c: Context<AppEnv>, resource: RenderedResource): Promise<Response> {
  const { runtime } = c.var;
  const version = await runtime.versions.current();
  const cacheKey = `${resource.key}\n${version.tag}\n${runtime.configTag}`;
  return answerRendered(c, {
    tag: shortHash(cacheKey),
    lastModified: version.lastModified,
    headers: {
      'content-type': resource.contentType,
      'cache-control': resource.cacheControl,
      ...resource.headers,
    },
    body: () =>
      runtime.rendered.get(cacheKey, async () => {
        const shared = await runtime.sharedCache?.get(cacheKey);
        if (shared) return { body: shared, lastModified: version.lastModified };
        const started = performance.now();
        const body = await resource.render();
        await runtime.sharedCache?.put(cacheKey, new TextEncoder().encode(body));
        c.var.deps.log.debug('rendered', {
          requestId: c.var.requestId,
          key: resource.key.replaceAll('\n', ' '),
          version: version.tag,
          bytes: body.length,
          ms: Math.round(performance.now() - started),
        });
        return { body, lastModified: version.lastModified };
      }),
  });
}

/**
 * Answers a GET or HEAD for a document: 304 when If-None-Match (or If-Modified-Since) says the
 * client has it, 412 when If-Match fails, else 200 with the body, compressed when the runtime
 * compresses and the client accepts it, and offered to the runtime's fast path.
 */
export async function answerRendered(c: Context<AppEnv>, answer: RenderedAnswer): Promise<Response> {
  const { runtime } = c.var;
  const base = `"${answer.tag}"`;
  const coding = negotiateEncoding(c.req.header('accept-encoding'), runtime.codings);
  const headers = new Headers({
    etag: coding ? `"${answer.tag}-${coding}"` : base,
    'last-modified': formatHttpDate(answer.lastModified),
    vary: 'Accept-Encoding',
    ...answer.headers,
  });
  const request = new Headers(c.req.raw.headers);
  const inm = request.get('if-none-match');
  if (inm)
    request.set(
      'if-none-match',
      inm.replace(/"[^"]*"/g, (tag) => tag.replace(CODING_SUFFIX, '"')),
    );
  const outcome = evaluatePreconditions(request, { etag: base, lastModified: answer.lastModified });
  if (outcome === 'not-modified') {
    if (runtime.hot && c.req.method === 'GET') {
      const url = new URL(c.req.url);
      runtime.hot.confirm(url.pathname + url.search, coding, base);
    }
    headers.delete('content-type');
    return new Response(null, { status: 304, headers });
  }
  if (outcome === 'failed') return new Response(null, { status: 412, headers });
  const entry = await answer.body();
  if (entry instanceof ReadableStream) {
    // Stored bytes, streamed as they are (Workers: the platform compresses at its edge).
    if (answer.length !== undefined) headers.set('content-length', String(answer.length));
    if (c.req.method === 'HEAD') await entry.cancel();
    return new Response(c.req.method === 'HEAD' ? null : entry, { status: 200, headers });
  }
  let body = entry.body;
  if (coding && runtime.compress) {
    let encoded = entry.encoded.get(coding);
    if (!encoded) {
      encoded = runtime.compress(entry.body, coding);
      entry.encoded.set(coding, encoded);
    }
    body = await encoded;
    headers.set('content-encoding', coding);
  }
  headers.set('content-length', String(body.byteLength));
  if (runtime.hot && c.req.method === 'GET') {
    const url = new URL(c.req.url);
    runtime.hot.remember(url.pathname + url.search, coding, {
      baseTag: base,
      lastModified: answer.lastModified,
      headers: Object.fromEntries(headers),
      body,
    });
  }
  return new Response(c.req.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), {
    status: 200,
    headers,
  });
}

export type Compress = (body: Uint8Array, coding: ContentCoding) => Promise<Uint8Array>;
