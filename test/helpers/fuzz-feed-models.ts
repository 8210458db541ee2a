// Feed models with generated text in every string field, for the property tests of the renderers.
import type { Html } from '../../src/domain/html.ts';
import type { NewsFeed, OpmlDocument, PodcastFeed } from '../../src/feeds/model.ts';
import type { NewsSitemapEntry } from '../../src/feeds/sitemap.ts';

/** The i-th generated string (wrapping round). */
export type Texts = (i: number) => string;

export const FUZZ_BASE = 'https://news.example';
const DAY = new Date('2026-01-01T00:00:00Z');

export function fuzzNewsFeed(t: Texts, bodies: readonly Html[]): NewsFeed {
  return {
    id: `urn:x:${t(0)}`,
    title: t(1),
    description: t(2),
    language: t(3),
    homeUrl: `${FUZZ_BASE}/?${t(4)}`,
    selfUrl: `${FUZZ_BASE}/feed.xml?${t(5)}`,
    pages: {
      first: `${FUZZ_BASE}/feed.xml#${t(6)}`,
      last: `${FUZZ_BASE}/feed.xml?page=3&${t(7)}`,
      previous: `${FUZZ_BASE}/feed.xml?page=1&${t(8)}`,
      next: `${FUZZ_BASE}/feed.xml?page=3&${t(9)}`,
    },
    updated: DAY,
    generator: t(10),
    iconUrl: `${FUZZ_BASE}/icon.png?${t(11)}`,
    items: bodies.map((body, i) => {
      const n = 12 + i * 12;
      return {
        id: t(n),
        url: `${FUZZ_BASE}/articles/${i}?${t(n + 1)}`,
        title: t(n + 2),
        summary: t(n + 3),
        contentHtml: body,
        authors: [{ name: t(n + 4), url: t(n + 5), email: t(n + 6) }],
        categories: [t(n + 7), t(n + 8)],
        imageUrl: `${FUZZ_BASE}/${i}.png?${t(n + 9)}`,
        published: DAY,
        updated: DAY,
        audio: [
          {
            url: `${FUZZ_BASE}/${i}.mp3`,
            mimeType: t(n + 10),
            sizeBytes: 9,
            durationSeconds: 61,
            title: t(n + 11),
          },
        ],
      };
    }),
  };
}

export function fuzzPodcastFeed(t: Texts, bodies: readonly Html[]): PodcastFeed {
  return {
    selfUrl: `${FUZZ_BASE}/podcasts/s/feed.xml?${t(0)}`,
    title: t(1),
    subtitle: t(2),
    description: t(3),
    language: t(4),
    link: `${FUZZ_BASE}/podcasts/s?${t(5)}`,
    author: t(6),
    owner: { name: t(7), email: t(8) },
    imageUrl: `${FUZZ_BASE}/art.jpg?${t(9)}`,
    categories: [{ category: t(10), subcategory: t(11) }, { category: t(12) }],
    explicit: false,
    type: 'episodic',
    copyright: t(13),
    generator: t(14),
    lastBuildDate: DAY,
    pubDate: DAY,
    block: true,
    complete: true,
    newFeedUrl: `${FUZZ_BASE}/new.xml?${t(15)}`,
    podcastGuid: t(16),
    locked: true,
    funding: [{ url: `${FUZZ_BASE}/fund?${t(17)}`, title: t(18) }],
    persons: [{ name: t(19), role: t(20), group: t(21), url: t(22), imageUrl: t(23) }],
    medium: 'podcast',
    txt: [{ value: t(24), purpose: t(25) }],
    podroll: [{ feedGuid: t(26), feedUrl: t(27) }],
    updateFrequency: { rrule: t(28), label: t(29), complete: true, dtstart: t(30) },
    items: bodies.map((body, i) => {
      const n = 31 + i * 12;
      return {
        guid: t(n),
        title: t(n + 1),
        link: `${FUZZ_BASE}/podcasts/s/${i}?${t(n + 2)}`,
        published: DAY,
        summary: t(n + 3),
        contentHtml: body,
        enclosure: { url: `${FUZZ_BASE}/${i}.mp3?${t(n + 4)}`, sizeBytes: 100 + i, mimeType: t(n + 5) },
        durationSeconds: 61.5,
        episodeType: 'full',
        season: 1,
        episode: i + 1,
        imageUrl: `${FUZZ_BASE}/${i}.jpg`,
        explicit: i % 2 === 0,
        block: false,
        chaptersUrl: `${FUZZ_BASE}/${i}/chapters.json?${t(n + 6)}`,
        chapters: [
          { startSeconds: 0, title: t(n + 1), url: `${FUZZ_BASE}/${i}/c?${t(n + 6)}` },
          { startSeconds: 30.25, title: t(n + 9), imageUrl: `${FUZZ_BASE}/${i}.png` },
        ],
        transcript: { url: `${FUZZ_BASE}/${i}.vtt`, mimeType: 'text/vtt', language: t(n + 7) },
        persons: [{ name: t(n + 8), role: t(n + 9) }],
        alternates: [
          {
            url: `${FUZZ_BASE}/${i}.opus`,
            sizeBytes: 1,
            mimeType: 'audio/ogg',
            title: t(n + 10),
            codecs: t(n + 11),
            isDefault: false,
          },
        ],
      };
    }),
  };
}

export function fuzzOpml(t: Texts): OpmlDocument {
  return {
    title: t(0),
    ownerName: t(1),
    dateModified: DAY,
    groups: [0, 1].map((g) => ({
      title: t(2 + g),
      outlines: [0, 1, 2].map((o) => ({
        title: t(4 + g * 6 + o * 2),
        type: 'rss' as const,
        xmlUrl: `${FUZZ_BASE}/${g}/${o}/feed.xml?${t(5 + g * 6 + o * 2)}`,
        htmlUrl: `${FUZZ_BASE}/${g}/${o}`,
        description: t(16 + g * 3 + o),
      })),
    })),
  };
}

export function fuzzNewsSitemap(t: Texts): NewsSitemapEntry[] {
  return [0, 1, 2].map((i) => ({
    url: `${FUZZ_BASE}/articles/${i}?${t(i)}`,
    title: t(3 + i),
    published: DAY,
  }));
}
