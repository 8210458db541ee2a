import { describe, expect, it } from 'vitest';
import { truncateUtf8 } from '../../src/domain/text.ts';

describe('truncateUtf8', () => {
  it('leaves text that fits alone', () => {
    expect(truncateUtf8('short', 4000)).toBe('short');
    expect(truncateUtf8('é'.repeat(2000), 4000)).toBe('é'.repeat(2000));
  });

  it('cuts between characters, never inside one, and ends with an ellipsis within the limit', () => {
    const cut = truncateUtf8('😀'.repeat(2000), 4000);
    expect(new TextEncoder().encode(cut).byteLength).toBeLessThanOrEqual(4000);
    expect(cut.endsWith('😀…')).toBe(true);
    expect(cut.isWellFormed()).toBe(true);
  });
});
