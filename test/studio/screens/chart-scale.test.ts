import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/analytics/utc-day.ts';
import { bucketDays, niceTicks } from '../../../src/studio/screens/chart-scale.ts';

/** `count` consecutive days from `from`, the nth with `downloads(n)`. */
const daysFrom = (from: string, count: number, downloads: (n: number) => number = () => 1) =>
  Array.from({ length: count }, (_, n) => ({ day: addDays(from, n), downloads: downloads(n) }));

const total = (rows: readonly { downloads: number }[]) => rows.reduce((sum, r) => sum + r.downloads, 0);

describe('bucketDays', () => {
  it('draws a bar per day up to 92 days', () => {
    const { unit, buckets } = bucketDays(daysFrom('2026-08-01', 92, (n) => n));
    expect(unit).toBe('day');
    expect(buckets).toHaveLength(92);
    expect(buckets[0]).toMatchObject({
      from: '2026-08-01',
      to: '2026-08-01',
      short: '1 Aug',
      label: '1 Aug 2026',
    });
  });

  it('groups longer ranges into 7-day bars from the first day, the last one shorter, losing no download', () => {
    const days = daysFrom('2026-01-01', 100, (n) => n % 3);
    const { unit, buckets } = bucketDays(days);
    expect(unit).toBe('week');
    expect(buckets).toHaveLength(15);
    expect(buckets[0]).toMatchObject({ from: '2026-01-01', to: '2026-01-07', label: '1 Jan – 7 Jan 2026' });
    expect(buckets.at(-1)).toMatchObject({ from: '2026-04-09', to: '2026-04-10' });
    expect(total(buckets)).toBe(total(days));
  });

  it('groups more than two years by calendar month', () => {
    const days = daysFrom('2024-01-15', 800);
    const { unit, buckets } = bucketDays(days);
    expect(unit).toBe('month');
    expect(buckets[0]).toMatchObject({
      from: '2024-01-15',
      to: '2024-01-31',
      label: 'Jan 2024',
      downloads: 17,
    });
    expect(buckets[1]).toMatchObject({ from: '2024-02-01', to: '2024-02-29', downloads: 29 });
    expect(total(buckets)).toBe(800);
  });
});

describe('niceTicks', () => {
  it('labels 0 to a round top at or above the largest value, in whole-number steps', () => {
    expect(niceTicks(0)).toEqual({ top: 1, ticks: [0, 1] });
    expect(niceTicks(1)).toEqual({ top: 1, ticks: [0, 1] });
    expect(niceTicks(3)).toEqual({ top: 3, ticks: [0, 1, 2, 3] });
    expect(niceTicks(7)).toEqual({ top: 8, ticks: [0, 2, 4, 6, 8] });
    expect(niceTicks(101)).toEqual({ top: 150, ticks: [0, 50, 100, 150] });
    for (let max = 1; max < 5000; max += 37) {
      const { top, ticks } = niceTicks(max);
      expect(top).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      expect(ticks.length).toBeLessThanOrEqual(6);
      expect(ticks.every(Number.isInteger)).toBe(true);
    }
  });
});
