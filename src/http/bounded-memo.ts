// boundedMemo(fn): remembers a pure function's answers for short string keys, up to a number of keys.

export interface BoundedMemoOptions {
  /** Keys remembered at most; when full, the memo starts over (cheaper than an LRU, and rare). */
  readonly maxEntries: number;
  /** Longer keys are answered but not remembered, so no client can make the memo hold much. */
  readonly maxKeyLength: number;
}

/**
 * `fn` itself, but each answer for a key of at most `maxKeyLength` characters is computed once (until
 * `maxEntries` keys have been seen). For values clients repeat on every request, such as
 * Accept-Encoding or a proxy's X-Forwarded-For, where parsing costs more than a Map lookup.
 */
export function boundedMemo<T>(fn: (key: string) => T, options: BoundedMemoOptions): (key: string) => T {
  const known = new Map<string, T>();
  return function remembered(key: string): T {
    const hit = known.get(key);
    if (hit !== undefined || known.has(key)) return hit as T;
    const value = fn(key);
    if (key.length <= options.maxKeyLength) {
      if (known.size >= options.maxEntries) known.clear();
      known.set(key, value);
    }
    return value;
  };
}
