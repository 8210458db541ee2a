// createFsUploadStaging(root): resumable uploads staged as files under <root>/.tus/ (never listed or served), renamed into place when complete.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { type FileHandle, mkdir, open, rename, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { GoneError, ValidationError } from '../errors.ts';
import { assertMediaKey } from '../media-store/media-key.ts';
import { STAGING_ID, type StagedUpload, type UploadStaging } from '../media-store/media-store.ts';
import { openFileReader } from './file-reader.ts';

/** A dot folder: no media key starts with a dot, so nothing in it is ever listed or served. */
export const STAGING_FOLDER = '.tus';
/** How often a long body is made durable and recorded (fsync, then the caller's checkpoint). */
const CHECKPOINT_BYTES = 8 * 1024 * 1024;

/** Staging for the fs store over `root` (already a real path). */
export function createFsUploadStaging(root: string): UploadStaging {
  const folder = join(root, STAGING_FOLDER);
  const pathOf = (upload: StagedUpload) => {
    if (!STAGING_ID.test(upload.id)) {
      throw new ValidationError(`staged upload id ${JSON.stringify(upload.id)} is not valid`);
    }
    return join(folder, upload.id);
  };

  /** Opens the staged file holding at least the recorded bytes (a new one for an upload at 0). */
  async function openStaged(upload: StagedUpload): Promise<FileHandle> {
    const path = pathOf(upload);
    if (upload.size === 0) {
      await mkdir(folder, { recursive: true });
      return open(path, 'w+');
    }
    let handle: FileHandle;
    try {
      handle = await open(path, 'r+');
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') throw gone(upload);
      throw error;
    }
    if ((await handle.stat()).size < upload.size) {
      await handle.close();
      throw gone(upload);
    }
    return handle;
  }

  return {
    async append(upload, body, options) {
      const handle = await openStaged(upload);
      let size = upload.size;
      let recorded = upload.size;
      let overflow = false;
      let interrupted: unknown;
      const reader = body.getReader();
      try {
        for (;;) {
          let next: ReadableStreamReadResult<Uint8Array>;
          try {
            next = await reader.read();
          } catch (error) {
            interrupted = error; // the client went away: keep what arrived
            break;
          }
          if (next.done) break;
          const room = upload.size + options.maxBytes - size;
          const take = next.value.byteLength > room ? next.value.subarray(0, room) : next.value;
          // Positioned writes: bytes a crashed attempt left past the recorded size are overwritten.
          for (let at = 0; at < take.byteLength; ) {
            const { bytesWritten } = await handle.write(take, at, take.byteLength - at, size + at);
            at += bytesWritten;
          }
          size += take.byteLength;
          if (take.byteLength < next.value.byteLength) {
            overflow = true;
            break;
          }
          if (size - recorded >= CHECKPOINT_BYTES) {
            await handle.sync();
            await options.checkpoint(size, {});
            recorded = size;
          }
        }
        await handle.truncate(size);
        await handle.sync();
      } finally {
        if (interrupted === undefined) await reader.cancel().catch(() => {});
        await handle.close();
      }
      return { size, state: {}, overflow, ...(interrupted === undefined ? {} : { interrupted }) };
    },

    async complete(upload, naming) {
      const path = pathOf(upload);
      const handle = await openStaged(upload);
      try {
        await handle.truncate(upload.size);
        await handle.sync();
      } finally {
        await handle.close();
      }
      const reader = await openFileReader(path);
      const key = assertMediaKey(await naming.pick(reader).finally(() => reader.close()));
      const hash = createHash('sha256');
      for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) hash.update(chunk);
      const target = join(root, key);
      await mkdir(dirname(target), { recursive: true });
      await naming.beforeCommit(key);
      await rename(path, target);
      return { key, size: upload.size, sha256: hash.digest('hex') };
    },

    async discard(upload) {
      await unlink(pathOf(upload)).catch((error: { code?: string }) => {
        if (error.code !== 'ENOENT') throw error;
      });
    },
  };
}

const gone = (upload: StagedUpload) =>
  new GoneError(`the staged bytes of upload ${upload.id} are gone: start the upload again`);
