import { readFileSync } from 'node:fs';
import { isbot } from 'isbot';
import { describe, expect, it } from 'vitest';
import { OPAWG_COMMIT } from '../../src/analytics/opawg-user-agents.ts';
import { type ClientInfo, classifyUserAgent } from '../../src/analytics/user-agents.ts';

interface ExampleEntry {
  readonly name: string;
  readonly category?: string;
  readonly examples: readonly string[];
}
interface Fixture {
  readonly commit: string;
  readonly bots: readonly ExampleEntry[];
  readonly apps: readonly ExampleEntry[];
  readonly libraries: readonly ExampleEntry[];
  readonly browsers: readonly ExampleEntry[];
}

// The OPAWG lists' own examples (vendored with the patterns by src/cli/generate-user-agents.ts).
const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/opawg-user-agents.json', import.meta.url), 'utf8'),
) as Fixture;
const cases = (entries: readonly ExampleEntry[]) =>
  entries.flatMap((entry) => entry.examples.map((example) => ({ ...entry, example })));

describe('classifyUserAgent', () => {
  it('is tested against the examples of the vendored commit', () => {
    expect(fixture.commit).toBe(OPAWG_COMMIT);
    expect(cases(fixture.bots).length).toBeGreaterThan(300);
    expect(cases(fixture.apps).length).toBeGreaterThan(900);
  });

  it('flags every OPAWG bot example as a bot, except Apple Watch downloads', () => {
    for (const { name, example } of cases(fixture.bots)) {
      const expected: ClientInfo =
        name === 'Apple Podcasts (Watch)'
          ? { app: 'Apple Podcasts', kind: 'watch' }
          : { app: name, kind: 'bot' };
      expect(classifyUserAgent(example), example).toEqual(expected);
    }
  });

  it('names every OPAWG app example as that app, never a bot', () => {
    for (const { name, example } of cases(fixture.apps)) {
      expect(classifyUserAgent(example), example).toEqual({ app: name, kind: 'app' });
    }
  });

  it('names every OPAWG library example, a bot only where OPAWG files it as one', () => {
    for (const { name, category, example } of cases(fixture.libraries)) {
      const kind = category === 'bot' ? 'bot' : 'library';
      expect(classifyUserAgent(example), example).toEqual({ app: name, kind });
    }
  });

  it("names every OPAWG browser example, DuckDuckGo's iOS browser too (isbot alone flags it)", () => {
    for (const { name, example } of cases(fixture.browsers)) {
      expect(classifyUserAgent(example), example).toEqual({ app: name, kind: 'browser' });
    }
    expect(isbot('DuckDuckGo/3 CFNetwork/1494.0.7 Darwin/23.4.0')).toBe(true);
  });

  // Real strings: from the OPAWG lists, or the vendors' published ones.
  it.each<[string, string, ClientInfo['kind']]>([
    ['AppleCoreMedia/1.0.0.21F90 (iPhone; U; CPU OS 17_5 like Mac OS X; en_us)', 'AppleCoreMedia', 'library'],
    ['Podcasts/1410.53 CFNetwork/1111 Darwin/19.0.0 (x86_64)', 'Apple Podcasts', 'app'],
    ['Podcasts/1.1.0', 'Apple Podcasts', 'app'],
    ['Spotify/8.9.10.616 Android/34 (Pixel 7)', 'Spotify', 'app'],
    ['Spotify/8.7.10 iOS/15.3.1 (iPhone13,2)', 'Spotify', 'app'],
    ['Overcast/3.0 (+http://overcast.fm/; iOS podcast app)', 'Overcast', 'app'],
    ['Overcast/3.0 (+http://overcast.fm/; Apple Watch podcast app)', 'Overcast', 'app'],
    ['Pocket%20Casts/7.96.0.4 CFNetwork/3826.600.41 Darwin/24.6.0', 'Pocket Casts', 'app'],
    ['PodcastAddict/v5 ( https://podcastaddict.com/; Android podcast app)', 'Podcast Addict', 'app'],
    ['AntennaPod/3.4.0', 'AntennaPod', 'app'],
    ['Castro 2020.14/1287', 'Castro', 'app'],
    ['gPodder/3.10.21 (+http://gpodder.org/) Linux', 'gPodder', 'app'],
    ['VLC/3.0.8 LibVLC/3.0.8', 'VLC media player', 'app'],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
      'Chrome',
      'browser',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0',
      'Firefox',
      'browser',
    ],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15',
      'Safari',
      'browser',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91',
      'Edge',
      'browser',
    ],
  ])('names %s as %s (%s)', (userAgent, app, kind) => {
    expect(classifyUserAgent(userAgent)).toEqual({ app, kind });
  });

  it('names podcast apps that isbot alone would drop as bots', () => {
    const apps = [
      'Overcast/3.0 (+http://overcast.fm/; iOS podcast app)',
      'PodcastAddict/v5 ( https://podcastaddict.com/; Android podcast app)',
      'AntennaPod/3.4.0',
    ];
    for (const userAgent of apps) {
      expect(isbot(userAgent), userAgent).toBe(true);
      expect(classifyUserAgent(userAgent).kind, userAgent).toBe('app');
    }
  });

  it.each<[string, string]>([
    ['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', 'Googlebot'],
    [
      'Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.129 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'Googlebot',
    ],
    [
      'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm) Chrome/116.0.1938.76 Safari/537.36',
      'Microsoft Bingbot',
    ],
    // OPAWG files command-line clients under bots (bots.json "curl", "Wget", "python-requests").
    ['curl/8.5.0', 'curl'],
    ['Wget/1.21.4', 'Wget'],
    ['python-requests/2.31.0', 'python-requests'],
    ['Overcast/1.0 Podcast Sync (+http://overcast.fm/)', 'Overcast feed parser'],
  ])('flags %s as the bot %s', (userAgent, app) => {
    expect(classifyUserAgent(userAgent)).toEqual({ app, kind: 'bot' });
  });

  it('flags a crawler that carries "Chrome/" and that only isbot knows, before the browser rules', () => {
    // Lighthouse (PageSpeed Insights); OPAWG has no entry, and its Chrome pattern matches "Android…Chrome/".
    const lighthouse =
      'Mozilla/5.0 (Linux; Android 7.0; Moto G (4)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/94.0.4590.2 Mobile Safari/537.36 Chrome-Lighthouse';
    expect(classifyUserAgent(lighthouse)).toEqual({ app: 'Other', kind: 'bot' });
  });

  it('marks Apple Watch downloads as watch, app Apple Podcasts', () => {
    for (const userAgent of [
      'atc/1.0 watchOS/7.1 model/Watch5,4 hwp/t8006 build/18R590 (6; dt:202)',
      '(null)/(null) watchOS/5.0.1 model/Watch3,3 hwp/t8004 build/16R381 (6; dt:155)',
    ]) {
      expect(classifyUserAgent(userAgent)).toEqual({ app: 'Apple Podcasts', kind: 'watch' });
    }
  });

  it('counts an agent no list names as the app Other', () => {
    expect(
      classifyUserAgent('Mozilla/5.0 (PlayStation 4 5.55) AppleWebKit/601.2 (KHTML, like Gecko)'),
    ).toEqual({
      app: 'Other',
      kind: 'app',
    });
  });

  it('answers the same for a repeated agent, and for one too long to remember', () => {
    const ua = 'Spotify/8.7.10 iOS/15.3.1 (iPhone13,2)';
    expect(classifyUserAgent(ua)).toBe(classifyUserAgent(ua));
    const long = `Overcast/3.0 (+http://overcast.fm/; iOS podcast app) ${'x'.repeat(2000)}`;
    expect(classifyUserAgent(long)).toEqual({ app: 'Overcast', kind: 'app' });
    expect(classifyUserAgent(long)).toEqual({ app: 'Overcast', kind: 'app' });
  });

  it('ignores newlines, as OPAWG prescribes', () => {
    expect(classifyUserAgent('Overcast/1.0 Podcast \nSync (+http://overcast.fm/)')).toEqual({
      app: 'Overcast feed parser',
      kind: 'bot',
    });
  });
});
