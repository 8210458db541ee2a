// Bench: rendering a 1,000-episode podcast feed with podwire's renderer against `feed` 6.0 (and feedsmith,
// for reference) given the same items, in the same process. Prints renders per second and ratios.
import { Feed } from 'feed';
import { generateRssFeed } from 'feedsmith';
import type { Html } from '../src/domain/html.ts';
import type { PodcastFeed, PodcastItem } from '../src/feeds/model.ts';
import { renderPodcastRss } from '../src/feeds/podcast-rss.ts';
import { measure, printTable } from './measure.ts';

const EPISODES = 1000;
/** Show notes as the sanitiser would pass them (written here, so taken as Html). */
const notes = (i: number) =>
  (`<p>Episode ${i}: the newsroom talks to the people behind this week's stories, from the harbour to the council chamber & back.</p>` +
    `<ul><li>Chapter one</li><li>Chapter two</li></ul><p>Links: <a href="https://news.example/articles/${i}">the article</a>.</p>`) as Html;

export function benchItems(count: number): PodcastItem[] {
  return Array.from({ length: count }, (_, i) => ({
    guid: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    title: `Episode ${count - i}: stories from the harbour "and" the hills`,
    link: `https://news.example/podcasts/weekly/episode-${count - i}`,
    published: new Date(Date.UTC(2020, 0, 1) + (count - i) * 86_400_000),
    summary: `A summary of episode ${count - i}.`,
    contentHtml: notes(count - i),
    enclosure: {
      url: `https://news.example/media/0123456789abcdef/weekly/episode-${count - i}.mp3`,
      sizeBytes: 24_000_000 + i,
      mimeType: 'audio/mpeg',
    },
    durationSeconds: 1536 + (i % 600),
    episodeType: 'full',
    season: 1 + Math.floor(i / 100),
    episode: count - i,
    explicit: false,
    block: false,
    persons: [],
    alternates: [],
  }));
}

export function benchFeed(count: number): PodcastFeed {
  return {
    selfUrl: 'https://news.example/podcasts/weekly/feed.xml',
    title: 'The Weekly',
    subtitle: '',
    description: 'A weekly programme from the newsroom.',
    language: 'en',
    link: 'https://news.example/podcasts/weekly',
    author: 'The Newsroom',
    owner: { name: 'Audio desk', email: 'audio@news.example' },
    imageUrl: 'https://news.example/media/0123456789abcdef/weekly/artwork.jpg',
    categories: [{ category: 'News', subcategory: 'Daily News' }],
    explicit: false,
    type: 'episodic',
    generator: 'podwire',
    lastBuildDate: new Date(Date.UTC(2026, 0, 1)),
    block: false,
    complete: false,
    podcastGuid: '3b8215f3-8fb3-5436-aeba-56d3a4abe4ec',
    locked: false,
    funding: [],
    persons: [],
    medium: 'podcast',
    txt: [],
    podroll: [],
    items: benchItems(count),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const model = benchFeed(EPISODES);
  const library = new Feed({
    title: model.title,
    id: model.selfUrl,
    link: model.link,
    description: model.description,
    language: 'en',
    image: model.imageUrl,
    copyright: '',
    updated: model.lastBuildDate,
    generator: 'podwire',
    podcast: true,
    category: 'News',
    author: { name: model.author, email: model.owner?.email },
  });
  for (const item of model.items) {
    library.addItem({
      title: item.title,
      id: item.guid,
      guid: item.guid,
      link: item.link,
      date: item.published,
      description: item.summary,
      content: item.contentHtml,
      enclosure: {
        url: item.enclosure.url,
        length: item.enclosure.sizeBytes,
        type: item.enclosure.mimeType,
        duration: item.durationSeconds,
      },
    });
  }
  const smithInput = {
    title: model.title,
    link: model.link,
    description: model.description,
    language: 'en',
    itunes: {
      author: model.author,
      explicit: false,
      type: 'episodic',
      image: model.imageUrl,
      categories: [{ text: 'News', categories: [{ text: 'Daily News' }] }],
    },
    items: model.items.map((item) => ({
      title: item.title,
      link: item.link,
      description: item.contentHtml,
      guid: { value: item.guid, isPermaLink: false },
      pubDate: item.published,
      enclosures: [
        { url: item.enclosure.url, length: item.enclosure.sizeBytes, type: item.enclosure.mimeType },
      ],
      itunes: {
        duration: Math.round(item.durationSeconds),
        episode: item.episode,
        season: item.season,
        episodeType: item.episodeType,
        explicit: false,
      },
    })),
  };
  const bytes = renderPodcastRss(model).length;
  const baseline = await measure('feed 6.0 rss2()', async () => library.rss2());
  const ours = await measure('podwire renderPodcastRss', async () => renderPodcastRss(model));
  // biome-ignore lint/suspicious/noExplicitAny: feedsmith's input type is a deep union; the bench only needs it to run
  const smith = await measure('feedsmith generateRssFeed', async () => generateRssFeed(smithInput as any));
  printTable(
    `render a ${EPISODES}-episode podcast feed (${(bytes / 1024).toFixed(0)} KB from podwire)`,
    baseline,
    [ours, smith],
  );
}
