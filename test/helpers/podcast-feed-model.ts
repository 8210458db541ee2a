// A small podcast feed model (a serial show, two episodes) for renderer tests, each part overridable.
import { EMPTY_HTML } from '../../src/domain/html.ts';
import type { PodcastFeed, PodcastItem } from '../../src/feeds/model.ts';

export const item = (n: number, extra: Partial<PodcastItem> = {}): PodcastItem => ({
  guid: `guid-${n}`,
  title: `Episode ${n}`,
  link: `https://news.example/podcasts/weekly/${n}`,
  published: new Date(Date.UTC(2026, 0, n)),
  summary: `Summary ${n}`,
  contentHtml: EMPTY_HTML,
  enclosure: {
    url: `https://news.example/media/abc/weekly/${n}.mp3`,
    sizeBytes: 1000 + n,
    mimeType: 'audio/mpeg',
  },
  durationSeconds: 1535.6,
  episodeType: 'full',
  episode: n,
  explicit: false,
  block: false,
  persons: [],
  alternates: [],
  ...extra,
});

export const feed = (extra: Partial<PodcastFeed> = {}): PodcastFeed => ({
  selfUrl: 'https://news.example/podcasts/weekly/feed.xml',
  title: 'The Weekly',
  subtitle: '',
  description: 'A weekly programme.',
  language: 'en',
  link: 'https://news.example/podcasts/weekly',
  author: 'The Newsroom',
  owner: { name: 'Audio desk', email: 'audio@news.example' },
  imageUrl: 'https://news.example/media/abc/weekly/art.png',
  categories: [
    { category: 'News', subcategory: 'Daily News' },
    { category: 'News', subcategory: 'Politics' },
    { category: 'Society & Culture' },
  ],
  explicit: false,
  type: 'serial',
  generator: 'podwire',
  lastBuildDate: new Date(Date.UTC(2026, 0, 5)),
  block: false,
  complete: false,
  podcastGuid: '3b8215f3-8fb3-5436-aeba-56d3a4abe4ec',
  locked: false,
  funding: [],
  persons: [],
  medium: 'podcast',
  txt: [],
  podroll: [],
  items: [item(2), item(1)],
  ...extra,
});
