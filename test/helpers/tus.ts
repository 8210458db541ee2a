// tus request helpers for tests: the headers every tus request carries, Upload-Metadata, and creating an upload.
import { ADMIN_TOKEN } from './admin-client.ts';

export const TUS = { 'tus-resumable': '1.0.0' } as const;
export const TUS_AUTH = { ...TUS, authorization: `Bearer ${ADMIN_TOKEN}` } as const;
export const PATCH_TYPE = { 'content-type': 'application/offset+octet-stream' } as const;

/** Upload-Metadata for `pairs` (values Base64, as tus clients send them). */
export function uploadMetadata(pairs: Record<string, string>): string {
  return Object.entries(pairs)
    .map(([key, value]) => `${key} ${Buffer.from(value).toString('base64')}`)
    .join(',');
}

type Fetch = (path: string, init?: RequestInit) => Promise<Response> | Response;

/** Creates an upload of `length` bytes through `fetch` (the app's request, or a server's) and returns its path. */
export async function createUpload(
  fetch: Fetch,
  length: number,
  metadata: Record<string, string> = { filename: 'episode.mp3', filetype: 'audio/mpeg' },
): Promise<{ path: string; response: Response }> {
  const response = await fetch('/api/v1/uploads', {
    method: 'POST',
    headers: { ...TUS_AUTH, 'upload-length': String(length), 'upload-metadata': uploadMetadata(metadata) },
  });
  if (response.status !== 201)
    throw new Error(`creation answered ${response.status}: ${await response.text()}`);
  return { path: new URL(response.headers.get('location') as string).pathname, response };
}

/** Sends `bytes` at `offset` in one PATCH (with its Content-Length, as clients send it). */
export function patchUpload(fetch: Fetch, path: string, offset: number, bytes: Uint8Array, headers = {}) {
  return fetch(path, {
    method: 'PATCH',
    headers: {
      ...TUS_AUTH,
      ...PATCH_TYPE,
      'upload-offset': String(offset),
      'content-length': String(bytes.byteLength),
      ...headers,
    },
    body: bytes as Uint8Array<ArrayBuffer>,
  });
}
