import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  OPAWG_APPS,
  OPAWG_BOTS,
  OPAWG_BROWSERS,
  OPAWG_LIBRARIES,
} from '../../src/analytics/opawg-user-agents.ts';
import { firstCharacters, withoutLeadingWildcard } from '../../src/analytics/pattern-prefilter.ts';

describe('firstCharacters', () => {
  it.each<[string, string | null]>([
    ['^Overcast/', 'O'],
    ['^Airr(%20Beta)?/|^Airr \\(', 'A'],
    ['(^AntennaPod/|^de\\.danoeh\\.antennapod/)', 'Ad'],
    ['^\\(Mozilla/5\\.0\\)$', '('],
    // Any alternative that is not "^" + a literal character makes every first character possible.
    ['(^AntennaPod/|^de\\.danoeh\\.antennapod/|antenna/.*CFNetwork)', null],
    ["^'?Mozilla(/5\\.0)?$", null],
    ['^[Pp]odverse/', null],
    ['^\\d+', null],
    ['^.*Android.*Chrome/', null],
    ['(^a)|(^b)', null],
    ['AhrefsBot/', null],
  ])('%s can only match strings starting with %s', (pattern, expected) => {
    expect(firstCharacters(pattern)).toBe(expected);
  });
});

describe('withoutLeadingWildcard', () => {
  it.each<[string, string]>([
    ['.*MJ12bot', 'MJ12bot'],
    ['.+[Bb]rave', '.[Bb]rave'],
    ['.*?x', '.*?x'],
    ['.*a|b', '.*a|b'],
    ['^.*KAIOS/', '^.*KAIOS/'],
  ])('%s becomes %s', (pattern, expected) => {
    expect(withoutLeadingWildcard(pattern)).toBe(expected);
  });
});

describe('the shortcuts on the OPAWG lists', () => {
  const fixture = JSON.parse(
    readFileSync(new URL('../fixtures/opawg-user-agents.json', import.meta.url), 'utf8'),
  ) as Record<'bots' | 'apps' | 'libraries' | 'browsers', { examples: string[] }[]>;
  const examples = Object.values(fixture)
    .filter(Array.isArray)
    .flatMap((entries) => entries.flatMap((entry) => entry.examples));
  const patterns = [...OPAWG_BOTS, ...OPAWG_APPS, ...OPAWG_LIBRARIES, ...OPAWG_BROWSERS].map(([, p]) => p);

  it('never skip a pattern that matches, nor change what it matches, on every OPAWG example', () => {
    let matches = 0;
    for (const pattern of patterns) {
      const original = new RegExp(pattern);
      const shortened = new RegExp(withoutLeadingWildcard(pattern));
      const first = firstCharacters(pattern);
      for (const example of examples) {
        const matched = original.test(example);
        if (shortened.test(example) !== matched) expect.fail(`${pattern} changed on ${example}`);
        if (matched && first !== null && !first.includes(example[0] ?? '')) {
          expect.fail(`${pattern} skipped on ${example}`);
        }
        if (matched) matches++;
      }
    }
    expect(matches).toBeGreaterThan(examples.length);
  });
});
