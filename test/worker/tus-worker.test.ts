// tus on the real Worker (wrangler dev: workerd, D1, R2): multipart parts from uneven chunks, a cut-off PATCH resumed, expiry.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeAudio } from '../../src/audio/probe.ts';
import { sweepExpiredUploads } from '../../src/catalog/tus/tus-expiry.ts';
import { bytesReader } from '../../src/media-store/bytes-reader.ts';
import { createNodeSha256 } from '../../src/node/node-hash.ts';
import { createD1Db } from '../../src/worker/d1-db.ts';
import { createR2MediaStore } from '../../src/worker/r2-media-store.ts';
import { MIN_PART_BYTES } from '../../src/worker/r2-upload-staging.ts';
import { minimalShow } from '../helpers/admin-client.ts';
import { openLocalBindings } from '../helpers/platform-proxy.ts';
import { PATCH_TYPE } from '../helpers/tus.ts';
import { tusUpload } from '../helpers/tus-client.ts';
import { freePort, startWorker, type WorkerHarness } from '../helpers/worker-harness.ts';

const TOKEN = 'worker-tus-token-0123456789';
const AUTH = { authorization: `Bearer ${TOKEN}` };
const TUS_AUTH = { ...AUTH, 'tus-resumable': '1.0.0' };

/** A CBR MP3 (64 kbit/s, 208-byte frames) behind a LAME "Info" header: `frames` frames, exact duration. */
function infoMp3(frames: number): Uint8Array {
  const FRAME = 208;
  const bytes = new Uint8Array(FRAME * (frames + 1));
  for (let at = 0; at < bytes.byteLength; at += FRAME) bytes.set([0xff, 0xfb, 0x50, 0xc4], at);
  bytes.set(new TextEncoder().encode('Info'), 21);
  const view = new DataView(bytes.buffer);
  view.setUint32(25, 3);
  view.setUint32(29, frames);
  view.setUint32(33, bytes.byteLength);
  return bytes;
}

describe('tus on the Worker: R2 multipart uploads', () => {
  let worker: WorkerHarness;
  let url = '';
  // Larger than two 5 MiB parts, so the upload spans three parts.
  const audio = infoMp3(55_000);
  const logs: string[] = [];

  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    worker = await startWorker(
      {
        BASE_URL: url,
        ADMIN_TOKEN: TOKEN,
        MAX_UPLOAD_BYTES: String(64 * 1024 * 1024),
        UPLOAD_PART_BYTES: String(MIN_PART_BYTES),
      },
      { port, keepState: true, onLog: (line) => logs.push(line) },
    );
  });
  afterAll(() => worker?.dispose());

  const create = async (length: number) => {
    const response = await worker.fetch('/api/v1/uploads', {
      method: 'POST',
      headers: { ...TUS_AUTH, 'upload-length': String(length) },
    });
    expect(response.status).toBe(201);
    return response.headers.get('location') as string;
  };
  const offsetOf = async (upload: string) =>
    Number((await fetch(upload, { method: 'HEAD', headers: TUS_AUTH })).headers.get('upload-offset'));

  it('advertises tus without authentication', async () => {
    const response = await worker.fetch('/api/v1/uploads', { method: 'OPTIONS' });
    expect(response.status).toBe(204);
    expect(response.headers.get('tus-extension')).toBe('creation,termination,expiration');
    expect(response.headers.get('tus-max-size')).toBe(String(64 * 1024 * 1024));
  });

  it('keeps the parts and tail of a cut-off PATCH, resumes in uneven chunks, and probes the file', async () => {
    const upload = await create(audio.byteLength);
    // 6 MiB and a bit: one whole part and a tail, then the connection drops mid-body.
    const cut = new AbortController();
    const sent = MIN_PART_BYTES + 1024 * 1024 + 123;
    const dropped = fetch(upload, {
      method: 'PATCH',
      headers: { ...TUS_AUTH, ...PATCH_TYPE, 'upload-offset': '0' },
      body: new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(audio.slice(0, sent));
        },
      }),
      duplex: 'half',
      signal: cut.signal,
    } as RequestInit).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    cut.abort();
    await dropped;
    let kept = 0;
    for (let i = 0; i < 100 && kept === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      kept = await offsetOf(upload);
    }
    expect(kept).toBeGreaterThanOrEqual(MIN_PART_BYTES);
    expect(kept).toBeLessThanOrEqual(sent);

    const resumed = await tusUpload(audio, {
      endpoint: `${url}/api/v1/uploads`,
      uploadUrl: upload,
      headers: AUTH,
      chunkSize: 3 * 1024 * 1024 + 7,
      retryDelays: [500, 1000, 2000, 4000],
    });
    expect(resumed.requests[0]).toBe('HEAD');
    expect(resumed.requests[1]).toBe(`PATCH ${kept}`);
    const view = await (await fetch(upload, { headers: AUTH })).json();
    const expected = await probeAudio(bytesReader(audio));
    expect(view).toMatchObject({ kind: 'audio', mimeType: 'audio/mpeg', sizeBytes: audio.byteLength });
    expect(view.durationSeconds).toBe(expected.durationSeconds);
    const served = new Uint8Array(await (await fetch(view.url, { headers: AUTH })).arrayBuffer());
    expect(Buffer.compare(served, audio)).toBe(0);

    // Attached to an episode and published, it is the feed's enclosure.
    const call = (method: string, path: string, body?: unknown) =>
      worker.fetch(`/api/v1${path}`, {
        method,
        headers: { ...AUTH, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const show = await (await call('POST', '/shows', minimalShow('edge-tus', 'Edge Tus'))).json();
    const episode = await (
      await call('POST', '/episodes', { showId: show.id, slug: 'big', title: 'Big' })
    ).json();
    const attached = await call('PUT', `/episodes/${episode.id}/audio`, { upload: upload });
    expect(attached.status).toBe(200);
    expect((await call('POST', `/episodes/${episode.id}/publish`, {})).status).toBe(200);
    const feed = await (await fetch(show.feedUrl)).text();
    expect(feed).toContain(`<enclosure url="${view.url}" length="${audio.byteLength}" type="audio/mpeg"`);
  }, 120_000);

  it('refuses a file that is not audio once its first part is in: 415, and the upload is gone', async () => {
    const text = new TextEncoder()
      .encode('plain words, not sound. '.repeat(300_000))
      .slice(0, MIN_PART_BYTES + 10);
    const upload = await create(text.byteLength);
    const response = await fetch(upload, {
      method: 'PATCH',
      headers: { ...TUS_AUTH, ...PATCH_TYPE, 'upload-offset': '0' },
      body: text,
    });
    expect(response.status).toBe(415);
    expect((await fetch(upload, { method: 'HEAD', headers: TUS_AUTH })).status).toBe(404);
  }, 180_000);

  it('leaves an unfinished upload to the expiry sweep, which aborts its multipart upload', async () => {
    const upload = await create(audio.byteLength);
    const patched = await fetch(upload, {
      method: 'PATCH',
      headers: { ...TUS_AUTH, ...PATCH_TYPE, 'upload-offset': '0' },
      body: audio.slice(0, MIN_PART_BYTES + 5),
    });
    expect(patched.status).toBe(204);
    expect(logs.filter((line) => /"level":"error"/.test(line))).toEqual([]);
    await worker.dispose();
    const proxy = await openLocalBindings(join(worker.persist, 'v3'));
    try {
      const media = createR2MediaStore(proxy.env.MEDIA, {
        createHash: createNodeSha256,
        uploadPartBytes: MIN_PART_BYTES,
      });
      const report = await sweepExpiredUploads({
        db: createD1Db(proxy.env.DB),
        media,
        now: new Date(Date.now() + 25 * 60 * 60 * 1000),
      });
      expect(report.removed).toContain(upload.split('/').pop());
      expect((await proxy.env.MEDIA.list({ prefix: '.tus/' })).objects).toEqual([]);
    } finally {
      await proxy.dispose();
    }
  }, 180_000);
});
