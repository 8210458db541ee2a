import { describe, expect, it } from 'vitest';
import { shareLinks } from '../../../src/catalog/pages/share-links.ts';

describe('shareLinks', () => {
  it('encodes a title with an unpaired surrogate as U+FFFD instead of throwing (the page would fail)', () => {
    const [email] = shareLinks('https://news.example/articles/a', 'Tide \ud800 mill');
    expect(email?.href).toBe(
      'mailto:?subject=Tide%20%EF%BF%BD%20mill&body=https%3A%2F%2Fnews.example%2Farticles%2Fa',
    );
  });
});
