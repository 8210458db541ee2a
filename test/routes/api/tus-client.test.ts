// tus-js-client against the real server over loopback: chunks, an interrupted upload resumed, refusals, attaching.
import { readdir, readFile } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mediaAssets } from '../../../src/db/schema.ts';
import { probeFile } from '../../../src/node/file-reader.ts';
import { type AdminApp, AUTH, minimalShow, openAdminApp } from '../../helpers/admin-client.ts';
import { listen, type TestServer } from '../../helpers/http-server.ts';
import { REPO_ROOT } from '../../helpers/spawn-podwire.ts';
import { tempDirs } from '../../helpers/temp-dir.ts';
import { PATCH_TYPE, TUS_AUTH } from '../../helpers/tus.ts';
import { tusUpload } from '../../helpers/tus-client.ts';
import { freePort } from '../../helpers/worker-harness.ts';

const DEMO_MP3 = `${REPO_ROOT}/media/demo/briefing-01-tide-mill-people.mp3`;

describe('tus-js-client against /api/v1/uploads over loopback', () => {
  const newDir = tempDirs();
  let api: AdminApp;
  let server: TestServer;
  let audio: Uint8Array;
  const headOffset = async (url: string) =>
    (await fetch(url, { method: 'HEAD', headers: TUS_AUTH })).headers.get('upload-offset');

  beforeAll(async () => {
    const port = await freePort();
    api = await openAdminApp(await newDir(), {
      BASE_URL: `http://127.0.0.1:${port}`,
      MAX_UPLOAD_BYTES: String(16 * 1024 * 1024),
    });
    server = await listen(api.demo.app, port);
    audio = new Uint8Array(await readFile(DEMO_MP3));
  });
  afterAll(async () => {
    await server?.close();
    api?.demo.close();
  });

  const client = (extra: object = {}) => ({
    endpoint: `${server.url}/api/v1/uploads`,
    headers: AUTH,
    metadata: { filename: 'tide-mill.mp3', filetype: 'audio/mpeg' },
    ...extra,
  });

  it('uploads in uneven chunks; the stored asset has the fixture’s bytes and probed duration', async () => {
    const run = await tusUpload(audio, client({ chunkSize: 700_001 }));
    expect(run.requests[0]).toBe('POST');
    expect(run.requests.filter((r) => r.startsWith('PATCH'))).toHaveLength(
      Math.ceil(audio.byteLength / 700_001),
    );
    const view = await (await fetch(run.url, { headers: AUTH })).json();
    expect(view).toMatchObject({ kind: 'audio', mimeType: 'audio/mpeg', sizeBytes: audio.byteLength });
    expect(view.durationSeconds).toBe(1536);
    expect(view.durationText).toBe('25:36');
    const [asset] = await api.demo.deps.db.select().from(mediaAssets).where(eq(mediaAssets.id, view.assetId));
    expect(asset?.minuteBytes).toBe((await probeFile(DEMO_MP3)).minuteBytes);
    const served = new Uint8Array(await (await fetch(view.url, { headers: AUTH })).arrayBuffer());
    expect(Buffer.compare(served, audio)).toBe(0);
  });

  it('resumes an upload cut off mid-PATCH from the offset the server kept', async () => {
    const created = await fetch(`${server.url}/api/v1/uploads`, {
      method: 'POST',
      headers: { ...TUS_AUTH, 'upload-length': String(audio.byteLength) },
    });
    const url = created.headers.get('location') as string;
    // A client that sends 1 MiB and then loses its connection mid-body.
    const cut = new AbortController();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(audio.slice(0, 1024 * 1024));
      },
    });
    const dropped = fetch(url, {
      method: 'PATCH',
      headers: { ...TUS_AUTH, ...PATCH_TYPE, 'upload-offset': '0' },
      body,
      duplex: 'half',
      signal: cut.signal,
    } as RequestInit).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 200));
    cut.abort();
    expect(await dropped).toBeInstanceOf(Error);
    let kept = 0;
    for (let i = 0; i < 200 && kept === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      kept = Number(await headOffset(url));
    }
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThanOrEqual(1024 * 1024);

    const resumed = await tusUpload(audio, client({ uploadUrl: url }));
    expect(resumed.url).toBe(url);
    expect(resumed.requests).toEqual(['HEAD', `PATCH ${kept}`]);
    const view = await (await fetch(url, { headers: AUTH })).json();
    expect(view.durationSeconds).toBe(1536);
    const served = new Uint8Array(await (await fetch(view.url, { headers: AUTH })).arrayBuffer());
    expect(Buffer.compare(served, audio)).toBe(0);
  });

  it('refuses a file that is not audio: 415 to the client, nothing stored, the upload gone', async () => {
    const before = await readdir(`${api.mediaDir}/uploads`).catch(() => [] as string[]);
    const text = new TextEncoder().encode('Not audio at all, just words. '.repeat(3000));
    const error = await tusUpload(text, client({ chunkSize: 40_000 })).catch((e: unknown) => e);
    const response = (error as { originalResponse?: { getStatus(): number; getBody(): string } })
      .originalResponse;
    expect(response?.getStatus()).toBe(415);
    expect(JSON.parse(response?.getBody() ?? '{}').detail).toMatch(/neither audio nor/);
    expect(await readdir(`${api.mediaDir}/uploads`).catch(() => [] as string[])).toEqual(before);
    expect(await readdir(`${api.mediaDir}/.tus`)).toEqual([]);
  });

  it('lets one of two concurrent PATCHes write (the other gets 409) without mixing their bytes', async () => {
    const created = await fetch(`${server.url}/api/v1/uploads`, {
      method: 'POST',
      headers: { ...TUS_AUTH, 'upload-length': String(audio.byteLength) },
    });
    const url = created.headers.get('location') as string;
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The first body sends half the file, then waits until the second request has its answer.
    const slow = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(audio.slice(0, 200_000));
        await held;
        controller.enqueue(audio.slice(200_000));
        controller.close();
      },
    });
    const patch = (body: BodyInit) =>
      fetch(url, {
        method: 'PATCH',
        headers: { ...TUS_AUTH, ...PATCH_TYPE, 'upload-offset': '0' },
        body,
        duplex: 'half',
      } as RequestInit);
    const first = patch(slow);
    let second: Response | undefined;
    for (let i = 0; i < 100 && second?.status !== 409; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      second = await patch(new Uint8Array(1000).fill(0x55));
    }
    expect(second?.status).toBe(409);
    release();
    expect((await first).status).toBe(204);
    const view = await (await fetch(url, { headers: AUTH })).json();
    const served = new Uint8Array(await (await fetch(view.url, { headers: AUTH })).arrayBuffer());
    expect(Buffer.compare(served, audio)).toBe(0);
  });

  it('attaches the finished upload to an episode; the published feed carries it as the enclosure', async () => {
    const call = (method: string, path: string, body?: unknown) =>
      fetch(`${server.url}/api/v1${path}`, {
        method,
        headers: { ...AUTH, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const show = await (await call('POST', '/shows', minimalShow('tus-show', 'Tus Show'))).json();
    const episode = await (
      await call('POST', '/episodes', { showId: show.id, slug: 'by-tus', title: 'Sent with tus' })
    ).json();
    const run = await tusUpload(audio, client());
    const attached = await call('PUT', `/episodes/${episode.id}/audio`, { upload: run.url });
    expect(attached.status).toBe(200);
    const view = await (await fetch(run.url, { headers: AUTH })).json();
    const withAudio = await attached.json();
    expect(withAudio.audio).toMatchObject({
      url: view.url,
      durationSeconds: 1536,
      sizeBytes: audio.byteLength,
    });
    expect((await call('POST', `/episodes/${episode.id}/publish`, {})).status).toBe(200);
    const feed = await (await fetch(show.feedUrl)).text();
    expect(feed).toContain(`<enclosure url="${view.url}" length="${audio.byteLength}" type="audio/mpeg"`);
    // Public now, and still there after the upload itself is terminated.
    expect((await fetch(run.url, { method: 'DELETE', headers: TUS_AUTH })).status).toBe(204);
    expect((await fetch(view.url)).status).toBe(200);
  });
});
