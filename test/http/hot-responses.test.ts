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

  it('asks once for an aging entry to be confirmed, and again once it was', () => {
    let now = 0;
    const aging: string[] = [];
    const hot = createHotResponses({
      ttlMs: 1000,
      clock: () => now,
      onAging: (url, coding, response) => aging.push(`${url} ${coding} ${response.baseTag}`),
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
});
