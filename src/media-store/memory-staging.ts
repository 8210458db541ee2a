// createMemoryStaging(commit): resumable upload staging held in memory, for the memory store (tests and tools).
import { GoneError, ValidationError } from '../errors.ts';
import { bytesReader, concatBytes } from './bytes-reader.ts';
import { assertMediaKey } from './media-key.ts';
import { STAGING_ID, type StoredObject, type UploadStaging } from './media-store.ts';

/** `commit(key, bytes)` stores a finished upload in the memory store that owns this staging. */
export function createMemoryStaging(commit: (key: string, bytes: Uint8Array) => Promise<StoredObject>) {
  const staged = new Map<string, Uint8Array[]>();

  /** The recorded bytes of `id`: what the store holds past the recorded size is dropped. */
  function recorded(id: string, size: number): Uint8Array[] {
    if (!STAGING_ID.test(id))
      throw new ValidationError(`staged upload id ${JSON.stringify(id)} is not valid`);
    const held = concatBytes(staged.get(id) ?? [new Uint8Array(0)]);
    if (held.byteLength < size) throw new GoneError(`the staged bytes of upload ${id} are gone`);
    return [held.slice(0, size)];
  }

  const staging: UploadStaging = {
    async append(upload, body, options) {
      const chunks = upload.size === 0 ? [] : recorded(upload.id, upload.size);
      staged.set(upload.id, chunks);
      let size = upload.size;
      let overflow = false;
      let interrupted: unknown;
      const reader = body.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          const room = upload.size + options.maxBytes - size;
          const take = value.byteLength > room ? value.subarray(0, room) : value;
          if (take.byteLength > 0) chunks.push(take.slice());
          size += take.byteLength;
          if (take.byteLength < value.byteLength) {
            overflow = true;
            await reader.cancel().catch(() => {});
            break;
          }
        }
      } catch (error) {
        interrupted = error;
      }
      return { size, state: {}, overflow, ...(interrupted === undefined ? {} : { interrupted }) };
    },
    async complete(upload, naming) {
      const bytes = concatBytes(recorded(upload.id, upload.size));
      const key = assertMediaKey(await naming.pick(bytesReader(bytes)));
      await naming.beforeCommit(key);
      const stored = await commit(key, bytes);
      staged.delete(upload.id);
      return stored;
    },
    async discard(upload) {
      staged.delete(upload.id);
    },
  };
  return staging;
}
