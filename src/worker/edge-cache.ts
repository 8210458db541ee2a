// createEdgeCache(cache): the Workers Cache API as podwire's shared cache of rendered documents.
import type { Cache } from '@cloudflare/workers-types';
import type { SharedCache } from '../deps.ts';

/** Keys live under a private host; the catalogue version in each key makes entries safe to keep for a day. */
const PREFIX = 'https://podwire-cache.internal/rendered/';

export function createEdgeCache(cache: Cache): SharedCache {
  const url = (key: string) => `${PREFIX}${encodeURIComponent(key)}`;
  return {
    async get(key) {
      const hit = await cache.match(url(key));
      return hit ? new Uint8Array(await hit.arrayBuffer()) : undefined;
    },
    async put(key, body) {
      await cache.put(
        url(key),
        // The Workers and DOM Response types differ only in their declarations.
        new Response(body as Uint8Array<ArrayBuffer>, {
          headers: { 'cache-control': 'public, max-age=86400' },
        }) as never,
      );
    },
  };
}
