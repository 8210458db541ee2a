import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRequestIds, isSaneRequestId } from '../../src/http/request-id.ts';

describe('createRequestIds', () => {
  it('makes ids of 16 hex digits, a dash and a counter', () => {
    const next = createRequestIds((bytes) => bytes.fill(0xab));
    expect([next(), next(), next()]).toEqual([
      'abababababababab-1',
      'abababababababab-2',
      'abababababababab-3',
    ]);
  });

  it('draws the random prefix once, on the first id', () => {
    let draws = 0;
    const next = createRequestIds((bytes) => {
      draws++;
      bytes.fill(draws);
    });
    expect(draws).toBe(0);
    for (let i = 0; i < 1000; i++) next();
    expect(draws).toBe(1);
  });

  it('never repeats an id within a generator, and two generators use different prefixes', () => {
    const next = createRequestIds();
    const ids = Array.from({ length: 100_000 }, next);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 100)) expect(id).toMatch(/^[0-9a-f]{16}-[1-9]\d*$/);
    expect(createRequestIds()().split('-')[0]).not.toBe(ids[0]?.split('-')[0]);
  });

  it('makes ids the app and the fast path accept back from a client', () => {
    const next = createRequestIds();
    for (let i = 0; i < 100; i++) expect(isSaneRequestId(next())).toBe(true);
  });
});

describe('isSaneRequestId', () => {
  it.each([
    'abc-123',
    'A_b=c',
    'x'.repeat(255),
    '3f9a1c07b2e45d61-42',
    '00000000-0000-4000-8000-000000000000',
  ])('accepts %j', (id) => {
    expect(isSaneRequestId(id)).toBe(true);
  });

  it.each(['', 'x'.repeat(256), 'has space', 'semi;colon', 'new\nline', 'ünï', 'a/b', 'a.b'])(
    'refuses %j',
    (id) => {
      expect(isSaneRequestId(id)).toBe(false);
    },
  );

  it('agrees with hono/request-id’s own rule on any text', () => {
    // hono/request-id keeps an incoming id unless it is empty, longer than 255 or matches /[^\w\-=]/.
    const honoKeeps = (id: string) => !(!id || id.length > 255 || /[^\w\-=]/.test(id));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.stringMatching(/^[\w=-]{0,300}$/),
          fc.string({ unit: 'binary' }),
        ),
        (id) => isSaneRequestId(id) === honoKeeps(id),
      ),
      { numRuns: 2000 },
    );
  });
});
