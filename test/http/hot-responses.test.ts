import { describe, expect, it } from 'vitest';
import { createHotResponses, type HotResponse } from '../../src/http/hot-responses.ts';

const RESPONSE: HotResponse = {
  baseTag: '"t"',
  lastModified: new Date(0),
  headers: { 'content-length': '1' },
  body: new Uint8Array(1),
};

describe('createHotResponses', () => {
  it('trusts an entry for the TTL after it was last confirmed', () => {
    let now = 0;
    const hot = createHotResponses({ ttlMs: 1000, clock: () => now });
    hot.remember('/f', 'gzip', RESPONSE);
    now = 999;
    expect(hot.lookup('/f', 'gzip')).toBe(RESPONSE);
    expect(hot.lookup('/f', undefined)).toBeUndefined();
    now = 1000;
    expect(hot.lookup('/f', 'gzip')).toBeUndefined();
    hot.confirm('/f', 'gzip', '"other"');
    expect(hot.lookup('/f', 'gzip')).toBeUndefined();
    hot.confirm('/f', 'gzip', '"t"');
    expect(hot.lookup('/f', 'gzip')).toBe(RESPONSE);
  });

  it('asks once for an aging entry to be confirmed, and again once it was', async () => {
    let now = 0;
    const aging: string[] = [];
    const hot = createHotResponses({
      ttlMs: 1000,
      clock: () => now,
      onAging: async (url, coding, response) => {
        aging.push(`${url} ${coding} ${response.baseTag}`);
      },
    });
    hot.remember('/f', 'br', RESPONSE);
    now = 499;
    hot.lookup('/f', 'br');
    expect(aging).toEqual([]);
    now = 500;
    hot.lookup('/f', 'br');
    now = 700;
    hot.lookup('/f', 'br');
    expect(aging).toEqual(['/f br "t"']);
    hot.confirm('/f', 'br', '"t"');
    await Promise.resolve();
    await Promise.resolve();
    now = 1199;
    hot.lookup('/f', 'br');
    expect(aging).toHaveLength(1);
    now = 1200;
    expect(hot.lookup('/f', 'br')).toBe(RESPONSE);
    expect(aging).toHaveLength(2);
    // Never confirmed again: it goes stale at its TTL, asking no more.
    now = 1700;
    expect(hot.lookup('/f', 'br')).toBeUndefined();
    expect(aging).toHaveLength(2);
  });

  it('revalidates a stale entry once for all who wait, keeping it if the app confirms it', async () => {
    let now = 0;
    let confirmWith: (() => void) | undefined;
    let asked = 0;
    const hot = createHotResponses({
      ttlMs: 1000,
      clock: () => now,
      onAging: () => {
        asked++;
        return new Promise<void>((resolve) => {
          confirmWith = () => {
            hot.confirm('/f', 'gzip', '"t"');
            resolve();
          };
        });
      },
    });
    hot.remember('/f', 'gzip', RESPONSE);
    expect(hot.revalidation('/f', 'gzip')).toBeUndefined(); // current
    expect(hot.revalidation('/g', 'gzip')).toBeUndefined(); // unknown
    now = 1000;
    expect(hot.lookup('/f', 'gzip')).toBeUndefined();
    const first = hot.revalidation('/f', 'gzip');
    const second = hot.revalidation('/f', 'gzip');
    expect(first).toBeInstanceOf(Promise);
    expect(second).toBe(first);
    expect(asked).toBe(1);
    confirmWith?.();
    await first;
    expect(hot.lookup('/f', 'gzip')).toBe(RESPONSE);
    expect(hot.revalidation('/f', 'gzip')).toBeUndefined();
  });

  it('drops a stale entry the app neither confirms nor replaces, whether it answers or fails', async () => {
    for (const onAging of [async () => {}, () => Promise.reject(new Error('database gone'))]) {
      let now = 0;
      const hot = createHotResponses({ ttlMs: 1000, clock: () => now, onAging });
      hot.remember('/f', undefined, RESPONSE);
      now = 5000;
      await hot.revalidation('/f', undefined);
      // Nothing left to wait for: the next request goes the app's full path.
      expect(hot.revalidation('/f', undefined)).toBeUndefined();
      now = 0;
      expect(hot.lookup('/f', undefined)).toBeUndefined();
    }
  });

  it('keeps what the app put in its place during a revalidation', async () => {
    let now = 0;
    const replacement = { ...RESPONSE, baseTag: '"u"' };
    const hot = createHotResponses({
      ttlMs: 1000,
      clock: () => now,
      onAging: async () => hot.remember('/f', 'br', replacement),
    });
    hot.remember('/f', 'br', RESPONSE);
    now = 1500;
    await hot.revalidation('/f', 'br');
    expect(hot.lookup('/f', 'br')).toBe(replacement);
  });
});
