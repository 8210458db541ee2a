// The SharedCache contract: every shared cache (memory, the Workers Cache API) stores and returns bytes by key.
import { describe, expect, it } from 'vitest';
import type { SharedCache } from '../../src/deps.ts';

export function sharedCacheContract(name: string, make: () => Promise<SharedCache>) {
  describe(`SharedCache contract: ${name}`, () => {
    it('returns what was put, byte for byte, by key', async () => {
      const cache = await make();
      const body = new TextEncoder().encode('<rss>é 😀</rss>');
      await cache.put('podcast\nshow\n12.0.0', body);
      expect(await cache.get('podcast\nshow\n12.0.0')).toEqual(body);
    });

    it('misses keys never put, and keeps versions apart', async () => {
      const cache = await make();
      await cache.put('feed\nv1', new TextEncoder().encode('one'));
      expect(await cache.get('feed\nv2')).toBeUndefined();
      expect(new TextDecoder().decode(await cache.get('feed\nv1'))).toBe('one');
    });
  });
}
