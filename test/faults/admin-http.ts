// Admin API calls over loopback HTTP (node:http): JSON requests, and uploads streamed in chunks with pauses.
import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { ADMIN_TOKEN } from './podwire-process.ts';

export interface Answer {
  readonly status: number;
  /** The parsed JSON body, or undefined when there was none. */
  readonly body: unknown;
}

/** Moments of a request a kill can be timed from. */
export interface SendHooks {
  /** The whole request has been handed to the socket (JSON requests). */
  onSent?(): void;
  /** Upload chunk `index` (from 0) of `count` has been written. */
  onChunk?(index: number, count: number): void;
  /** The last byte of an upload has been written. */
  onBodyEnd?(): void;
}

/** How an upload is sent: chunk size and the pause after each chunk. */
export interface Pacing {
  readonly chunkBytes: number;
  readonly pauseMs: (index: number) => number;
}

/**
 * One request; resolves once the whole answer has been received (the acknowledgement), rejects
 * when the connection breaks first. `write` sends the body.
 */
function exchange(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  write: (req: ReturnType<typeof request>) => Promise<void>,
): Promise<Answer> {
  return new Promise<Answer>((resolve, reject) => {
    const req = request(`${base}/api/v1${path}`, {
      method,
      agent: false,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...headers },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('aborted', () => reject(new Error('the answer was cut off')));
      res.on('end', () => {
        if (!res.complete) return reject(new Error('the answer was cut off'));
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown;
        try {
          body = text === '' ? undefined : JSON.parse(text);
        } catch {
          body = text;
        }
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    write(req).catch(reject);
  });
}

/** A JSON request to the admin API (`/api/v1` + `path`). */
export function callApi(
  base: string,
  method: string,
  path: string,
  json?: unknown,
  hooks: SendHooks = {},
): Promise<Answer> {
  const payload = json === undefined ? undefined : Buffer.from(JSON.stringify(json));
  const headers: Record<string, string> = payload
    ? { 'content-type': 'application/json', 'content-length': String(payload.byteLength) }
    : {};
  return exchange(base, method, path, headers, async (req) => {
    req.end(payload);
    hooks.onSent?.();
  });
}

/** A PUT of `bytes` as the raw body, written `pacing.chunkBytes` at a time with pauses between. */
export function streamUpload(
  base: string,
  path: string,
  bytes: Uint8Array,
  pacing: Pacing,
  hooks: SendHooks = {},
): Promise<Answer> {
  const headers = {
    'content-type': 'application/octet-stream',
    'content-length': String(bytes.byteLength),
  };
  return exchange(base, 'PUT', path, headers, async (req) => {
    const count = Math.ceil(bytes.byteLength / pacing.chunkBytes);
    for (let i = 0; i < count && !req.destroyed; i++) {
      req.write(bytes.subarray(i * pacing.chunkBytes, (i + 1) * pacing.chunkBytes));
      hooks.onChunk?.(i, count);
      if (i < count - 1) await sleep(pacing.pauseMs(i));
    }
    if (req.destroyed) return;
    req.end();
    hooks.onBodyEnd?.();
  });
}
