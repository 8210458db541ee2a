// createTemplateCache: private feed templates by show and catalogue version, a few per app instance.
import type { PrivateFeedTemplate } from './private-feed.ts';

export interface TemplateCache {
  /** The template under `key` (which carries the catalogue version), made by `make` when missing. */
  get(key: string, make: () => Promise<PrivateFeedTemplate>): Promise<PrivateFeedTemplate>;
}

/**
 * Oldest out first. Only made templates are shared: a request arriving while another makes one
 * makes its own (on Workers, awaiting another request's I/O hangs if that request is cancelled).
 * Templates hold no token, so nothing here needs forgetting when a subscriber is revoked.
 */
export function createTemplateCache(maxEntries = 20): TemplateCache {
  const entries = new Map<string, PrivateFeedTemplate>();
  return {
    async get(key, make) {
      const hit = entries.get(key);
      if (hit) return hit;
      const made = await make();
      entries.set(key, made);
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
      return made;
    },
  };
}
