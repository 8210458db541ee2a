// createMemorySharedCache(): a SharedCache in memory, for tests and single-process tools; same contract as the edge one.
import type { SharedCache } from '../deps.ts';

export function createMemorySharedCache(): SharedCache & { readonly size: number } {
  const entries = new Map<string, Uint8Array>();
  return {
    get size() {
      return entries.size;
    },
    async get(key) {
      const hit = entries.get(key);
      return hit ? hit.slice() : undefined;
    },
    async put(key, body) {
      entries.set(key, body.slice());
    },
  };
}
