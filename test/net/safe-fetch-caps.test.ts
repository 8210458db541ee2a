import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchFailed, FetchTimedOut, FetchTooLarge } from '../../src/net/fetch-errors.ts';
import { createSafeFetch, type SafeFetch } from '../../src/net/safe-fetch.ts';
import { createNodeFetchPort } from '../../src/node/node-fetch-port.ts';
import { type OriginServer, startOrigin } from '../helpers/origin-server.ts';

let origin: OriginServer;
let endlessWritten = 0;
let endlessClosed: Promise<void> = Promise.resolve();

beforeAll(async () => {
  origin = await startOrigin((req, res) => {
    if (req.url === '/declared') {
      res.writeHead(200, { 'content-length': '100000' });
      res.end(new Uint8Array(100_000));
    } else if (req.url === '/bomb') {
      // 10 MB of zeros in about 10 KB of gzip, with a Content-Length far under any cap.
      const packed = gzipSync(new Uint8Array(10 * 1024 * 1024));
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': String(packed.byteLength) });
      res.end(packed);
    } else if (req.url === '/exact') {
      res.end(new Uint8Array(4096).fill(7));
    } else if (req.url === '/endless') {
      // An endless chunked body, written as fast as the client takes it.
      res.writeHead(200, { 'content-type': 'audio/mpeg' });
      endlessWritten = 0;
      endlessClosed = new Promise((resolve) => res.once('close', () => resolve()));
      const chunk = new Uint8Array(16 * 1024);
      const write = () => {
        while (!res.destroyed && res.write(chunk)) endlessWritten += chunk.byteLength;
        if (!res.destroyed) res.once('drain', write);
      };
      write();
    } else if (req.url === '/stall') {
      res.writeHead(200, { 'content-type': 'audio/mpeg' });
      res.write('ID3');
    } else if (req.url === '/never') {
      // Headers never come.
    } else {
      res.writeHead(404).end();
    }
  });
});
afterAll(() => origin.close());

const safeFetch = (timeoutMs = 10_000): SafeFetch =>
  createSafeFetch(createNodeFetchPort(), { allowPrivate: true, timeoutMs });

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('expected a failure'),
    (e: unknown) => e,
  );
}

describe('safeFetch caps', () => {
  it('refuses a 2xx whose Content-Length is over the cap before reading it', async () => {
    const error = await failure(safeFetch()(`${origin.origin}/declared`, { maxBytes: 50_000 }));
    expect(error).toBeInstanceOf(FetchTooLarge);
    expect(error).toMatchObject({ limit: 50_000, url: `${origin.origin}/declared` });
    expect((error as Error).message).toBe(
      `${origin.origin}/declared is larger than the limit of 50000 bytes`,
    );
  });

  it('delivers a body of exactly maxBytes', async () => {
    const response = await safeFetch()(`${origin.origin}/exact`, { maxBytes: 4096 });
    expect((await response.bytes()).byteLength).toBe(4096);
  });

  it('cuts an endless body off at the cap, closes the connection and delivers no byte beyond it', async () => {
    const maxBytes = 1024 * 1024;
    const response = await safeFetch()(`${origin.origin}/endless`, { maxBytes });
    let delivered = 0;
    const reader = response.body.getReader();
    const error = await (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return undefined;
        delivered += value.byteLength;
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchTooLarge);
    expect(delivered).toBeLessThanOrEqual(maxBytes);
    await endlessClosed;
    // The server stopped: what it wrote is the cap plus what the socket buffers held, not more.
    expect(endlessWritten).toBeLessThan(maxBytes + 16 * 1024 * 1024);
  });

  it('counts decoded bytes, so a gzip bomb is cut off at the cap', async () => {
    const response = await safeFetch()(`${origin.origin}/bomb`, { maxBytes: 1024 * 1024 });
    await expect(response.bytes()).rejects.toBeInstanceOf(FetchTooLarge);
  });

  it('caps bytes() the same way', async () => {
    const response = await safeFetch()(`${origin.origin}/endless`, { maxBytes: 100_000 });
    await expect(response.bytes()).rejects.toBeInstanceOf(FetchTooLarge);
    await endlessClosed;
  });

  it('times out a server that sends headers and then stalls', async () => {
    const response = await safeFetch(400)(`${origin.origin}/stall`, { maxBytes: 1000 });
    expect(response.status).toBe(200);
    const error = await failure(response.bytes());
    expect(error).toBeInstanceOf(FetchTimedOut);
    expect(error).toMatchObject({ ms: 400, url: `${origin.origin}/stall` });
    expect((error as Error).message).toBe(`${origin.origin}/stall did not answer in full within 400 ms`);
  });

  it('times out a server that never answers', async () => {
    const error = await failure(safeFetch(300)(`${origin.origin}/never`, { maxBytes: 1000 }));
    expect(error).toBeInstanceOf(FetchTimedOut);
  });

  it('times out an endless body that stays under the size cap, within one time cap for the whole read', async () => {
    const response = await safeFetch(500)(`${origin.origin}/endless`, { maxBytes: 1e12 });
    // Read and drop: loopback could fill memory in the time cap.
    const error = await failure(response.body.pipeTo(new WritableStream()));
    expect(error).toBeInstanceOf(FetchTimedOut);
    await endlessClosed;
  });

  it('lets one fetch take a longer time cap than the policy', async () => {
    const fetch = safeFetch(100);
    const error = await failure(fetch(`${origin.origin}/never`, { maxBytes: 10, timeoutMs: 300 }));
    expect(error).toMatchObject({ name: 'FetchTimedOut', ms: 300 });
  });

  it("stops with the caller's reason when the caller aborts", async () => {
    const controller = new AbortController();
    const pending = safeFetch()(`${origin.origin}/never`, { maxBytes: 10, signal: controller.signal });
    controller.abort(new Error('import cancelled'));
    await expect(pending).rejects.toThrow('import cancelled');
  });

  it('reports a refused connection as FetchFailed with the system error', async () => {
    const closed = await startOrigin(() => {});
    await closed.close();
    const error = await failure(safeFetch()(`${closed.origin}/`, { maxBytes: 10 }));
    expect(error).toBeInstanceOf(FetchFailed);
    expect((error as Error).message).toMatch(/^could not fetch http:\/\/127\.0\.0\.1:\d+\/: .*ECONNREFUSED/);
  });
});
