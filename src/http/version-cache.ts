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
  // Only a version already read is shared: requests that come while one is being read each read it
  // themselves. On Workers, a request awaiting a promise another request's I/O settles hangs when
  // that request is cancelled (workerd then cancels it as hung too).
  let cached: { at: number; value: CatalogVersion } | undefined;
  let generation = 0;
  return {
    async current() {
      const now = clock();
      if (cached && now - cached.at < options.ttlMs) return cached.value;
      const started = generation;
      const value = await options.read();
      // An invalidate() while this read was under way may mean it read the version before a write.
      if (started === generation) cached = { at: now, value };
      return value;
    },
    invalidate() {
      generation += 1;
      cached = undefined;
      options.onInvalidate?.();
    },
  };
}
