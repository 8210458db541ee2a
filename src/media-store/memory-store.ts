// createMemoryMediaStore(): a MediaStore held in memory, for tests and tools; passes the same contract suite.
import { ValidationError } from '../errors.ts';
import { assertMediaKey } from './media-key.ts';
import type { MediaStore, RandomAccessReader } from './media-store.ts';
import { createMemoryStaging } from './memory-staging.ts';
import { sha256Hex } from './sha256.ts';

interface Entry {
  readonly bytes: Uint8Array;
  readonly modified: Date;
  readonly sha256: string;
}

/** `now` stamps `modified` on each put (injected so tests control time). */
export function createMemoryMediaStore(options: { now?: () => Date } = {}): MediaStore {
  const now = options.now ?? (() => new Date());
  const entries = new Map<string, Entry>();
  const find = (key: string) => entries.get(assertMediaKey(key));
  const staging = createMemoryStaging(async (key, bytes) => {
    // Staged bytes are always copies made by the staging itself, never shared memory.
    const sha256 = await sha256Hex(bytes as Uint8Array<ArrayBuffer>);
    entries.set(key, { bytes, modified: now(), sha256 });
    return { key, size: bytes.byteLength, sha256 };
  });

  return {
    staging,
    async stat(key) {
      const entry = find(key);
      return entry && { key, size: entry.bytes.byteLength, modified: entry.modified };
    },
    async get(key, window) {
      const entry = find(key);
      if (!entry) return undefined;
      const start = Math.min(window?.offset ?? 0, entry.bytes.byteLength);
      const end = window ? Math.min(start + window.length, entry.bytes.byteLength) : entry.bytes.byteLength;
      const slice = entry.bytes.subarray(start, end);
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          if (slice.byteLength > 0) controller.enqueue(slice.slice());
          controller.close();
        },
      });
      return { key, size: entry.bytes.byteLength, modified: entry.modified, body };
    },
    async open(key): Promise<RandomAccessReader | undefined> {
      const entry = find(key);
      if (!entry) return undefined;
      const { bytes } = entry;
      return {
        size: bytes.byteLength,
        read: async (offset, length) => bytes.slice(offset, Math.min(offset + length, bytes.byteLength)),
        close: async () => {},
      };
    },
    async digest(key) {
      return find(key)?.sha256;
    },
    async put(key, body, putOptions) {
      assertMediaKey(key);
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of body) {
        size += chunk.byteLength;
        if (putOptions?.maxBytes !== undefined && size > putOptions.maxBytes) {
          throw new ValidationError(`upload is larger than the limit of ${putOptions.maxBytes} bytes`, {
            context: { key, maxBytes: putOptions.maxBytes },
          });
        }
        chunks.push(chunk);
      }
      const bytes = new Uint8Array(size);
      let offset = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, offset);
        offset += chunk.byteLength;
      }
      const sha256 = await sha256Hex(bytes);
      entries.set(key, { bytes, modified: now(), sha256 });
      return { key, size, sha256 };
    },
    async delete(key) {
      entries.delete(assertMediaKey(key));
    },
    async *list(prefix = '') {
      for (const key of [...entries.keys()].filter((k) => k.startsWith(prefix)).sort()) {
        const entry = entries.get(key);
        if (entry) yield { key, size: entry.bytes.byteLength, modified: entry.modified };
      }
    },
  };
}
