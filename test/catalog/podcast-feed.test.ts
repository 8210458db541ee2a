import { describe, expect, it } from 'vitest';
import { APPLE_DESCRIPTION_BYTES, fitAppleDescription } from '../../src/catalog/podcast-feed.ts';
import { htmlFromText } from '../../src/domain/html.ts';

const bytes = (text: string) => new TextEncoder().encode(text).byteLength;

describe('fitAppleDescription', () => {
  it('leaves a description whose HTML form fits alone', () => {
    const text = 'a'.repeat(APPLE_DESCRIPTION_BYTES);
    expect(fitAppleDescription(text)).toBe(text);
  });

  it('cuts so that the description, escaped for HTML as the feed sends it, fits in 4000 bytes', () => {
    for (const text of ['Fish & chips. '.repeat(300), `${'a'.repeat(3990)}&&&&&&&&&&`, '<'.repeat(5000)]) {
      const fitted = fitAppleDescription(text);
      expect(bytes(htmlFromText(fitted))).toBeLessThanOrEqual(APPLE_DESCRIPTION_BYTES);
      // as much as fits: cut short by less than the longest escape (five bytes) and a trimmed space
      expect(bytes(htmlFromText(fitted))).toBeGreaterThan(APPLE_DESCRIPTION_BYTES - 6);
      expect(fitted.endsWith('…')).toBe(true);
      expect(text.startsWith(fitted.slice(0, -1).trimEnd())).toBe(true);
    }
  });
});
