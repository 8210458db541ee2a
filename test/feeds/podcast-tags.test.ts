import fc from 'fast-check';
import { parseFeed } from 'podcast-partytime';
import { describe, expect, it } from 'vitest';
import type { FeedLiveItem } from '../../src/feeds/model.ts';
import { renderPodcastRss } from '../../src/feeds/podcast-rss.ts';
import { hostileText } from '../helpers/hostile-text.ts';
import { feed, item } from '../helpers/podcast-feed-model.ts';
import { child, childrenNamed, readXml } from '../helpers/read-markup.ts';
import { xmllint } from '../helpers/xmllint.ts';

const live = (extra: Partial<FeedLiveItem> = {}): FeedLiveItem => ({
  guid: 'urn:uuid:6a1c0b1e-8f1d-4a2e-9a55-6f1b5c1d2e3f',
  title: 'Council meeting, live',
  summary: 'The budget vote.',
  status: 'live',
  start: new Date('2026-11-26T18:00:00Z'),
  end: new Date('2026-11-26T20:00:00Z'),
  link: 'https://news.example/live/council',
  enclosure: { url: 'https://stream.news.example/council.mp3', mimeType: 'audio/mpeg' },
  contentLinks: [
    { href: 'https://news.example/live/council', label: 'Listen live' },
    { href: 'https://chat.news.example/council', label: 'Chat' },
  ],
  ...extra,
});

const tagged = feed({
  license: { name: 'CC-BY-NC-4.0' },
  location: { name: 'Millbrook', rel: 'creator', geo: 'geo:51.5,-0.12', osm: 'R65606', country: 'GB' },
  liveItems: [live(), live({ guid: 'next-week', status: 'pending', end: undefined, title: 'Next week' })],
  items: [
    item(2, {
      soundbites: [
        { startSeconds: 73, durationSeconds: 60 },
        { startSeconds: 1234.5, durationSeconds: 42.25, title: 'Why the mill matters' },
      ],
      socialInteract: [
        {
          protocol: 'activitypub',
          uri: 'https://podcastindex.social/@dave/105079274766075912',
          accountId: '@dave',
          accountUrl: 'https://podcastindex.social/@dave',
          priority: 1,
        },
      ],
      license: { name: 'my-podcast-license-v1', url: 'https://example.org/licence.pdf' },
      location: {
        name: 'Eiffel Tower, Paris',
        geo: 'geo:48.858093,2.294694',
        osm: 'W5013364',
        country: 'FR',
      },
    }),
    item(1, { socialInteract: [{ protocol: 'disabled' }] }),
  ],
});

describe('podcast RSS: liveItem, soundbite, socialInteract, license, location', () => {
  const xml = renderPodcastRss(tagged);
  const parsed = parseFeed(xml);

  it('is well-formed XML (xmllint)', async () => {
    expect((await xmllint([{ fileName: 'tags.xml', contents: xml }])).errors).toEqual([]);
  });

  it('gives the channel its licence and place, as podcast-partytime reads them', () => {
    expect(parsed?.license).toEqual({ identifier: 'CC-BY-NC-4.0', url: expect.stringContaining('spdx.org') });
    expect(parsed?.podcastLocation).toEqual({ name: 'Millbrook', geo: 'geo:51.5,-0.12', osm: 'R65606' });
    const location = child(child(readXml(xml), 'channel'), 'podcast:location');
    expect(location.attributes).toMatchObject({ rel: 'creator', country: 'GB' });
  });

  it('gives an item its soundbites, discussion, licence and place; the channel licence applies to the other', () => {
    const [second, first] = parsed?.items ?? [];
    expect(second?.podcastSoundbites).toEqual([
      // untitled: partytime falls back to a title of its own (the feed's)
      { startTime: 73, duration: 60, title: 'The Weekly' },
      { startTime: 1234.5, duration: 42.25, title: 'Why the mill matters' },
    ]);
    expect(second?.podcastSocialInteraction).toEqual([
      {
        platform: 'activitypub',
        url: 'https://podcastindex.social/@dave/105079274766075912',
        id: '@dave',
        profileUrl: 'https://podcastindex.social/@dave',
        priority: 1,
      },
    ]);
    expect(second?.license).toEqual({
      identifier: 'my-podcast-license-v1',
      url: 'https://example.org/licence.pdf',
    });
    expect(second?.podcastLocation).toMatchObject({ name: 'Eiffel Tower, Paris', osm: 'W5013364' });
    expect(first?.license).toBeUndefined();
    // protocol disabled: alone, no uri (partytime lists only entries with one)
    const items = childrenNamed(child(readXml(xml), 'channel'), 'item');
    const disabled = childrenNamed(items[1] as never, 'podcast:socialInteract');
    expect(disabled.map((d) => d.attributes)).toEqual([{ protocol: 'disabled' }]);
  });

  it('lists live items before the items, with status, ISO 8601 start and end, guid, stream and content links', () => {
    expect(xml.indexOf('<podcast:liveItem')).toBeLessThan(xml.indexOf('<item>'));
    const [now, next] = parsed?.podcastLiveItems ?? [];
    expect(now).toMatchObject({
      status: 'live',
      start: new Date('2026-11-26T18:00:00Z'),
      end: new Date('2026-11-26T20:00:00Z'),
      guid: 'urn:uuid:6a1c0b1e-8f1d-4a2e-9a55-6f1b5c1d2e3f',
      title: 'Council meeting, live',
      enclosure: { url: 'https://stream.news.example/council.mp3', type: 'audio/mpeg', length: 0 },
      contentLinks: [
        { url: 'https://news.example/live/council', title: 'Listen live' },
        { url: 'https://chat.news.example/council', title: 'Chat' },
      ],
    });
    expect(next).toMatchObject({ status: 'pending', title: 'Next week' });
    expect(next?.end).toBeUndefined();
  });

  it('declares nothing new and writes none of these when there are none', () => {
    const plain = renderPodcastRss(feed());
    for (const tag of ['liveItem', 'soundbite', 'socialInteract', 'license', 'location']) {
      expect(plain).not.toContain(`<podcast:${tag}`);
    }
  });

  it('keeps hostile text as text in every new element and attribute (xmllint over 40 feeds)', async () => {
    const files = fc.sample(hostileText, { numRuns: 40, seed: 15 }).map((text, i) => ({
      fileName: `hostile-${i}.xml`,
      contents: renderPodcastRss(
        feed({
          license: { name: text, url: 'https://x.example/?q=a&b="<c>"' },
          location: { name: text, geo: 'geo:1,2' },
          liveItems: [
            live({ title: text, summary: text, contentLinks: [{ href: 'https://x.example/', label: text }] }),
          ],
          items: [
            item(1, {
              soundbites: [{ startSeconds: 0, durationSeconds: 20, title: text }],
              socialInteract: [{ protocol: 'nostr', uri: 'nostr:note1', accountId: text }],
              location: { name: text },
            }),
          ],
        }),
      ),
    }));
    expect((await xmllint(files)).errors).toEqual([]);
  });
});
