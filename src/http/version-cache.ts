// createVersionCache: remembers the catalogue version for a moment, so busy feeds skip even the version read.
import type { CatalogVersion } from '../catalog/catalog-version.ts';

export interface VersionCache {
  /** The version, read again at most once per TTL (and after invalidate()). */
  current(): Promise<CatalogVersion>;
  /** Forget the remembered version: the next request reads it again (call after every write). */
  invalidate(): void;
}

/**
 * Writes through this process invalidate at once; writes from elsewhere (the CLI, another process,
 * a scheduled time passing) are seen within `ttlMs`.
 */
export function createVersionCache(options: {
  read: () => Promise<CatalogVersion>;
  ttlMs: number;
  clock?: () => number;
  /** Called by invalidate(), to drop what was derived from the old version (hot responses). */
  onInvalidate?: () => void;
}): VersionCache {
  const clock = options.clock ?? (() => Date.now());
  let cached: { at: number; value: Promise<CatalogVersion> } | undefined;
  return {
    current() {
      const now = clock();
      if (!cached || now - cached.at >= options.ttlMs) {
        const value = options.read();
        cached = { at: now, value };
        value.catch(() => {
          if (cached?.value === value) cached = undefined;
        });
      }
      return cached.value;
    },
    invalidate() {
      cached = undefined;
      options.onInvalidate?.();
    },
  };
}
