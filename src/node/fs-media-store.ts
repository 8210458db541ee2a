// createFsMediaStore({ root }): the MediaStore over a folder on Node (MEDIA_DIR), confined to that folder.

import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import {
  type FileHandle,
  mkdir,
  open,
  readdir,
  realpath,
  rename,
  rmdir,
  stat,
  unlink,
} from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { type TallyCallbacks, WATCH_BODY, type WatchableBody } from '../analytics/delivered-bytes.ts';
import { ValidationError } from '../errors.ts';
import { assertMediaKey, isMediaKey } from '../media-store/media-key.ts';
import type {
  ByteWindow,
  MediaObjectBody,
  MediaObjectInfo,
  MediaStore,
  PutOptions,
  RandomAccessReader,
  StoredObject,
} from '../media-store/media-store.ts';
import { openFileReader } from './file-reader.ts';
import { createFsUploadStaging } from './fs-upload-staging.ts';

const CHUNK_BYTES = 64 * 1024;
/** Uploads are written to `.upload-<pid>-<random>` beside their key, then renamed into place. */
const TEMP_PREFIX = '.upload-';
const TEMP_NAME = /^\.upload-(?:(\d+)-)?[0-9a-f]+$/;

export interface FsMediaStoreOptions {
  /** The folder; it must exist. Nothing outside it is ever read or written. */
  readonly root: string;
}

/** Creates the folder-backed store. Symlinks are followed only while they stay inside `root`. */
export async function createFsMediaStore(options: FsMediaStoreOptions): Promise<MediaStore> {
  const root = await realpath(options.root);

  /** The real path of an existing regular file for `key`, or undefined. Never a path outside root. */
  async function locate(key: string): Promise<string | undefined> {
    assertMediaKey(key);
    let real: string;
    try {
      real = await realpath(join(root, key));
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
    if (!real.startsWith(root + sep)) return undefined;
    const info = await stat(real);
    return info.isFile() ? real : undefined;
  }

  async function info(key: string, path: string): Promise<MediaObjectInfo> {
    const s = await stat(path);
    return { key, size: s.size, modified: s.mtime };
  }

  return {
    staging: createFsUploadStaging(root),

    async stat(key) {
      const path = await locate(key);
      return path === undefined ? undefined : info(key, path);
    },

    async get(key, window?: ByteWindow): Promise<MediaObjectBody | undefined> {
      const path = await locate(key);
      if (path === undefined) return undefined;
      const handle = await open(path, 'r');
      const s = await handle.stat();
      const start = window?.offset ?? 0;
      const length = window ? Math.max(0, Math.min(window.length, s.size - start)) : s.size;
      return { key, size: s.size, modified: s.mtime, body: fileStream(handle, start, length) };
    },

    async open(key): Promise<RandomAccessReader | undefined> {
      const path = await locate(key);
      return path === undefined ? undefined : openFileReader(path);
    },

    async digest(key) {
      const path = await locate(key);
      if (path === undefined) return undefined;
      const hash = createHash('sha256');
      for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) hash.update(chunk);
      return hash.digest('hex');
    },

    async put(key, body, putOptions?: PutOptions): Promise<StoredObject> {
      assertMediaKey(key);
      const target = join(root, key);
      await mkdir(dirname(target), { recursive: true });
      // A dotfile is never a valid key, so a half-written upload can never be served. The pid in
      // the name tells a later start whose it was (removeAbandonedTempFiles).
      const temp = join(dirname(target), `${TEMP_PREFIX}${process.pid}-${randomBytes(8).toString('hex')}`);
      const handle = await open(temp, 'wx');
      const hash = createHash('sha256');
      let size = 0;
      try {
        for await (const chunk of body) {
          size += chunk.byteLength;
          if (putOptions?.maxBytes !== undefined && size > putOptions.maxBytes) {
            throw new ValidationError(`upload is larger than the limit of ${putOptions.maxBytes} bytes`, {
              context: { key, maxBytes: putOptions.maxBytes },
            });
          }
          hash.update(chunk);
          await handle.write(chunk);
        }
        await handle.sync();
        await handle.close();
        await rename(temp, target);
      } catch (error) {
        await handle.close().catch(() => {});
        await unlink(temp).catch(() => {});
        await pruneEmptyFolders(root, dirname(temp));
        throw error;
      }
      return { key, size, sha256: hash.digest('hex') };
    },

    async delete(key) {
      const path = await locate(key);
      if (path === undefined) return;
      await unlink(path);
      await pruneEmptyFolders(root, dirname(path));
    },

    async *list(prefix = '') {
      const keys: string[] = [];
      for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() && !entry.isSymbolicLink()) continue;
        const key = relative(root, join(entry.parentPath, entry.name)).split(sep).join('/');
        if (key.startsWith(prefix) && isMediaKey(key)) keys.push(key);
      }
      keys.sort();
      for (const key of keys) {
        const path = await locate(key);
        if (path !== undefined) yield await info(key, path);
      }
    },
  };
}

/**
 * Removes the temporary files of uploads whose process is gone (`isGone(pid)`; a name without a
 * pid, from an older podwire, is always abandoned) from the whole folder, and the folders they
 * leave empty. Returns the paths removed, relative to `root`.
 */
export async function removeAbandonedTempFiles(
  root: string,
  isGone: (pid: number) => boolean,
): Promise<string[]> {
  const base = await realpath(root);
  const removed: string[] = [];
  for (const entry of await readdir(base, { recursive: true, withFileTypes: true })) {
    const match = TEMP_NAME.exec(entry.name);
    if (!entry.isFile() || !match) continue;
    if (match[1] !== undefined && !isGone(Number(match[1]))) continue;
    const path = join(entry.parentPath, entry.name);
    await unlink(path).catch(() => {});
    await pruneEmptyFolders(base, entry.parentPath);
    removed.push(relative(base, path));
  }
  return removed;
}

/** A pull-driven byte stream of `length` bytes from `start`: constant memory, handle closed on end or cancel. */
function fileStream(handle: FileHandle, start: number, length: number): ReadableStream<Uint8Array> {
  let position = start;
  const end = start + length;
  let closed = false;
  // Set when the listening tap watches this body (WATCH_BODY): what the consumer took, told as it
  // takes it, without a wrapper stream's extra hop per chunk.
  let watch: TallyCallbacks | undefined;
  let delivered = 0;
  let ended = false;
  const finish = () => {
    if (watch && !ended) {
      ended = true;
      watch.onEnd?.(delivered);
    }
  };
  const close = async () => {
    finish();
    if (!closed) {
      closed = true;
      await handle.close();
    }
  };
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const want = Math.min(CHUNK_BYTES, end - position);
          if (want <= 0) {
            await close();
            controller.close();
            return;
          }
          const chunk = new Uint8Array(want);
          const { bytesRead } = await handle.read(chunk, 0, want, position);
          if (bytesRead === 0) {
            await close();
            controller.error(new Error('file shrank while it was being read'));
            return;
          }
          position += bytesRead;
          delivered += bytesRead;
          watch?.onChunk?.(bytesRead);
          controller.enqueue(bytesRead === want ? chunk : chunk.subarray(0, bytesRead));
        } catch (error) {
          await close().catch(() => {});
          controller.error(error);
        }
      },
      cancel: close,
    },
    // Read only when the consumer asks, so each chunk read is a chunk taken (and counted) when watched.
    { highWaterMark: 0 },
  );
  (stream as WatchableBody)[WATCH_BODY] = (callbacks) => {
    if (watch || position !== start) return false;
    watch = callbacks;
    return true;
  };
  return stream;
}

/** Removes `folder` and its parents while they are empty, never `root` itself (nothing is left behind). */
async function pruneEmptyFolders(root: string, folder: string): Promise<void> {
  for (let current = folder; current.startsWith(root + sep); current = dirname(current)) {
    try {
      await rmdir(current);
    } catch {
      return; // not empty (or already gone): stop here
    }
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
