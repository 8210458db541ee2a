// isRawUpload: the admin API requests whose body is a file streamed to the media store, not JSON.
import type { Context } from 'hono';

/**
 * Method and path of each upload route (src/routes/api/*-api.ts): their bodies are streamed under
 * MAX_UPLOAD_BYTES (readUploadStart, MediaStore.put; a tus PATCH under its Upload-Length), so
 * MAX_BODY_BYTES does not apply. A test checks this list against the OpenAPI document's binary bodies.
 */
const RAW_UPLOADS: readonly (readonly [string, RegExp])[] = [
  ['PUT', /^\/api\/v1\/episodes\/[^/]+\/(?:audio|image|transcript|chapters)$/],
  ['PUT', /^\/api\/v1\/articles\/[^/]+\/image$/],
  ['PUT', /^\/api\/v1\/shows\/[^/]+\/artwork$/],
  ['POST', /^\/api\/v1\/episodes\/[^/]+\/alternates$/],
  ['PATCH', /^\/api\/v1\/uploads\/[^/]+$/],
];

const TUS_UPLOAD = /^\/api\/v1\/uploads\/[^/]+$/;
/** The file routes that also take `{"upload": ...}` (JSON) to attach a finished tus upload. */
const ATTACHING =
  /^\/api\/v1\/(?:episodes\/[^/]+\/(?:audio|image)|articles\/[^/]+\/image|shows\/[^/]+\/artwork)$/;
const JSON_TYPE = /^application\/json\s*(?:;|$)/i;

/** Whether the request attaches a finished tus upload by a JSON body, rather than sending a file. */
export function isAttachRequest(c: Context): boolean {
  return (
    c.req.method === 'PUT' && ATTACHING.test(c.req.path) && JSON_TYPE.test(c.req.header('content-type') ?? '')
  );
}

/** Whether `method` on `path` (under the app root) is a raw upload. */
export function isRawUploadRoute(method: string, path: string): boolean {
  return RAW_UPLOADS.some(([m, pattern]) => m === method && pattern.test(path));
}

/**
 * isRawUploadRoute for a request. Attaching a finished tus upload by JSON is not a file, so it
 * keeps MAX_BODY_BYTES; a tus PATCH sent as POST with X-HTTP-Method-Override is one.
 */
export function isRawUpload(c: Context): boolean {
  const { path } = c.req;
  if (c.req.method === 'POST' && TUS_UPLOAD.test(path)) {
    return c.req.header('x-http-method-override')?.trim().toUpperCase() === 'PATCH';
  }
  return isRawUploadRoute(c.req.method, path) && !isAttachRequest(c);
}
