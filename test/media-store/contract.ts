// The MediaStore contract: every store (memory, folder, R2) must pass these same tests.
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.ts';
import type { MediaStore } from '../../src/media-store/media-store.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const streamOf = (...chunks: Uint8Array[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

/** Registers the contract suite for a store made fresh by `makeStore` for each test. */
export function mediaStoreContract(name: string, makeStore: () => Promise<MediaStore>) {
  describe(`MediaStore contract: ${name}`, () => {
    it('stores a body and reads it back whole, with its size and SHA-256', async () => {
      const store = await makeStore();
      const stored = await store.put('shows/one/episode.mp3', streamOf(encode('hello '), encode('world')));
      expect(stored).toEqual({
        key: 'shows/one/episode.mp3',
        size: 11,
        sha256: 'b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9',
      });
      expect(await store.digest('shows/one/episode.mp3')).toBe(stored.sha256);
      const info = await store.stat('shows/one/episode.mp3');
      expect(info).toMatchObject({ key: 'shows/one/episode.mp3', size: 11 });
      expect(info?.modified).toBeInstanceOf(Date);
      const got = await store.get('shows/one/episode.mp3');
      expect(got?.size).toBe(11);
      expect(await readAll(got!.body)).toBe('hello world');
    });

    it('streams a window of the object', async () => {
      const store = await makeStore();
      await store.put('a.bin', streamOf(encode('0123456789')));
      expect(await readAll((await store.get('a.bin', { offset: 2, length: 3 }))!.body)).toBe('234');
      expect(await readAll((await store.get('a.bin', { offset: 7, length: 100 }))!.body)).toBe('789');
      expect(await readAll((await store.get('a.bin', { offset: 10, length: 5 }))!.body)).toBe('');
    });

    it('reads at random offsets through open()', async () => {
      const store = await makeStore();
      await store.put('r.bin', streamOf(encode('abcdefghij')));
      const reader = await store.open('r.bin');
      expect(reader?.size).toBe(10);
      expect(new TextDecoder().decode(await reader!.read(8, 10))).toBe('ij');
      expect(new TextDecoder().decode(await reader!.read(0, 3))).toBe('abc');
      expect((await reader!.read(10, 4)).byteLength).toBe(0);
      await reader!.close();
    });

    it('answers undefined for missing objects', async () => {
      const store = await makeStore();
      expect(await store.stat('missing.mp3')).toBeUndefined();
      expect(await store.get('missing.mp3')).toBeUndefined();
      expect(await store.open('missing.mp3')).toBeUndefined();
      expect(await store.digest('missing.mp3')).toBeUndefined();
      await store.delete('missing.mp3');
    });

    it('replaces an object whole and deletes it', async () => {
      const store = await makeStore();
      await store.put('x.txt', streamOf(encode('first version')));
      await store.put('x.txt', streamOf(encode('second')));
      expect(await readAll((await store.get('x.txt'))!.body)).toBe('second');
      await store.delete('x.txt');
      expect(await store.stat('x.txt')).toBeUndefined();
    });

    it('refuses a body over the size limit and keeps nothing of it', async () => {
      const store = await makeStore();
      await store.put('keep.bin', streamOf(encode('old')));
      const error = await store
        .put('keep.bin', streamOf(encode('12345'), encode('67890')), { maxBytes: 8 })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(await readAll((await store.get('keep.bin'))!.body)).toBe('old');
      expect([...(await keys(store))]).toEqual(['keep.bin']);
    });

    it('keeps nothing when the body stream fails midway', async () => {
      const store = await makeStore();
      let sent = 0;
      const failing = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent++ < 2) controller.enqueue(encode('chunk'));
          else controller.error(new Error('client went away'));
        },
      });
      await expect(store.put('broken.mp3', failing)).rejects.toThrow('client went away');
      expect(await store.stat('broken.mp3')).toBeUndefined();
      expect([...(await keys(store))]).toEqual([]);
    });

    it('lists objects by prefix in key order', async () => {
      const store = await makeStore();
      for (const key of ['b/2.mp3', 'a/1.mp3', 'b/1.mp3']) await store.put(key, streamOf(encode(key)));
      expect(await keys(store)).toEqual(['a/1.mp3', 'b/1.mp3', 'b/2.mp3']);
      expect(await keys(store, 'b/')).toEqual(['b/1.mp3', 'b/2.mp3']);
    });

    it.each([
      '../escape.mp3',
      'a/../../escape.mp3',
      '/etc/passwd',
      'a\\..\\b.mp3',
      '%2e%2e/escape.mp3',
      'nul\u0000.mp3',
      '.hidden',
      'a/.env',
      '',
      'a//b.mp3',
    ])('refuses the key %j before touching storage', async (key) => {
      const store = await makeStore();
      await expect(store.stat(key)).rejects.toThrow(ValidationError);
      await expect(store.get(key)).rejects.toThrow(ValidationError);
      await expect(store.put(key, streamOf(encode('x')))).rejects.toThrow(ValidationError);
    });
  });
}

async function keys(store: MediaStore, prefix?: string): Promise<string[]> {
  const out: string[] = [];
  for await (const info of store.list(prefix)) out.push(info.key);
  return out;
}
