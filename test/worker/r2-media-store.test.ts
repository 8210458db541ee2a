import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeAudio } from '../../src/audio/probe.ts';
import type { MediaStore } from '../../src/media-store/media-store.ts';
import { createNodeSha256 } from '../../src/node/node-hash.ts';
import { createR2MediaStore, PART_BYTES } from '../../src/worker/r2-media-store.ts';
import { MIN_PART_BYTES } from '../../src/worker/r2-upload-staging.ts';
import { type LocalBindings, openLocalBindings } from '../helpers/platform-proxy.ts';
import { REPO_ROOT } from '../helpers/spawn-podwire.ts';
import { tempDirs } from '../helpers/temp-dir.ts';
import { mediaStoreContract } from '../media-store/contract.ts';
import { uploadStagingContract } from '../media-store/staging-contract.ts';

const newDir = tempDirs();
let proxy: Awaited<ReturnType<typeof openLocalBindings>>;
let bindings: LocalBindings;

beforeAll(async () => {
  proxy = await openLocalBindings(await newDir());
  bindings = proxy.env;
});
afterAll(async () => {
  await proxy?.dispose();
});

/** Each contract test gets an empty bucket: the keys it sees are deleted first. */
async function emptyStore(): Promise<MediaStore> {
  const listed = await bindings.MEDIA.list();
  if (listed.objects.length > 0) await bindings.MEDIA.delete(listed.objects.map((o) => o.key));
  return createR2MediaStore(bindings.MEDIA, { createHash: createNodeSha256 });
}

mediaStoreContract('R2 (workerd via wrangler platform proxy)', emptyStore);

uploadStagingContract('R2 multipart (workerd via wrangler platform proxy)', async () => {
  await emptyStore();
  return {
    store: createR2MediaStore(bindings.MEDIA, {
      createHash: createNodeSha256,
      uploadPartBytes: MIN_PART_BYTES,
    }),
    unit: MIN_PART_BYTES,
    leftovers: async () => (await bindings.MEDIA.list({ prefix: '.tus/' })).objects.map((o) => o.key),
  };
});

describe('createR2MediaStore', () => {
  it('probes the demo episode over ranged R2 reads: 25:36 from a few requests', async () => {
    const store = await emptyStore();
    const bytes = await readFile(`${REPO_ROOT}/media/demo/briefing-01-tide-mill-people.mp3`);
    await store.put('demo/episode.mp3', new Response(bytes).body as ReadableStream<Uint8Array>);
    const reader = await store.open('demo/episode.mp3');
    let requests = 0;
    const counted = {
      size: reader!.size,
      read: (offset: number, length: number) => {
        requests++;
        return reader!.read(offset, length);
      },
      close: () => reader!.close(),
    };
    const probe = await probeAudio(counted);
    expect(probe.durationSeconds).toBe(1536);
    expect(probe.durationText).toBe('25:36');
    expect(requests).toBeLessThanOrEqual(4);
  });

  it('uploads a body larger than two parts as a multipart upload with the right hash', async () => {
    const store = await emptyStore();
    const size = PART_BYTES * 2 + 12345;
    const big = new Uint8Array(size);
    for (let i = 0; i < size; i += 4096) big[i] = i % 251;
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= size) return controller.close();
        const chunk = big.subarray(sent, Math.min(size, sent + 1_000_000));
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const stored = await store.put('big/upload.bin', body);
    const expected = createNodeSha256();
    await expected.update(big);
    expect(stored).toEqual({ key: 'big/upload.bin', size, sha256: await expected.digest() });
    expect((await store.stat('big/upload.bin'))?.size).toBe(size);
    expect(await store.digest('big/upload.bin')).toBe(stored.sha256);
  });
});
