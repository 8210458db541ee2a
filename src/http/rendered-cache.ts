// createRenderedCache: rendered documents (feeds, OPML, chapters) and their compressed forms, by key and version.
import type { ContentCoding } from './accept-encoding.ts';

export interface RenderedEntry {
  readonly body: Uint8Array;
  readonly lastModified: Date;
  /** Compressed bodies, made on first request for each coding. */
  readonly encoded: Map<ContentCoding, Promise<Uint8Array>>;
}

export interface RenderedCache {
  /** The entry for `key`, rendering it (once, even under concurrent requests) when missing. */
  get(
    key: string,
    render: () => Promise<{ body: string | Uint8Array; lastModified: Date }>,
  ): Promise<RenderedEntry>;
  readonly size: number;
}

/**
 * An LRU bounded by entry count and by bytes (uncompressed and compressed alike). Keys carry the
 * catalogue version, so a change simply makes new keys and old entries age out.
 */
export function createRenderedCache(options: { maxEntries?: number; maxBytes?: number } = {}): RenderedCache {
  const maxEntries = options.maxEntries ?? 500;
  const maxBytes = options.maxBytes ?? 128 * 1024 * 1024;
  const entries = new Map<string, Promise<RenderedEntry>>();
  const sizes = new Map<string, number>();
  let bytes = 0;
  const encoder = new TextEncoder();

  const evict = () => {
    while ((entries.size > maxEntries || bytes > maxBytes) && entries.size > 1) {
      const oldest = entries.keys().next().value as string;
      entries.delete(oldest);
      bytes -= sizes.get(oldest) ?? 0;
      sizes.delete(oldest);
    }
  };

  return {
    get size() {
      return entries.size;
    },
    get(key, render) {
      const hit = entries.get(key);
      if (hit) {
        entries.delete(key);
        entries.set(key, hit);
        return hit;
      }
      const made = render().then(({ body, lastModified }) => {
        const bytesOf = typeof body === 'string' ? encoder.encode(body) : body;
        const entry: RenderedEntry = { body: bytesOf, lastModified, encoded: new Map() };
        sizes.set(key, bytesOf.byteLength * 2); // room for the compressed forms too
        bytes += bytesOf.byteLength * 2;
        evict();
        return entry;
      });
      made.catch(() => entries.delete(key));
      entries.set(key, made);
      return made;
    },
  };
}
