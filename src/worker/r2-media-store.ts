// createR2MediaStore(bucket): the MediaStore over a Cloudflare R2 bucket (ranged reads, multipart uploads).
import type {
  DigestStream,
  R2Bucket,
  R2MultipartUpload,
  R2Object,
  R2UploadedPart,
  ReadableStream as WorkersReadableStream,
} from '@cloudflare/workers-types';
import { ValidationError } from '../errors.ts';
import { assertMediaKey, isMediaKey } from '../media-store/media-key.ts';
import type {
  MediaObjectInfo,
  MediaStore,
  RandomAccessReader,
  StoredObject,
} from '../media-store/media-store.ts';
import { createR2UploadStaging } from './r2-upload-staging.ts';

/** R2 multipart parts must all be the same size (at least 5 MiB) except the last. */
export const PART_BYTES = 8 * 1024 * 1024;

const hex = (buffer: ArrayBuffer) =>
  Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
/** R2 bodies are Web streams; only the Workers and DOM type declarations differ. */
const webStream = (body: WorkersReadableStream) => body as unknown as ReadableStream<Uint8Array>;
const infoOf = (object: R2Object): MediaObjectInfo => ({
  key: object.key,
  size: object.size,
  modified: object.uploaded,
});

/** An incremental SHA-256, so uploads are hashed while they stream. */
export interface StreamingHash {
  update(chunk: Uint8Array): Promise<void>;
  /** Lower-case hex. */
  digest(): Promise<string>;
}

/** Workers' native DigestStream (not in Node: tools running there pass their own `createHash`). */
export function createDigestStreamHash(): StreamingHash {
  // Workers put DigestStream on the global crypto object; the Web Crypto types do not know it.
  const { DigestStream: Digest } = crypto as unknown as { DigestStream: typeof DigestStream };
  const stream = new Digest('SHA-256');
  const writer = stream.getWriter();
  return {
    update: (chunk) => writer.write(chunk),
    async digest() {
      await writer.close();
      return hex(await stream.digest);
    },
  };
}

export interface R2MediaStoreOptions {
  readonly createHash?: () => StreamingHash;
  /** Part size of resumable (tus) uploads' multipart uploads: UPLOAD_PART_BYTES, PART_BYTES by default. */
  readonly uploadPartBytes?: number;
}

export function createR2MediaStore(bucket: R2Bucket, options: R2MediaStoreOptions = {}): MediaStore {
  const createHash = options.createHash ?? createDigestStreamHash;
  return {
    staging: createR2UploadStaging(bucket, { partBytes: options.uploadPartBytes ?? PART_BYTES, createHash }),
    async stat(key) {
      const object = await bucket.head(assertMediaKey(key));
      return object ? infoOf(object) : undefined;
    },

    async get(key, window) {
      assertMediaKey(key);
      if (!window) {
        const object = await bucket.get(key);
        return object ? { ...infoOf(object), body: webStream(object.body) } : undefined;
      }
      // R2 refuses a range that starts at or past the end, so such windows are clamped after a
      // head request; the common, valid window costs one request.
      if (window.length > 0) {
        const object = await bucket
          .get(key, { range: { offset: window.offset, length: window.length } })
          .catch(() => undefined);
        if (object) return { ...infoOf(object), body: webStream(object.body) };
      }
      const head = await bucket.head(key);
      if (!head) return undefined;
      const offset = Math.min(window.offset, head.size);
      const length = Math.max(0, Math.min(window.length, head.size - offset));
      if (length === 0)
        return { ...infoOf(head), body: new Response(new Uint8Array(0)).body as ReadableStream<Uint8Array> };
      const object = await bucket.get(key, { range: { offset, length } });
      return object ? { ...infoOf(object), body: webStream(object.body) } : undefined;
    },

    async open(key): Promise<RandomAccessReader | undefined> {
      const head = await bucket.head(assertMediaKey(key));
      if (!head) return undefined;
      const size = head.size;
      return {
        size,
        async read(offset, length) {
          const want = Math.max(0, Math.min(length, size - offset));
          if (want === 0) return new Uint8Array(0);
          const object = await bucket.get(key, { range: { offset, length: want } });
          if (!object) throw new Error(`media object ${key} disappeared while it was read`);
          return new Uint8Array(await object.arrayBuffer());
        },
        close: async () => {},
      };
    },

    async digest(key) {
      assertMediaKey(key);
      const head = await bucket.head(key);
      if (!head) return undefined;
      if (head.checksums.sha256) return hex(head.checksums.sha256);
      const object = await bucket.get(key);
      if (!object) return undefined;
      const hash = createHash();
      for await (const chunk of webStream(object.body)) await hash.update(chunk);
      return hash.digest();
    },

    async put(key, body, putOptions): Promise<StoredObject> {
      assertMediaKey(key);
      const limit = putOptions?.maxBytes;
      const hash = createHash();
      const reader = body.getReader();
      let size = 0;
      let buffered: Uint8Array[] = [];
      let bufferedBytes = 0;
      let upload: R2MultipartUpload | undefined;
      const parts: R2UploadedPart[] = [];
      const takePart = (bytes: number): Uint8Array => {
        const part = new Uint8Array(bytes);
        let filled = 0;
        while (filled < bytes) {
          const chunk = buffered[0] as Uint8Array;
          const use = Math.min(chunk.byteLength, bytes - filled);
          part.set(chunk.subarray(0, use), filled);
          filled += use;
          if (use === chunk.byteLength) buffered.shift();
          else buffered[0] = chunk.subarray(use);
        }
        bufferedBytes -= bytes;
        return part;
      };
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          size += value.byteLength;
          if (limit !== undefined && size > limit) {
            throw new ValidationError(`upload is larger than the limit of ${limit} bytes`, {
              context: { key, maxBytes: limit },
            });
          }
          await hash.update(value);
          buffered.push(value);
          bufferedBytes += value.byteLength;
          while (bufferedBytes >= PART_BYTES * 2 || (bufferedBytes > PART_BYTES && upload)) {
            upload ??= await bucket.createMultipartUpload(key);
            parts.push(await upload.uploadPart(parts.length + 1, takePart(PART_BYTES)));
          }
        }
        const sha256 = await hash.digest();
        const rest = takePart(bufferedBytes);
        buffered = [];
        if (!upload) {
          // Small enough for one put: R2 checks the hash and keeps it as the object's checksum.
          await bucket.put(key, rest, { sha256 });
        } else {
          if (rest.byteLength > 0) parts.push(await upload.uploadPart(parts.length + 1, rest));
          // Completion is atomic: until now readers saw the old object (or none).
          await upload.complete(parts);
        }
        return { key, size, sha256 };
      } catch (error) {
        await reader.cancel().catch(() => {});
        await upload?.abort().catch(() => {});
        throw error;
      }
    },

    async delete(key) {
      await bucket.delete(assertMediaKey(key));
    },

    async *list(prefix = '') {
      let cursor: string | undefined;
      do {
        const page = await bucket.list({ prefix, cursor });
        for (const object of page.objects) if (isMediaKey(object.key)) yield infoOf(object);
        cursor = page.truncated ? page.cursor : undefined;
      } while (cursor);
    },
  };
}
