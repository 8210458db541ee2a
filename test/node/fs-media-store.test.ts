import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFsMediaStore } from '../../src/node/fs-media-store.ts';
import { tempDirs } from '../helpers/temp-dir.ts';
import { mediaStoreContract } from '../media-store/contract.ts';
import { uploadStagingContract } from '../media-store/staging-contract.ts';

const newDir = tempDirs();

mediaStoreContract('folder', async () => createFsMediaStore({ root: await newDir() }));

uploadStagingContract('folder', async () => {
  const root = await newDir();
  return {
    store: await createFsMediaStore({ root }),
    unit: 4096,
    leftovers: async () => readdir(join(root, '.tus')).catch(() => []),
  };
});

describe('createFsMediaStore', () => {
  it('does not follow symlinks out of the folder, but does follow them inside it', async () => {
    const outside = await newDir();
    await writeFile(join(outside, 'secret.mp3'), 'not yours');
    const root = await newDir();
    await mkdir(join(root, 'shows'));
    await writeFile(join(root, 'shows', 'real.mp3'), 'mine');
    await symlink(join(outside, 'secret.mp3'), join(root, 'shows', 'leak.mp3'));
    await symlink(outside, join(root, 'elsewhere'));
    await symlink(join(root, 'shows', 'real.mp3'), join(root, 'shows', 'alias.mp3'));
    const store = await createFsMediaStore({ root });
    expect(await store.stat('shows/leak.mp3')).toBeUndefined();
    expect(await store.get('elsewhere/secret.mp3')).toBeUndefined();
    expect(await store.digest('elsewhere/secret.mp3')).toBeUndefined();
    expect((await store.stat('shows/alias.mp3'))?.size).toBe(4);
    const listed = [];
    for await (const info of store.list()) listed.push(info.key);
    expect(listed).toEqual(['shows/alias.mp3', 'shows/real.mp3']);
  });

  it('never lists dotfiles or half-written uploads, and does not serve folders', async () => {
    const root = await newDir();
    await writeFile(join(root, '.env'), 'SECRET=1');
    await mkdir(join(root, 'a'));
    await writeFile(join(root, 'a', '.upload-123'), 'partial');
    await writeFile(join(root, 'a', 'done.mp3'), 'whole');
    const store = await createFsMediaStore({ root });
    const listed = [];
    for await (const info of store.list()) listed.push(info.key);
    expect(listed).toEqual(['a/done.mp3']);
    expect(await store.stat('a')).toBeUndefined();
  });

  it('leaves no temporary file behind after a failed upload', async () => {
    const root = await newDir();
    const store = await createFsMediaStore({ root });
    const failing = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error('aborted'));
      },
    });
    await expect(store.put('x/y.mp3', failing)).rejects.toThrow('aborted');
    expect(await readdir(root, { recursive: true })).toEqual([]); // not even the folder it made
  });
});
