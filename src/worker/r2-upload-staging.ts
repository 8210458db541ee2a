// createR2UploadStaging(bucket): resumable uploads as R2 multipart uploads, whole parts as they fill and the rest as a small tail object.
import type { R2Bucket, R2UploadedPart } from '@cloudflare/workers-types';
import { GoneError, ValidationError } from '../errors.ts';
import { bytesReader, concatBytes } from '../media-store/bytes-reader.ts';
import { assertMediaKey } from '../media-store/media-key.ts';
import {
  STAGING_ID,
  type StagedUpload,
  type StagingState,
  type UploadStaging,
} from '../media-store/media-store.ts';
import { sha256Hex } from '../media-store/sha256.ts';
import type { StreamingHash } from './r2-media-store.ts';

/** R2's smallest part (every part but the last must have one size, at least this). */
export const MIN_PART_BYTES = 5 * 1024 * 1024;

/**
 * The state kept in tus_uploads.state: the final key and multipart upload once the first part is
 * stored, the part size they were made with, and the parts so far. The bytes after the parts (less
 * than one part) are in the tail object, written at the end of each append.
 */
interface R2Staged {
  readonly key?: string;
  readonly uploadId?: string;
  readonly partBytes?: number;
  readonly parts: readonly R2UploadedPart[];
}

const stagedOf = (state: StagingState): R2Staged => ({
  ...(state as Partial<R2Staged>),
  parts: Array.isArray(state.parts) ? (state.parts as R2UploadedPart[]) : [],
});

export interface R2StagingOptions {
  /** Size of every part but the last (R2: at least 5 MiB); kept per upload once its first part is stored. */
  readonly partBytes: number;
  readonly createHash: () => StreamingHash;
}

export function createR2UploadStaging(bucket: R2Bucket, options: R2StagingOptions): UploadStaging {
  if (options.partBytes < MIN_PART_BYTES) {
    throw new ValidationError(`R2 multipart parts must be at least ${MIN_PART_BYTES} bytes`);
  }
  const tailKey = (upload: StagedUpload) => {
    if (!STAGING_ID.test(upload.id)) {
      throw new ValidationError(`staged upload id ${JSON.stringify(upload.id)} is not valid`);
    }
    return `.tus/${upload.id}/tail`;
  };

  /** The recorded bytes after the parts (fewer than one part), read back from the tail object. */
  async function readTail(upload: StagedUpload, staged: R2Staged): Promise<Uint8Array> {
    const length = upload.size - staged.parts.length * (staged.partBytes ?? options.partBytes);
    if (length < 0) throw gone(upload);
    if (length === 0) return new Uint8Array(0);
    // A tail written after the last recorded checkpoint starts with the same bytes: read the prefix.
    const object = await bucket.get(tailKey(upload), { range: { offset: 0, length } });
    const bytes = object ? new Uint8Array(await object.arrayBuffer()) : new Uint8Array(0);
    if (bytes.byteLength !== length) throw gone(upload);
    return bytes;
  }

  const multipart = (staged: R2Staged) =>
    bucket.resumeMultipartUpload(staged.key as string, staged.uploadId as string);

  return {
    async append(upload, body, appendOptions) {
      let staged = stagedOf(upload.state);
      const partBytes = staged.partBytes ?? options.partBytes;
      let buffer = [await readTail(upload, staged)];
      let buffered = (buffer[0] as Uint8Array).byteLength;
      let size = upload.size;
      let overflow = false;
      let interrupted: unknown;
      const reader = body.getReader();

      /** Stores the first `partBytes` buffered bytes as the next part, and records it. */
      const storePart = async () => {
        const all = concatBytes(buffer);
        const part = all.subarray(0, partBytes);
        buffer = [all.subarray(partBytes)];
        buffered -= partBytes;
        if (!staged.key) {
          staged = { ...staged, key: assertMediaKey(await appendOptions.pick(bytesReader(part))) };
        }
        if (!staged.uploadId) {
          const created = await bucket.createMultipartUpload(staged.key as string);
          staged = { ...staged, uploadId: created.uploadId, partBytes };
        }
        // Part numbers follow the byte position, so a retry after a lost checkpoint overwrites.
        const uploaded = await multipart(staged).uploadPart(staged.parts.length + 1, part);
        staged = {
          ...staged,
          parts: [...staged.parts, { partNumber: uploaded.partNumber, etag: uploaded.etag }],
        };
        await appendOptions.checkpoint(staged.parts.length * partBytes, { ...staged });
      };

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
          const room = upload.size + appendOptions.maxBytes - size;
          const take = next.value.byteLength > room ? next.value.subarray(0, room) : next.value;
          buffer.push(take);
          buffered += take.byteLength;
          size += take.byteLength;
          while (buffered >= partBytes) await storePart();
          if (take.byteLength < next.value.byteLength) {
            overflow = true;
            break;
          }
        }
        const tail = concatBytes(buffer);
        if (tail.byteLength > 0) await bucket.put(tailKey(upload), tail);
      } finally {
        if (interrupted === undefined) await reader.cancel().catch(() => {});
      }
      return { size, state: { ...staged }, overflow, ...(interrupted === undefined ? {} : { interrupted }) };
    },

    async complete(upload, naming) {
      const staged = stagedOf(upload.state);
      const tail = await readTail(upload, staged);
      let stored: { key: string; sha256: string };
      if (!staged.uploadId) {
        // Less than one part in all: one put, whose hash R2 checks and keeps.
        const key = assertMediaKey(await naming.pick(bytesReader(tail)));
        const sha256 = await sha256Hex(tail as Uint8Array<ArrayBuffer>);
        await naming.beforeCommit(key);
        await bucket.put(key, tail, { sha256 });
        stored = { key, sha256 };
      } else {
        const key = staged.key as string;
        const upload_ = multipart(staged);
        const parts = [...staged.parts];
        if (tail.byteLength > 0) parts.push(await upload_.uploadPart(parts.length + 1, tail));
        await naming.beforeCommit(key);
        // Completion is atomic: the object appears whole, or not at all.
        await upload_.complete(parts);
        stored = { key, sha256: await digestOf(bucket, key, options.createHash) };
      }
      await bucket.delete(tailKey(upload));
      return { key: stored.key, size: upload.size, sha256: stored.sha256 };
    },

    async discard(upload) {
      const staged = stagedOf(upload.state);
      if (staged.uploadId)
        await multipart(staged)
          .abort()
          .catch(() => {});
      await bucket.delete(tailKey(upload));
    },
  };
}

/** SHA-256 of a stored object, streamed (multipart objects carry no checksum of the whole). */
async function digestOf(bucket: R2Bucket, key: string, createHash: () => StreamingHash): Promise<string> {
  const object = await bucket.get(key);
  if (!object) throw new Error(`the completed upload ${key} is missing from R2`);
  const hash = createHash();
  for await (const chunk of object.body as unknown as ReadableStream<Uint8Array>) await hash.update(chunk);
  return hash.digest();
}

const gone = (upload: StagedUpload) =>
  new GoneError(`the staged bytes of upload ${upload.id} are gone: start the upload again`);
