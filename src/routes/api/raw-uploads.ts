// isRawUpload: the admin API requests whose body is a file streamed to the media store, not JSON.
import type { Context } from 'hono';

/**
 * Method and path of each upload route (src/routes/api/*-api.ts): their bodies are streamed under
 * MAX_UPLOAD_BYTES (readUploadStart, MediaStore.put), so MAX_BODY_BYTES does not apply. A test checks
 * this list against the OpenAPI document's binary bodies.
 */
const RAW_UPLOADS: readonly (readonly [string, RegExp])[] = [
  ['PUT', /^\/api\/v1\/episodes\/[^/]+\/(?:audio|image|transcript|chapters)$/],
  ['PUT', /^\/api\/v1\/articles\/[^/]+\/image$/],
  ['PUT', /^\/api\/v1\/shows\/[^/]+\/artwork$/],
  ['POST', /^\/api\/v1\/episodes\/[^/]+\/alternates$/],
];

/** Whether `method` on `path` (under the app root) is a raw upload. */
export function isRawUploadRoute(method: string, path: string): boolean {
  return RAW_UPLOADS.some(([m, pattern]) => m === method && pattern.test(path));
}

/** isRawUploadRoute for a request. */
export function isRawUpload(c: Context): boolean {
  return isRawUploadRoute(c.req.method, c.req.path);
}
