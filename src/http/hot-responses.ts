// createHotResponses: the last full response of each busy document, for a runtime's fast path to replay.
import type { ContentCoding } from './accept-encoding.ts';

export interface HotResponse {
  /** Entity tag without a coding suffix: what If-None-Match is compared with. */
  readonly baseTag: string;
  readonly lastModified: Date;
  /** Headers of the 200 response (content-length included). */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
}

export interface HotResponses {
  remember(url: string, coding: ContentCoding | undefined, response: HotResponse): void;
  /** The response if it was confirmed current within the TTL; stale ones are not returned. */
  lookup(url: string, coding: ContentCoding | undefined): HotResponse | undefined;
  /** Marks the entry current again if it still has `baseTag` (a revalidation confirmed it). */
  confirm(url: string, coding: ContentCoding | undefined, baseTag: string): void;
  /** Forget everything (after a write). */
  clear(): void;
}

/**
 * Each entry is trusted for `ttlMs` after the app last confirmed it (by checking the catalogue
 * version); after that the next request takes the app's full path, which confirms or replaces it.
 * So the fast path is never staler than the version cache itself.
 */
export function createHotResponses(options: {
  ttlMs: number;
  maxEntries?: number;
  clock?: () => number;
  /**
   * Called (once until the entry is confirmed or replaced) when a lookup finds an entry past half its
   * TTL, so the runtime can have the app confirm it before it goes stale: a busy entry then never
   * sends a request down the full path.
   */
  onAging?: (url: string, coding: ContentCoding | undefined, response: HotResponse) => void;
}): HotResponses {
  const clock = options.clock ?? (() => Date.now());
  const maxEntries = options.maxEntries ?? 200;
  const onAging = options.onAging;
  const halfTtl = options.ttlMs / 2;
  const entries = new Map<string, { response: HotResponse; confirmedAt: number; aging: boolean }>();
  const keyOf = (url: string, coding: ContentCoding | undefined) => `${coding ?? ''} ${url}`;
  return {
    remember(url, coding, response) {
      const key = keyOf(url, coding);
      entries.delete(key);
      entries.set(key, { response, confirmedAt: clock(), aging: false });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    },
    lookup(url, coding) {
      const entry = entries.get(keyOf(url, coding));
      if (!entry) return undefined;
      const age = clock() - entry.confirmedAt;
      if (age >= options.ttlMs) return undefined;
      if (onAging !== undefined && age >= halfTtl && !entry.aging) {
        entry.aging = true;
        onAging(url, coding, entry.response);
      }
      return entry.response;
    },
    confirm(url, coding, baseTag) {
      const entry = entries.get(keyOf(url, coding));
      if (entry && entry.response.baseTag === baseTag) {
        entry.confirmedAt = clock();
        entry.aging = false;
      }
    },
    clear() {
      entries.clear();
    },
  };
}
