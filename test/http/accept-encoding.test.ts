import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEncodingNegotiator, negotiateEncoding } from '../../src/http/accept-encoding.ts';

describe('negotiateEncoding', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['gzip', 'gzip'],
    ['gzip, deflate, br', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['br;q=0.5, gzip', 'gzip'],
    ['identity', undefined],
    ['*', 'br'],
    ['gzip;q=0', undefined],
  ])('picks %j from %j', (header, coding) => {
    expect(negotiateEncoding(header, ['br', 'gzip'])).toBe(coding);
  });

  it('offers nothing when the runtime compresses itself', () => {
    expect(negotiateEncoding('gzip, br', [])).toBeUndefined();
  });
});

describe('createEncodingNegotiator', () => {
  it('answers as negotiateEncoding does, the first time and every time after', () => {
    const header = fc.oneof(
      fc.constant(undefined),
      fc
        .array(
          fc.tuple(
            fc.constantFrom('gzip', 'br', 'deflate', 'zstd', 'identity', '*', 'x-gzip', 'GZIP'),
            fc.constantFrom('', ';q=0', ';q=0.5', ';q=1', ';q=0.001'),
          ),
          { maxLength: 5 },
        )
        .map((parts) => parts.map(([name, q]) => `${name}${q}`).join(', ')),
    );
    for (const available of [['br', 'gzip'], ['gzip'], []] as const) {
      const negotiate = createEncodingNegotiator(available);
      fc.assert(
        fc.property(header, (value) => {
          const expected = negotiateEncoding(value, available);
          return negotiate(value) === expected && negotiate(value) === expected;
        }),
        { numRuns: 500 },
      );
    }
  });
});
