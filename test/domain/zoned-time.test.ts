import { describe, expect, it } from 'vitest';
import { fromDateTimeLocal, toDateTimeLocal } from '../../src/domain/zoned-time.ts';

describe('zoned time (datetime-local in TIME_ZONE)', () => {
  it('reads a wall-clock time in the zone, summer and winter', () => {
    expect(fromDateTimeLocal('2026-07-01T06:00', 'Europe/London')?.toISOString()).toBe(
      '2026-07-01T05:00:00.000Z',
    );
    expect(fromDateTimeLocal('2026-12-01T06:00', 'Europe/London')?.toISOString()).toBe(
      '2026-12-01T06:00:00.000Z',
    );
    expect(fromDateTimeLocal('2026-12-01T06:00', 'Asia/Kolkata')?.toISOString()).toBe(
      '2026-12-01T00:30:00.000Z',
    );
    expect(fromDateTimeLocal('2026-12-01T06:00:30', 'UTC')?.toISOString()).toBe('2026-12-01T06:00:00.000Z');
  });

  it('shows an instant back as the same wall-clock time', () => {
    for (const zone of ['Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'UTC']) {
      const at = fromDateTimeLocal('2026-03-15T09:45', zone) as Date;
      expect(toDateTimeLocal(at, zone), zone).toBe('2026-03-15T09:45');
    }
  });

  it('takes the first of a repeated hour, and the offset before the change for a skipped one', () => {
    // 01:30 happens twice in London on 25 October 2026 (BST, then GMT).
    expect(fromDateTimeLocal('2026-10-25T01:30', 'Europe/London')?.toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
    // 01:30 never happens on 29 March 2026: read at GMT, it lands at 02:30 BST.
    expect(fromDateTimeLocal('2026-03-29T01:30', 'Europe/London')?.toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
  });

  it('refuses what is not a datetime-local value or not a real date', () => {
    for (const text of [
      '',
      'tomorrow',
      '2026-02-30T06:00',
      '2026-12-01 6am',
      '2026-12-01T24:00',
      '2026-13-01T06:00',
    ]) {
      expect(fromDateTimeLocal(text, 'UTC'), text).toBeUndefined();
    }
  });
});
