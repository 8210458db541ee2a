import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEASE_MS } from '../../../src/catalog/tus/tus-write.ts';
import { claimTusUpload } from '../../../src/db/queries/tus-uploads.ts';
import { type AdminApp, AUTH, audioFixture, BASE, openAdminApp } from '../../helpers/admin-client.ts';
import { tempDirs } from '../../helpers/temp-dir.ts';
import { createUpload, PATCH_TYPE, patchUpload, TUS, TUS_AUTH, uploadMetadata } from '../../helpers/tus.ts';

const MAX = 8 * 1024 * 1024;

describe('tus 1.0 at /api/v1/uploads', () => {
  const newDir = tempDirs();
  let api: AdminApp;
  const request = (path: string, init?: RequestInit) => api.demo.app.request(path, init);

  beforeAll(async () => {
    api = await openAdminApp(await newDir(), { MAX_UPLOAD_BYTES: String(MAX) });
  });
  afterAll(() => api.demo.close());

  it('advertises the protocol on OPTIONS without authentication', async () => {
    for (const path of ['/api/v1/uploads', '/api/v1/uploads/0123456789abcdef0123456789abcdef']) {
      const response = await request(path, { method: 'OPTIONS' });
      expect(response.status).toBe(204);
      expect(Object.fromEntries(response.headers)).toMatchObject({
        'tus-resumable': '1.0.0',
        'tus-version': '1.0.0',
        'tus-extension': 'creation,termination,expiration',
        'tus-max-size': String(MAX),
      });
    }
  });

  it('answers 401 with the tus header to every other method without a token', async () => {
    const { path } = await createUpload(request, 100);
    const attempts = [
      request('/api/v1/uploads', { method: 'POST', headers: { ...TUS, 'upload-length': '10' } }),
      request(path, { method: 'HEAD', headers: TUS }),
      request(path, { method: 'GET' }),
      request(path, { method: 'PATCH', headers: { ...TUS, ...PATCH_TYPE, 'upload-offset': '0' }, body: 'x' }),
      request(path, { method: 'DELETE', headers: TUS }),
      request(path, { method: 'HEAD', headers: { ...TUS, authorization: 'Bearer wrong-token-0123456789' } }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(401);
      expect(response.headers.get('tus-resumable')).toBe('1.0.0');
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
    expect((await request(path, { method: 'HEAD', headers: TUS_AUTH })).headers.get('upload-offset')).toBe(
      '0',
    );
  });

  it('answers 412 with Tus-Version when Tus-Resumable is missing or another version', async () => {
    const { path } = await createUpload(request, 100);
    for (const version of [undefined, '0.2.2']) {
      const headers: Record<string, string> = { ...AUTH, ...(version ? { 'tus-resumable': version } : {}) };
      for (const response of [
        await request('/api/v1/uploads', { method: 'POST', headers: { ...headers, 'upload-length': '10' } }),
        await request(path, {
          method: 'PATCH',
          headers: { ...headers, ...PATCH_TYPE, 'upload-offset': '0' },
          body: 'x',
        }),
        await request(path, { method: 'DELETE', headers }),
      ]) {
        expect(response.status).toBe(412);
        expect(response.headers.get('tus-version')).toBe('1.0.0');
        expect(response.headers.get('content-type')).toBe('application/problem+json');
      }
    }
    const head = await request(path, { method: 'HEAD', headers: AUTH });
    expect(head.status).toBe(412);
    expect(head.headers.get('tus-version')).toBe('1.0.0');
    // Nothing was processed: the upload is still at 0.
    expect((await request(path, { method: 'HEAD', headers: TUS_AUTH })).headers.get('upload-offset')).toBe(
      '0',
    );
  });

  it('creates an upload: 201 with an absolute Location under BASE_URL and Upload-Expires', async () => {
    const { path, response } = await createUpload(request, 1234, {
      filename: 'Ünïcode name.mp3',
      filetype: 'audio/mpeg',
    });
    expect(response.headers.get('location')).toMatch(
      /^https:\/\/news\.example\/api\/v1\/uploads\/[0-9a-f]{32}$/,
    );
    expect(new Date(response.headers.get('upload-expires') as string).getTime()).toBe(
      api.clock.at + 24 * 3600_000,
    );
    const head = await request(path, { method: 'HEAD', headers: TUS_AUTH });
    expect(head.status).toBe(200);
    expect(Object.fromEntries(head.headers)).toMatchObject({
      'upload-offset': '0',
      'upload-length': '1234',
      'cache-control': 'no-store',
      'tus-resumable': '1.0.0',
      'upload-metadata': uploadMetadata({ filename: 'Ünïcode name.mp3', filetype: 'audio/mpeg' }),
    });
  });

  it.each([
    ['no Upload-Length', {}, 400],
    ['a deferred length', { 'upload-defer-length': '1' }, 400],
    ['a length that is not a number', { 'upload-length': '12abc' }, 400],
    ['a negative length', { 'upload-length': '-5' }, 400],
    ['an empty file', { 'upload-length': '0' }, 400],
    ['a length over Tus-Max-Size', { 'upload-length': String(MAX + 1) }, 413],
    ['a huge length', { 'upload-length': '99999999999999999999' }, 400],
    ['metadata that is not Base64', { 'upload-length': '10', 'upload-metadata': 'filename ***' }, 400],
    ['metadata with a repeated key', { 'upload-length': '10', 'upload-metadata': 'a YQ==,a Yg==' }, 400],
    ['metadata that is not UTF-8', { 'upload-length': '10', 'upload-metadata': 'filename /w==' }, 400],
  ])('refuses a creation with %s', async (_what, headers, status) => {
    const response = await request('/api/v1/uploads', {
      method: 'POST',
      headers: { ...TUS_AUTH, ...headers },
    });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.headers.get('location')).toBeNull();
  });

  it('refuses bytes in the creation request (creation-with-upload is not offered)', async () => {
    const response = await request('/api/v1/uploads', {
      method: 'POST',
      headers: { ...TUS_AUTH, ...PATCH_TYPE, 'upload-length': '5' },
      body: 'hello',
    });
    expect(response.status).toBe(400);
  });

  it('stores a PATCH at the offset and answers the new offset; a wrong offset is 409 and changes nothing', async () => {
    const { path } = await createUpload(request, 100);
    const first = await patchUpload(request, path, 0, new Uint8Array(40).fill(1));
    expect(first.status).toBe(204);
    expect(first.headers.get('upload-offset')).toBe('40');
    expect(first.headers.get('upload-expires')).toBeTruthy();
    for (const offset of [0, 39, 41, 100]) {
      const wrong = await patchUpload(request, path, offset, new Uint8Array(10));
      expect(wrong.status).toBe(409);
      expect(wrong.headers.get('tus-resumable')).toBe('1.0.0');
    }
    expect((await request(path, { method: 'HEAD', headers: TUS_AUTH })).headers.get('upload-offset')).toBe(
      '40',
    );
  });

  it('refuses a PATCH with another content type (415) or no Upload-Offset (400)', async () => {
    const { path } = await createUpload(request, 100);
    for (const type of ['application/octet-stream', 'audio/mpeg', 'application/json']) {
      const response = await patchUpload(request, path, 0, new Uint8Array(5), { 'content-type': type });
      expect(response.status).toBe(415);
    }
    const noOffset = await request(path, {
      method: 'PATCH',
      headers: { ...TUS_AUTH, ...PATCH_TYPE },
      body: 'abc',
    });
    expect(noOffset.status).toBe(400);
    expect((await request(path, { method: 'HEAD', headers: TUS_AUTH })).headers.get('upload-offset')).toBe(
      '0',
    );
  });

  it('refuses a body that goes past Upload-Length: unread when declared, else cut and the upload removed', async () => {
    const { path } = await createUpload(request, 50);
    const declared = await patchUpload(request, path, 0, new Uint8Array(51));
    expect(declared.status).toBe(413);
    expect((await request(path, { method: 'HEAD', headers: TUS_AUTH })).headers.get('upload-offset')).toBe(
      '0',
    );
    // A chunked body gives no length up front: it is cut at the length.
    const chunked = await request(path, {
      method: 'PATCH',
      headers: { ...TUS_AUTH, ...PATCH_TYPE, 'upload-offset': '0' },
      body: new Blob([new Uint8Array(30), new Uint8Array(30)]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect((await request(path, { method: 'HEAD', headers: TUS_AUTH })).status).toBe(404);
    expect(await readStaged()).not.toContain(path.split('/').pop());
  });

  it('terminates an upload (204); it is gone afterwards', async () => {
    const { path } = await createUpload(request, 100);
    await patchUpload(request, path, 0, new Uint8Array(10));
    const id = path.split('/').pop() as string;
    expect((await readStaged()).includes(id)).toBe(true);
    expect((await request(path, { method: 'DELETE', headers: TUS_AUTH })).status).toBe(204);
    expect((await request(path, { method: 'HEAD', headers: TUS_AUTH })).status).toBe(404);
    expect((await patchUpload(request, path, 10, new Uint8Array(1))).status).toBe(404);
    expect((await request(path, { method: 'DELETE', headers: TUS_AUTH })).status).toBe(404);
    expect((await readStaged()).includes(id)).toBe(false);
  });

  it('answers 404 for ids that are not uploads', async () => {
    for (const id of ['0123456789abcdef0123456789abcdef', 'nope', '..%2F..%2Fetc', 'A'.repeat(32)]) {
      expect((await request(`/api/v1/uploads/${id}`, { method: 'HEAD', headers: TUS_AUTH })).status).toBe(
        404,
      );
      expect((await patchUpload(request, `/api/v1/uploads/${id}`, 0, new Uint8Array(1))).status).toBe(404);
    }
  });

  it('answers GET of an unfinished upload with 409 and its progress', async () => {
    const { path } = await createUpload(request, 100);
    await patchUpload(request, path, 0, new Uint8Array(25));
    const response = await request(path, { headers: AUTH });
    expect(response.status).toBe(409);
    expect(response.headers.get('upload-offset')).toBe('25');
    expect((await response.json()).detail).toMatch(/25 of 100 bytes/);
  });

  it('finishes with the last byte: sniffed, probed, stored; GET answers the asset', async () => {
    const bytes = await audioFixture('mp3-cbr-info.mp3');
    const { path } = await createUpload(request, bytes.byteLength, { filename: 'My Show #1.mp3' });
    expect((await patchUpload(request, path, 0, bytes.subarray(0, 1000))).status).toBe(204);
    const last = await patchUpload(request, path, 1000, bytes.subarray(1000));
    expect(last.status).toBe(204);
    expect(last.headers.get('upload-offset')).toBe(String(bytes.byteLength));
    const view = await (await request(path, { headers: AUTH })).json();
    expect(view).toMatchObject({
      id: path.split('/').pop(),
      kind: 'audio',
      mimeType: 'audio/mpeg',
      sizeBytes: bytes.byteLength,
      filename: 'My Show #1.mp3',
    });
    expect(view.url).toMatch(new RegExp(`^${BASE}/media/[0-9a-f]{16}/uploads/my-show-1-[0-9a-f]{8}\\.mp3$`));
    expect(view.durationSeconds).toBeGreaterThan(0);
    // The finished upload takes no more bytes, but an empty PATCH at its end is harmless.
    expect((await patchUpload(request, path, bytes.byteLength, new Uint8Array(0))).status).toBe(204);
    expect((await patchUpload(request, path, bytes.byteLength, new Uint8Array(1))).status).toBe(413);
  });

  it('refuses a file that is not audio or an image at the last byte: 415, nothing stored, upload removed', async () => {
    const text = new TextEncoder().encode('<!doctype html><title>not audio</title>'.repeat(100));
    const { path } = await createUpload(request, text.byteLength, { filename: 'episode.mp3' });
    const before = await storedUploads();
    const response = await patchUpload(request, path, 0, text);
    expect(response.status).toBe(415);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect((await response.json()).detail).toMatch(/neither audio nor a JPEG, PNG or WebP image/);
    expect((await request(path, { method: 'HEAD', headers: TUS_AUTH })).status).toBe(404);
    expect(await readStaged()).not.toContain(path.split('/').pop());
    expect(await storedUploads()).toEqual(before);
  });

  it('keeps an upload whose writer died busy (409) only until its lease runs out', async () => {
    const { path } = await createUpload(request, 100);
    const id = path.split('/').pop() as string;
    // A writer that claimed the upload and then vanished (its process killed mid-PATCH).
    const lease = { token: 'dead-writer', owner: 'node:1@elsewhere', until: api.clock.at + LEASE_MS };
    expect(await claimTusUpload(api.demo.deps.db, id, 0, lease, new Date(api.clock.at))).toBeDefined();
    expect((await patchUpload(request, path, 0, new Uint8Array(10))).status).toBe(409);
    expect((await request(path, { method: 'DELETE', headers: TUS_AUTH })).status).toBe(409);
    api.clock.at += LEASE_MS;
    expect((await patchUpload(request, path, 0, new Uint8Array(10))).status).toBe(204);
    expect((await request(path, { method: 'DELETE', headers: TUS_AUTH })).status).toBe(204);
  });

  it('takes PATCH and DELETE as POST with X-HTTP-Method-Override', async () => {
    const { path } = await createUpload(request, 10);
    const patched = await request(path, {
      method: 'POST',
      headers: { ...TUS_AUTH, ...PATCH_TYPE, 'upload-offset': '0', 'x-http-method-override': 'PATCH' },
      body: new Uint8Array(4),
    });
    expect(patched.status).toBe(204);
    expect(patched.headers.get('upload-offset')).toBe('4');
    const deleted = await request(path, {
      method: 'POST',
      headers: { ...TUS_AUTH, 'x-http-method-override': 'DELETE' },
    });
    expect(deleted.status).toBe(204);
  });

  const readStaged = async () =>
    (await import('node:fs/promises')).readdir(`${api.mediaDir}/.tus`).catch(() => [] as string[]);
  const storedUploads = async () =>
    (await import('node:fs/promises')).readdir(`${api.mediaDir}/uploads`).catch(() => [] as string[]);
});
