import { describe, expect, it } from 'vitest';
import { formatDuration, isoDuration, roundSeconds } from '../../src/domain/duration.ts';

describe('formatDuration', () => {
  it.each([
    [0, '0:00'],
    [59.4, '0:59'],
    [59.5, '1:00'],
    [1535.6, '25:36'],
    [1536, '25:36'],
    [1585.08, '26:25'],
    [3599.4, '59:59'],
    [3600, '1:00:00'],
    [3601, '1:00:01'],
    [36000 + 62, '10:01:02'],
  ])('shows %d s as %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('rejects values that are not durations', () => {
    expect(() => formatDuration(-1)).toThrow(RangeError);
    expect(() => formatDuration(Number.NaN)).toThrow(RangeError);
    expect(() => roundSeconds(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('isoDuration', () => {
  it.each([
    [0, 'PT0S'],
    [1536, 'PT25M36S'],
    [3600, 'PT1H'],
    [3661, 'PT1H1M1S'],
  ])('writes %d s as %s', (seconds, text) => {
    expect(isoDuration(seconds)).toBe(text);
  });
});
