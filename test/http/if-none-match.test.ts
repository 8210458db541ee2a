import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listedTags } from '../../src/http/conditional.ts';
import { noneMatchHits } from '../../src/http/if-none-match.ts';

/** How serveRendered (and the fast path before it) decided: list the tags, drop W/ and a coding suffix. */
function listBased(header: string, baseTag: string): boolean {
  const tags = listedTags(header).map((t) => t.replace(/^W\//, '').replace(/-(br|gzip)"$/, '"'));
  return tags.includes('*') || tags.includes(baseTag);
}

const BASE = '"5d41402abc4b2a76"';

describe('noneMatchHits', () => {
  it.each([
    ['"5d41402abc4b2a76"', true],
    ['W/"5d41402abc4b2a76"', true],
    ['"5d41402abc4b2a76-gzip"', true],
    ['"5d41402abc4b2a76-br"', true],
    ['W/"5d41402abc4b2a76-br"', true],
    ['"other", "5d41402abc4b2a76-gzip"', true],
    ['"other",W/"5d41402abc4b2a76"', true],
    ['*', true],
    ['  * ', true],
    ['"5d41402abc4b2a76-deflate"', false],
    ['"5d41402abc4b2a76-gzip-gzip"', false],
    ['"5d41402abc4b2a7"', false],
    ['"5d41402abc4b2a766"', false],
    ['5d41402abc4b2a76', false],
    ['"5d41402abc4b2a76', false],
    ['"*"', false],
    ['*, "other"', false],
    ['', false],
  ])('%j: %s', (header, expected) => {
    expect(noneMatchHits(header, BASE)).toBe(expected);
    expect(listBased(header, BASE)).toBe(expected);
  });

  it('decides as the tag list does for any header and tag', () => {
    const opaque = fc.stringMatching(/^[0-9abgrz-]{0,8}(?:-gzip|-br|-gz|-b|gzip|br)?$/);
    const piece = (base: string) =>
      fc.oneof(
        fc.constantFrom(base, `W/${base}`, `"${base.slice(1, -1)}-gzip"`, `"${base.slice(1, -1)}-br"`),
        fc.constantFrom('*', ' * ', '"', ',', ', ', ' ', 'W/', '-gzip"', '-br"', '-gz"', 'gzip"', '""'),
        opaque.map((o) => `"${o}"`),
        fc.string({ maxLength: 6 }),
      );
    fc.assert(
      fc.property(
        opaque
          .map((o) => `"${o}"`)
          .chain((base) =>
            fc.tuple(
              fc.constant(base),
              fc.array(piece(base), { maxLength: 8 }).map((p) => p.join('')),
            ),
          ),
        ([base, header]) => noneMatchHits(header, base) === listBased(header, base),
      ),
      { numRuns: 5000 },
    );
  });
});
