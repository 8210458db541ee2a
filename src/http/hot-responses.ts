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
}): HotResponses {
  const clock = options.clock ?? (() => Date.now());
  const maxEntries = options.maxEntries ?? 200;
  const entries = new Map<string, { response: HotResponse; confirmedAt: number }>();
  const keyOf = (url: string, coding: ContentCoding | undefined) => `${coding ?? ''} ${url}`;
  return {
    remember(url, coding, response) {
      const key = keyOf(url, coding);
      entries.delete(key);
      entries.set(key, { response, confirmedAt: clock() });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    },
    lookup(url, coding) {
      const entry = entries.get(keyOf(url, coding));
      if (!entry || clock() - entry.confirmedAt >= options.ttlMs) return undefined;
      return entry.response;
    },
    confirm(url, coding, baseTag) {
      const entry = entries.get(keyOf(url, coding));
      if (entry && entry.response.baseTag === baseTag) entry.confirmedAt = clock();
    },
    clear() {
      entries.clear();
    },
  };
}
