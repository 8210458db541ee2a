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
  /**
   * For an entry that has gone stale: the app's revalidation of it (started now unless one is under
   * way), which settles once the app has confirmed it, replaced it or, if it did neither, dropped it.
   * Undefined when there is no such entry (or no onAging to revalidate with), or when it is current.
   */
  revalidation(url: string, coding: ContentCoding | undefined): Promise<void> | undefined;
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
   * Has the app revalidate the entry (confirm or replace it); called when a lookup finds it past half
   * its TTL, so a busy entry never sends a request down the full path, and by revalidation() once it
   * is stale. One at a time per entry.
   */
  onAging?: (url: string, coding: ContentCoding | undefined, response: HotResponse) => Promise<void> | void;
}): HotResponses {
  const clock = options.clock ?? (() => Date.now());
  const maxEntries = options.maxEntries ?? 200;
  const onAging = options.onAging;
  const ttl = options.ttlMs;
  const halfTtl = ttl / 2;
  const entries = new Map<string, Entry>();
  const keyOf = (url: string, coding: ContentCoding | undefined) => `${coding ?? ''} ${url}`;
  const revalidate = (key: string, url: string, coding: ContentCoding | undefined, entry: Entry) => {
    if (onAging === undefined) return undefined;
    if (entry.revalidating !== undefined) return entry.revalidating;
    const settled = (async () => {
      try {
        await onAging(url, coding, entry.response);
      } catch {
        // The revalidator reports its own failures; the entry is then dropped below.
      }
    })();
    entry.revalidating = settled.then(() => {
      entry.revalidating = undefined;
      // Neither confirmed nor replaced: forgotten, so its next request takes the app's full path.
      if (entries.get(key) === entry && clock() - entry.confirmedAt >= ttl) entries.delete(key);
    });
    return entry.revalidating;
  };
  return {
    remember(url, coding, response) {
      const key = keyOf(url, coding);
      entries.delete(key);
      entries.set(key, { response, confirmedAt: clock(), revalidating: undefined });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    },
    lookup(url, coding) {
      const key = keyOf(url, coding);
      const entry = entries.get(key);
      if (!entry) return undefined;
      const age = clock() - entry.confirmedAt;
      if (age >= ttl) return undefined;
      if (age >= halfTtl && entry.revalidating === undefined) void revalidate(key, url, coding, entry);
      return entry.response;
    },
    revalidation(url, coding) {
      const key = keyOf(url, coding);
      const entry = entries.get(key);
      if (!entry || clock() - entry.confirmedAt < ttl) return undefined;
      return revalidate(key, url, coding, entry);
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

interface Entry {
  readonly response: HotResponse;
  confirmedAt: number;
  /** The app's revalidation under way, if any. */
  revalidating: Promise<void> | undefined;
}
