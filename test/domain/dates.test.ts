import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from '../../src/domain/dates.ts';

describe('formatDateTime', () => {
  const date = new Date('2026-10-16T07:30:00Z');

  it('shows the wall-clock time of the site time zone', () => {
    expect(formatDateTime(date, 'UTC')).toBe('16 October 2026, 07:30');
    expect(formatDateTime(date, 'Europe/London')).toBe('16 October 2026, 08:30');
    expect(formatDateTime(date, 'America/New_York')).toBe('16 October 2026, 03:30');
  });

  it('moves to the previous day when the zone is behind midnight', () => {
    expect(formatDate(new Date('2026-01-01T02:00:00Z'), 'America/Los_Angeles')).toBe('31 December 2025');
  });

  it('writes midnight as 00:00', () => {
    expect(formatDateTime(new Date('2026-03-01T00:00:00Z'), 'UTC')).toBe('1 March 2026, 00:00');
  });
});
