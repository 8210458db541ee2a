import { describe, expect, it } from 'vitest';
import { mergeSpans } from '../../src/analytics/byte-spans.ts';
import {
  addressPrefix,
  importDayKey,
  listenerIdentity,
  newDaySecret,
} from '../../src/analytics/listener-identity.ts';
import { addDays, daysBetween, isUtcDay, utcDay } from '../../src/analytics/utc-day.ts';

describe('listenerIdentity', () => {
  it('reduces IPv6 to its /64 and keeps IPv4 whole', () => {
    expect(addressPrefix('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressPrefix('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(addressPrefix('203.0.113.9')).toBe('203.0.113.9');
  });

  it('gives two addresses of one /64 with one User-Agent the same listener, and other UAs or days another', async () => {
    const key = await importDayKey(newDaySecret());
    const ua = 'Overcast/3.0 (+http://overcast.fm/; iOS podcast app)';
    const a = await listenerIdentity(key, '2001:db8:1:2::10', ua);
    const b = await listenerIdentity(key, '2001:db8:1:2:ffff::20', ua);
    expect(b).toEqual(a);
    expect((await listenerIdentity(key, '2001:db8:1:3::10', ua)).listener).not.toBe(a.listener);
    const other = await listenerIdentity(key, '2001:db8:1:2::10', 'AntennaPod/3.4.0');
    expect(other.listener).not.toBe(a.listener);
    expect(other.address).toBe(a.address);
    const tomorrow = await listenerIdentity(await importDayKey(newDaySecret()), '2001:db8:1:2::10', ua);
    expect(tomorrow.listener).not.toBe(a.listener);
  });

  it('never contains the address or User-Agent', async () => {
    const key = await importDayKey(newDaySecret());
    const id = await listenerIdentity(key, '198.51.100.23', 'Spotify/8.9.0');
    // Only two 128-bit hex digests: no room for the dotted address or the app's name. (Matching the
    // digits "198" would fail by chance: random hex holds them about once in 70 keys.)
    expect(Object.keys(id).sort()).toEqual(['address', 'listener']);
    expect(id.listener).toMatch(/^[0-9a-f]{32}$/);
    expect(id.address).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(id)).not.toMatch(/51\.100|Spotify/);
  });
});

describe('UTC days', () => {
  it('names, steps and checks calendar days', () => {
    expect(utcDay(new Date('2026-12-31T23:59:59.999Z'))).toBe('2026-12-31');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2026-11-01', '2026-11-30')).toBe(30);
    expect(isUtcDay('2026-02-29')).toBe(false);
    expect(isUtcDay('2026-13-01')).toBe(false);
    expect(isUtcDay('2026-1-01')).toBe(false);
    expect(isUtcDay('2028-02-29')).toBe(true);
  });

  it('names the right day whatever day it named last (it remembers the last one)', () => {
    const times = [
      '2026-12-31T23:59:59.999Z',
      '2027-01-01T00:00:00.000Z',
      '2026-12-31T00:00:00.000Z',
      '2026-12-30T23:59:59.999Z',
      '1969-12-31T23:59:59.999Z',
      '1970-01-01T00:00:00.000Z',
      '1969-12-31T00:00:00.000Z',
      '1969-12-30T23:59:59.999Z',
    ];
    for (const time of [...times, ...times.reverse()]) expect(utcDay(new Date(time))).toBe(time.slice(0, 10));
    expect(() => utcDay(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('mergeSpans', () => {
  it('joins overlapping and touching spans and drops empty ones', () => {
    expect(
      mergeSpans([
        { start: 10, end: 20 },
        { start: 0, end: 5 },
        { start: 5, end: 8 },
        { start: 15, end: 30 },
        { start: 40, end: 40 },
      ]),
    ).toEqual([
      { start: 0, end: 8 },
      { start: 10, end: 30 },
    ]);
  });
});
