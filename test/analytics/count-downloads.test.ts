import { describe, expect, it } from 'vitest';
import {
  type CountableEvent,
  countDownloads,
  MAX_DOWNLOADS_PER_ADDRESS,
} from '../../src/analytics/count-downloads.ts';

const THRESHOLD = 120_000;
let clock = Date.parse('2026-12-01T08:00:00Z');

/** An event of episode 1 (file 10) from listener `who` at address `where`, spanning [start, end). */
function event(who: string, start: number, end: number, extra: Partial<CountableEvent> = {}): CountableEvent {
  clock += 1000;
  return {
    at: new Date(clock),
    assetId: 10,
    episodeId: 1,
    showId: 1,
    listener: who,
    address: `address-of-${who}`,
    app: 'Apple Podcasts',
    kind: 'app',
    country: '',
    source: '',
    rangeStart: start,
    rangeEnd: end,
    threshold: THRESHOLD,
    ...extra,
  };
}

const count = (events: CountableEvent[]) => countDownloads(events).downloads.length;

describe('countDownloads (IAB v2.2 rules over one day)', () => {
  it('counts a listener who received the threshold once, however often they came back', () => {
    expect(count([event('a', 0, THRESHOLD)])).toBe(1);
    expect(count([event('a', 0, 3_000_000), event('a', 0, 3_000_000), event('a', 0, 2)])).toBe(1);
  });

  it('does not count bytes=0-1 alone, or anything under the threshold', () => {
    expect(count([event('a', 0, 2)])).toBe(0);
    expect(count([event('a', 0, THRESHOLD - 1)])).toBe(0);
  });

  it('adds up ranges of one listener, but only distinct bytes', () => {
    expect(count([event('a', 0, 50_000), event('a', 50_000, 100_000), event('a', 100_000, 120_000)])).toBe(1);
    const tiny = Array.from({ length: 5000 }, () => event('a', 0, 100));
    expect(count(tiny)).toBe(0);
    const overlapping = [event('a', 0, 100_000), event('a', 20_000, 110_000), event('a', 0, 119_999)];
    expect(count(overlapping)).toBe(0);
  });

  it('does not add up bytes of different listeners or different files of an episode', () => {
    expect(count([event('a', 0, 60_000), event('b', 60_000, 120_000)])).toBe(0);
    expect(count([event('a', 0, 60_000), event('a', 60_000, 120_000, { assetId: 11 })])).toBe(0);
    expect(count([event('a', 0, THRESHOLD, { assetId: 11 })])).toBe(1);
  });

  it('counts each episode of one listener once', () => {
    expect(count([event('a', 0, THRESHOLD), event('a', 0, THRESHOLD, { episodeId: 2, assetId: 20 })])).toBe(
      2,
    );
  });

  it('never counts bots', () => {
    expect(count([event('a', 0, 3_000_000, { kind: 'bot', app: 'Googlebot' })])).toBe(0);
  });

  it('drops an Apple Watch download when the same address downloaded the episode on another device', () => {
    const phone = event('phone', 0, THRESHOLD, { address: 'home' });
    const watch = event('watch', 0, THRESHOLD, { address: 'home', kind: 'watch' });
    expect(count([phone, watch])).toBe(1);
    expect(count([watch])).toBe(1);
    const elsewhere = event('watch2', 0, THRESHOLD, { address: 'office', kind: 'watch' });
    expect(count([phone, elsewhere])).toBe(2);
  });

  it(`caps downloads per address and episode at ${MAX_DOWNLOADS_PER_ADDRESS} and reports the excess`, () => {
    const flood = Array.from({ length: MAX_DOWNLOADS_PER_ADDRESS + 7 }, (_, i) =>
      event(`ua-${i}`, 0, THRESHOLD, { address: 'one-address' }),
    );
    const result = countDownloads(flood);
    expect(result.downloads).toHaveLength(MAX_DOWNLOADS_PER_ADDRESS);
    expect(result.anomalies).toEqual([{ address: 'one-address', episodeId: 1, excess: 7 }]);
  });

  it('attributes a download to the first page that played it, and to the app', () => {
    const events = [
      event('a', 0, 60_000, { app: 'Chrome', kind: 'browser', source: '/articles/tide-mill' }),
      event('a', 60_000, THRESHOLD, { app: 'Chrome', kind: 'browser', source: '/podcasts/x/y' }),
    ];
    expect(countDownloads(events).downloads).toEqual([
      { episodeId: 1, showId: 1, app: 'Chrome', country: '', source: '/articles/tide-mill' },
    ]);
  });

  it('counts the same whatever order the events come in', () => {
    const events = [
      ...Array.from({ length: 30 }, (_, i) =>
        event(`l${i % 7}`, (i % 5) * 30_000, (i % 5) * 30_000 + 40_000),
      ),
      ...Array.from({ length: 25 }, (_, i) => event(`f${i}`, 0, THRESHOLD, { address: 'nat' })),
    ];
    const forward = countDownloads(events);
    const backward = countDownloads([...events].reverse());
    expect(backward).toEqual(forward);
    expect(forward.downloads.length).toBeGreaterThan(MAX_DOWNLOADS_PER_ADDRESS);
  });
});
