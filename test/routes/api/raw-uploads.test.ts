import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config.ts';
import { mediaAssets } from '../../../src/db/schema.ts';
import { isRawUploadRoute } from '../../../src/routes/api/raw-uploads.ts';
import { AUDIO_FIXTURES } from '../../helpers/byte-reader.ts';
import { openDemoApp } from '../../helpers/demo-app.ts';
import { listen, type TestServer } from '../../helpers/http-server.ts';
import { REPO_ROOT } from '../../helpers/spawn-podwire.ts';
import { tempDirs } from '../../helpers/temp-dir.ts';

const TOKEN = 'raw-uploads-token-0123456789';
const AUTH = { authorization: `Bearer ${TOKEN}` };
const audio = async (name: string) => new Uint8Array(await readFile(new URL(name, AUDIO_FIXTURES)));
const image = async (name: string) =>
  new Uint8Array(await readFile(join(REPO_ROOT, 'test/fixtures/images', name)));

describe('isRawUpload', () => {
  const newDir = tempDirs();
  let demo: Awaited<ReturnType<typeof openDemoApp>>;
  let server: TestServer;

  beforeAll(async () => {
    // The smallest MAX_BODY_BYTES: every real file below is larger, and must still go through.
    demo = await openDemoApp(
      await newDir(),
      {
        config: parseConfig({ BASE_URL: 'https://news.example', ADMIN_TOKEN: TOKEN, MAX_BODY_BYTES: '1024' }),
      },
      { writableMedia: true },
    );
    server = await listen(demo.app);
  });
  afterAll(async () => {
    await server?.close();
    demo?.close();
  });

  const call = (method: string, path: string, body: BodyInit, type: string) =>
    fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { ...AUTH, 'content-type': type },
      body,
      duplex: 'half',
    } as RequestInit);

  it('names exactly the routes whose OpenAPI request body is a binary file', async () => {
    const document = await (await demo.app.request('/api/openapi.json')).json();
    const routes: [string, string, boolean][] = [];
    for (const [path, operations] of Object.entries<Record<string, { requestBody?: unknown }>>(
      document.paths,
    )) {
      for (const [method, operation] of Object.entries(operations)) {
        if (!operation.requestBody) continue;
        const binary = /"format":"binary"/.test(JSON.stringify(operation.requestBody));
        routes.push([method.toUpperCase(), `/api${path.replace(/\{\w+\}/g, '7')}`, binary]);
      }
    }
    expect(routes.filter(([, , binary]) => binary)).toHaveLength(8);
    for (const [method, path, binary] of routes) {
      expect(isRawUploadRoute(method, path), `${method} ${path}`).toBe(binary);
    }
  });

  it('leaves uploads to MAX_UPLOAD_BYTES while JSON bodies over MAX_BODY_BYTES get 413', async () => {
    const tooBig = await call(
      'POST',
      '/shows',
      JSON.stringify({ slug: 'big', title: 'x'.repeat(2000), description: 'd', language: 'en' }),
      'application/json',
    );
    expect(tooBig.status).toBe(413);
    expect((await tooBig.json()).detail).toBe(
      'the request body is larger than the limit of 1024 bytes (MAX_BODY_BYTES)',
    );

    const show = await (
      await call(
        'POST',
        '/shows',
        JSON.stringify({
          slug: 'uploads',
          title: 'Uploads',
          description: 'A show.',
          language: 'en',
          author: 'Newsroom',
          categories: [{ category: 'News' }],
        }),
        'application/json',
      )
    ).json();
    const episode = await (
      await call(
        'POST',
        '/episodes',
        JSON.stringify({ showId: show.id, slug: 'ep', title: 'Ep' }),
        'application/json',
      )
    ).json();
    const article = (await (await demo.app.request('/api/v1/articles', { headers: AUTH })).json()).items[0];
    const jpeg = await image('square-1400.jpg');
    const mp3 = await audio('mp3-vbr-xing.mp3');
    const vtt = `WEBVTT\n\n${'00:00.000 --> 00:01.000\nA line of the transcript.\n\n'.repeat(40)}`;
    const chapters = JSON.stringify({
      version: '1.2.0',
      chapters: Array.from({ length: 40 }, (_, i) => ({ startTime: i, title: `Chapter ${i + 1}` })),
    });
    const uploads: [string, string, BodyInit, string][] = [
      ['PUT', `/episodes/${episode.id}/audio`, mp3, 'audio/mpeg'],
      ['PUT', `/episodes/${episode.id}/image`, jpeg, 'image/jpeg'],
      ['PUT', `/episodes/${episode.id}/transcript`, vtt, 'text/vtt'],
      ['PUT', `/episodes/${episode.id}/chapters`, chapters, 'application/json+chapters'],
      ['POST', `/episodes/${episode.id}/alternates?title=Low`, await audio('opus.opus'), 'audio/ogg'],
      ['PUT', `/articles/${article.id}/image`, jpeg, 'image/jpeg'],
      ['PUT', `/shows/${show.id}/artwork`, jpeg, 'image/jpeg'],
      // Chunked, without Content-Length: still not cut at MAX_BODY_BYTES.
      [
        'PUT',
        `/episodes/${episode.id}/audio`,
        new Blob([await audio('mp3-cbr-info.mp3')]).stream(),
        'audio/mpeg',
      ],
    ];
    for (const [method, path, body, type] of uploads) {
      if (typeof body === 'string') expect(body.length).toBeGreaterThan(1024);
      const response = await call(method, path, body, type);
      expect(response.status, `${method} ${path}: ${await response.clone().text()}`).toBe(200);
    }
    // every stored audio file (the seeded demo's and these uploads) has its IAB threshold recorded
    const audioRows = (await demo.deps.db.select().from(mediaAssets)).filter((a) =>
      a.mimeType.startsWith('audio/'),
    );
    expect(audioRows.length).toBeGreaterThanOrEqual(4);
    for (const row of audioRows) {
      expect(row.minuteBytes, row.key).toBeGreaterThan(0);
      expect(row.minuteBytes, row.key).toBeLessThanOrEqual(row.sizeBytes);
    }
    // the uploads are under a minute: their whole size
    const uploaded = audioRows.filter((a) => !a.key.startsWith('demo/'));
    expect(uploaded.map((a) => a.minuteBytes)).toEqual(uploaded.map((a) => a.sizeBytes));
  });
});
