import { describe, expect, it } from 'vitest';
import { boundedMemo } from '../../src/http/bounded-memo.ts';

describe('boundedMemo', () => {
  const counting = () => {
    const calls: string[] = [];
    const fn = (key: string) => {
      calls.push(key);
      return key.length === 0 ? undefined : key.toUpperCase();
    };
    return { calls, fn };
  };

  it('computes each answer once, undefined answers included', () => {
    const { calls, fn } = counting();
    const memo = boundedMemo(fn, { maxEntries: 10, maxKeyLength: 10 });
    expect([memo('a'), memo('b'), memo('a'), memo(''), memo('')]).toEqual([
      'A',
      'B',
      'A',
      undefined,
      undefined,
    ]);
    expect(calls).toEqual(['a', 'b', '']);
  });

  it('answers long keys without remembering them', () => {
    const { calls, fn } = counting();
    const memo = boundedMemo(fn, { maxEntries: 10, maxKeyLength: 3 });
    expect([memo('long'), memo('long')]).toEqual(['LONG', 'LONG']);
    expect(calls).toEqual(['long', 'long']);
  });

  it('starts over once it holds maxEntries keys', () => {
    const { calls, fn } = counting();
    const memo = boundedMemo(fn, { maxEntries: 2, maxKeyLength: 10 });
    for (const key of ['a', 'b', 'c', 'a', 'c']) memo(key);
    // c found the memo full (a, b) and cleared it; a was computed again, c remembered.
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });
});
