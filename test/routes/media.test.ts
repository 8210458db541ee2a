import { readdir, readFile, readlink, symlink, truncate, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mediaPath } from '../../src/catalog/media-url.ts';
import { findAssetByKey } from '../../src/db/queries/media-assets.ts';
import type { MediaAsset } from '../../src/db/schema.ts';
import { mediaAssets, shows } from '../../src/db/schema.ts';
import { createFsMediaStore } from '../../src/node/fs-media-store.ts';
import { BUNDLED_MEDIA_DIR } from '../../src/node/server.ts';
import { openDemoApp } from '../helpers/demo-app.ts';
import { listen, type TestServer } from '../helpers/http-server.ts';
import { tempDirs } from '../helpers/temp-dir.ts';

const KEY = 'demo/briefing-01-tide-mill-people.mp3';

/** A raw HTTP GET that sends the path exactly as given (fetch would normalise it). */
function rawGet(url: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (d) => {
        body += d;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('GET/HEAD /media', () => {
  const newDir = tempDirs();
  let demo: Awaited<ReturnType<typeof openDemoApp>>;
  let server: TestServer;
  let asset: MediaAsset;
  let file: Uint8Array;
  let url: string;

  beforeAll(async () => {
    demo = await openDemoApp(await newDir());
    server = await listen(demo.app);
    asset = (await findAssetByKey(demo.deps.db, KEY)) as MediaAsset;
    file = new Uint8Array(await readFile(join(BUNDLED_MEDIA_DIR, KEY)));
    url = `${server.url}${mediaPath(asset)}`;
  });
  afterAll(async () => {
    await server.close();
    demo.close();
  });

  const bytesOf = async (response: Response) => new Uint8Array(await response.arrayBuffer());

  it('serves the whole file with its probed type, length and validators', async () => {
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'audio/mpeg',
      'content-length': String(file.byteLength),
      'accept-ranges': 'bytes',
      etag: `"${asset.sha256.slice(0, 32)}"`,
      'last-modified': 'Thu, 01 Oct 2026 08:00:00 GMT',
      'cache-control': 'public, max-age=31536000, immutable',
    });
    expect(response.headers.get('content-disposition')).toBeNull();
    expect(await bytesOf(response)).toEqual(file);
  });

  it('answers HEAD with the same headers and no body', async () => {
    const response = await fetch(url, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(file.byteLength));
    expect(response.headers.get('etag')).toBe(`"${asset.sha256.slice(0, 32)}"`);
    expect((await response.arrayBuffer()).byteLength).toBe(0);
  });

  it.each([
    ['bytes=0-99', 0, 99],
    ['bytes=100-', 100, -1],
    ['bytes=-500', -500, -1],
    ['bytes=3000000-99999999', 3000000, -1],
    ['bytes=0-10, 5-20', 0, 20],
  ])('answers %s with 206 and the right Content-Range', async (header, from, to) => {
    const start = from < 0 ? file.byteLength + from : from;
    const end = to < 0 ? file.byteLength - 1 : to;
    const response = await fetch(url, { headers: { range: header } });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes ${start}-${end}/${file.byteLength}`);
    expect(response.headers.get('content-length')).toBe(String(end - start + 1));
    expect(await bytesOf(response)).toEqual(file.subarray(start, end + 1));
  });

  it('answers an unsatisfiable range with 416, bytes */size and a problem', async () => {
    const response = await fetch(url, { headers: { range: `bytes=${file.byteLength}-` } });
    expect(response.status).toBe(416);
    expect(response.headers.get('content-range')).toBe(`bytes */${file.byteLength}`);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });

  it('ignores a malformed or non-byte Range and sends the whole file', async () => {
    for (const header of ['bytes=abc', 'bytes=5-2', 'items=0-5', 'bytes=']) {
      const response = await fetch(url, { headers: { range: header } });
      expect(response.status, header).toBe(200);
      expect((await bytesOf(response)).byteLength).toBe(file.byteLength);
    }
  });

  it('answers several ranges as multipart/byteranges with the parts in order', async () => {
    const response = await fetch(url, { headers: { range: 'bytes=0-3,-4' } });
    expect(response.status).toBe(206);
    const type = response.headers.get('content-type') ?? '';
    const boundary = /^multipart\/byteranges; boundary=(\S+)$/.exec(type)?.[1];
    expect(boundary).toBeDefined();
    const body = new TextDecoder('latin1').decode(await bytesOf(response));
    expect(Number(response.headers.get('content-length'))).toBe(body.length);
    const parts = body.split(`--${boundary}`);
    expect(parts.at(-1)).toBe('--\r\n');
    expect(parts[1]).toContain(`Content-Range: bytes 0-3/${file.byteLength}`);
    expect(parts[1]).toContain('Content-Type: audio/mpeg');
    expect(parts[1]?.endsWith(`\r\n\r\n${new TextDecoder('latin1').decode(file.subarray(0, 4))}\r\n`)).toBe(
      true,
    );
    expect(parts[2]).toContain(
      `Content-Range: bytes ${file.byteLength - 4}-${file.byteLength - 1}/${file.byteLength}`,
    );
  });

  it('answers If-None-Match and If-Modified-Since with 304 and the validators', async () => {
    const etag = `"${asset.sha256.slice(0, 32)}"`;
    const cases: Record<string, string>[] = [
      { 'if-none-match': etag },
      { 'if-none-match': `"other", W/${etag}` },
      { 'if-none-match': '*' },
      { 'if-modified-since': 'Thu, 01 Oct 2026 08:00:00 GMT' },
      { 'if-modified-since': 'Fri, 02 Oct 2026 08:00:00 GMT' },
    ];
    for (const headers of cases) {
      const response = await fetch(url, { headers });
      expect(response.status, JSON.stringify(headers)).toBe(304);
      expect(response.headers.get('etag')).toBe(etag);
      expect((await response.arrayBuffer()).byteLength).toBe(0);
    }
  });

  it('sends the file when the validators do not match', async () => {
    const cases: Record<string, string>[] = [
      { 'if-none-match': '"something-else"' },
      { 'if-modified-since': 'Wed, 30 Sep 2026 08:00:00 GMT' },
      { 'if-modified-since': 'not a date' },
      // If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2)
      { 'if-none-match': '"something-else"', 'if-modified-since': 'Fri, 02 Oct 2026 08:00:00 GMT' },
    ];
    for (const headers of cases) {
      expect((await fetch(url, { headers })).status, JSON.stringify(headers)).toBe(200);
    }
  });

  it('honours Range under If-Range only while the validator still matches', async () => {
    const etag = `"${asset.sha256.slice(0, 32)}"`;
    const same = await fetch(url, { headers: { range: 'bytes=0-9', 'if-range': etag } });
    expect(same.status).toBe(206);
    const byDate = await fetch(url, {
      headers: { range: 'bytes=0-9', 'if-range': 'Thu, 01 Oct 2026 08:00:00 GMT' },
    });
    expect(byDate.status).toBe(206);
    const changed = await fetch(url, { headers: { range: 'bytes=0-9', 'if-range': '"an-older-version"' } });
    expect(changed.status).toBe(200);
    expect((await bytesOf(changed)).byteLength).toBe(file.byteLength);
    const weak = await fetch(url, { headers: { range: 'bytes=0-9', 'if-range': `W/${etag}` } });
    expect(weak.status).toBe(200);
  });

  it('answers a failed If-Match with 412', async () => {
    const response = await fetch(url, { headers: { 'if-match': '"not-this"' } });
    expect(response.status).toBe(412);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });

  it('adds Content-Disposition only for an explicit download', async () => {
    const response = await fetch(`${url}?download`);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="briefing-01-tide-mill-people.mp3"',
    );
  });

  it('redirects an old version of the URL to the current one', async () => {
    const response = await fetch(`${server.url}/media/0000000000000000/${KEY}`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    // Absolute under BASE_URL, as every link podwire makes (a BASE_URL may carry a path prefix).
    expect(response.headers.get('location')).toBe(`https://news.example${mediaPath(asset)}`);
  });

  it('answers 404 for files that are not registered, even if they exist in the folder', async () => {
    for (const path of [
      `/media/${asset.sha256.slice(0, 16)}/demo/make-demo-media.sh`,
      `/media/abcdef12/nope.mp3`,
    ]) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
  });

  it.each([
    '..%2f..%2f..%2fetc%2fpasswd',
    '%2e%2e/%2e%2e/etc/passwd',
    '%252e%252e%252fetc%252fpasswd',
    'demo%5c..%5c..%5cetc%5cpasswd',
    'demo/x.mp3%00.jpg',
    '%2fetc%2fpasswd',
    '/etc/passwd',
    '.env',
    'demo/.hidden.mp3',
    '%zz',
  ])('refuses the traversal or bad name %s with 400 or 404', async (rest) => {
    const { status, body } = await rawGet(server.url, `/media/${asset.sha256.slice(0, 16)}/${rest}`);
    expect([400, 404]).toContain(status);
    expect(body).not.toContain('root:');
  });

  it('refuses raw dot segments, which never reach the media route', async () => {
    const { status, body } = await rawGet(
      server.url,
      `/media/${asset.sha256.slice(0, 16)}/../../../../etc/passwd`,
    );
    expect([400, 404]).toContain(status);
    expect(body).not.toContain('root:');
  });
});

describe('media streaming', () => {
  const newDir = tempDirs();

  it('does not follow a registered key whose file is a symlink out of MEDIA_DIR', async () => {
    const dir = await newDir();
    const outside = await newDir();
    await writeFile(join(outside, 'secret.bin'), 'secret');
    await symlink(join(outside, 'secret.bin'), join(dir, 'leak.bin'));
    const media = await createFsMediaStore({ root: dir });
    const demo = await openDemoApp(await newDir(), { media });
    await demo.deps.db.insert(mediaAssets).values({
      key: 'leak.bin',
      mimeType: 'application/octet-stream',
      sizeBytes: 6,
      sha256: 'a'.repeat(64),
      createdAt: new Date(0),
    });
    const response = await demo.app.request(`/media/${'a'.repeat(16)}/leak.bin`);
    expect(response.status).toBe(404);
    demo.close();
  });

  it('releases the file handle when a client disconnects mid-transfer', async () => {
    const dir = await newDir();
    // 8 GB, sparse: far more than could be read in the time allowed, so only a cancel closes it
    const size = 8 * 1024 * 1024 * 1024;
    await writeFile(join(dir, 'big.bin'), '');
    await truncate(join(dir, 'big.bin'), size);
    const media = await createFsMediaStore({ root: dir });
    const demo = await openDemoApp(await newDir(), { media });
    const [big] = await demo.deps.db
      .insert(mediaAssets)
      .values({
        key: 'big.bin',
        mimeType: 'application/octet-stream',
        sizeBytes: size,
        sha256: 'b'.repeat(64),
        createdAt: new Date(0),
      })
      .returning();
    // Only files something public uses are served: make it the demo show's artwork.
    await demo.deps.db.update(shows).set({ artworkAssetId: big?.id });
    const server = await listen(demo.app);
    // file descriptors of this process that point at the served file
    const openFiles = async () => {
      let count = 0;
      for (const fd of await readdir('/proc/self/fd')) {
        const target = await readlink(`/proc/self/fd/${fd}`).catch(() => '');
        if (target.endsWith('big.bin')) count++;
      }
      return count;
    };
    const before = await openFiles();
    expect(before).toBe(0);
    for (let i = 0; i < 5; i++) {
      const controller = new AbortController();
      const response = await fetch(`${server.url}/media/${'b'.repeat(16)}/big.bin`, {
        signal: controller.signal,
      });
      const reader = response.body!.getReader();
      await reader.read();
      expect(await openFiles()).toBe(1); // the download holds it open
      controller.abort();
      await reader.closed.catch(() => {});
    }
    // give the server a moment to see the resets and cancel the streams
    for (let i = 0; i < 50 && (await openFiles()) > before; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await openFiles()).toBe(0);
    await server.close();
    demo.close();
  });
});
