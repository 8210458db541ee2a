// Page view models with generated text in every string field, for the property tests of the pages.
import type { ArticleList } from '../../src/catalog/pages/article-list.ts';
import type { ArticlePage } from '../../src/catalog/pages/article-page.ts';
import type { Transcript } from '../../src/catalog/pages/episode-documents.ts';
import type { EpisodePage } from '../../src/catalog/pages/episode-page.ts';
import type { PlayerModel } from '../../src/catalog/pages/player-model.ts';
import type { ShowPage } from '../../src/catalog/pages/show-page.ts';
import { newsFeedLinks, podcastFeedLink, type SiteChrome } from '../../src/catalog/pages/site-chrome.ts';
import type { Html } from '../../src/domain/html.ts';
import { FUZZ_BASE as B, type Texts } from './fuzz-feed-models.ts';

const DAY = new Date('2026-10-16T07:30:00Z');
const LATER = new Date('2026-10-17T09:00:00Z');

export function fuzzChrome(t: Texts): SiteChrome {
  return {
    siteTitle: t(0),
    siteDescription: t(1),
    language: t(2),
    homeUrl: `${B}/`,
    podcastsUrl: `${B}/podcasts`,
    listenLaterUrl: `${B}/listen-later`,
    opmlUrl: `${B}/opml.xml`,
    searchUrl: `${B}/search`,
    openSearchUrl: `${B}/opensearch.xml`,
    sections: [{ slug: 'town', title: t(3), url: `${B}/sections/town?${t(4)}` }],
    shows: [{ slug: 'show', title: t(5), url: `${B}/podcasts/show` }],
    siteFeeds: newsFeedLinks(B, t(6)),
    podcastFeeds: [podcastFeedLink(B, { slug: 'show', title: t(7) })],
  };
}

function player(t: Texts, n: number, available: boolean): PlayerModel {
  return {
    audioId: `audio-${n}`,
    anchor: `episode-${t(n + 1)}`,
    title: t(n),
    pageUrl: `${B}/podcasts/show/e${n}?${t(n + 1)}`,
    embedUrl: `${B}/podcasts/show/e${n}/embed`,
    showTitle: t(n + 2),
    showUrl: `${B}/podcasts/show`,
    audioUrl: `${B}/media/abc/e${n}.mp3?${t(n + 3)}`,
    downloadUrl: `${B}/media/abc/e${n}.mp3?download`,
    mimeType: t(n + 4),
    fileLabel: t(n + 5),
    sizeBytes: 1536,
    durationSeconds: 1536,
    durationText: '25:36',
    isoDuration: 'PT25M36S',
    publishedAt: DAY,
    available,
    subscribersOnly: false,
    chapters: [
      { startSeconds: 0, title: t(n + 2) },
      { startSeconds: 600, title: t(n + 3), url: `https://example.com/?${t(n + 4)}` },
    ],
    artworkUrl: `${B}/media/abc/a${n}.jpg?${t(n + 5)}`,
  };
}

export function fuzzArticlePage(t: Texts, body: Html): ArticlePage {
  return {
    url: `${B}/articles/a?${t(10)}`,
    guid: t(11),
    headline: t(12),
    standfirst: t(13),
    bodyHtml: body,
    authors: [{ name: t(14), url: t(15) }, { name: t(16) }],
    tags: [t(17), t(18)],
    section: { slug: 'town', name: t(19), url: `${B}/sections/town` },
    publishedAt: DAY,
    updatedAt: LATER,
    image: {
      url: `${B}/media/abc/i.jpg?${t(20)}`,
      alt: t(21),
      width: 1200,
      height: 800,
      mimeType: 'image/jpeg',
    },
    episodes: [player(t, 22, true), player(t, 28, false)],
    feeds: [podcastFeedLink(B, { slug: 'show', title: t(34) })],
  };
}

export function fuzzEpisodePage(t: Texts, notes: Html, transcriptHtml: Html | undefined): EpisodePage {
  const transcript: Transcript = transcriptHtml
    ? { kind: 'html', html: transcriptHtml }
    : {
        kind: 'cues',
        cues: [
          { startSeconds: 0, speaker: t(35), text: t(36) },
          { startSeconds: 12.5, text: t(37) },
        ],
      };
  return {
    url: `${B}/podcasts/show/e22?${t(38)}`,
    guid: t(39),
    title: t(40),
    summary: t(41),
    notesHtml: notes,
    season: 1,
    number: 2,
    persons: [{ name: t(42), role: t(43), url: t(44) }, { name: t(45) }],
    player: player(t, 22, true),
    show: { slug: 'show', title: t(46), url: `${B}/podcasts/show`, feedUrl: `${B}/podcasts/show/feed.xml` },
    image: { url: `${B}/media/abc/e.jpg`, alt: t(47), width: 1400, height: 1400, mimeType: 'image/jpeg' },
    chapters: [
      { startSeconds: 0, title: t(48) },
      { startSeconds: 61, title: t(49), url: `${B}/chapter?${t(50)}` },
    ],
    transcript,
    transcriptUrl: `${B}/media/abc/e.vtt`,
    articles: [{ headline: t(51), url: `${B}/articles/a` }],
    feed: podcastFeedLink(B, { slug: 'show', title: t(52) }),
    oembedUrl: `${B}/oembed.json?url=${t(53)}`,
  };
}

export function fuzzShowPage(t: Texts): ShowPage {
  return {
    slug: 'show',
    url: `${B}/podcasts/show`,
    subscribersOnly: false,
    title: t(54),
    subtitle: t(55),
    description: t(56),
    author: t(57),
    language: t(58),
    podcastGuid: t(59),
    artwork: { url: `${B}/media/abc/art.jpg`, alt: t(60), width: 3000, height: 3000, mimeType: 'image/jpeg' },
    feedUrl: `${B}/podcasts/show/feed.xml?${t(61)}`,
    subscribe: [{ app: t(62), href: `podcast://news.example/podcasts/show/feed.xml` }],
    categories: [t(63), t(64)],
    explicit: true,
    funding: [{ url: `${B}/support`, title: t(65) }],
    serial: false,
    episodes: [0, 1].map((i) => ({
      title: t(66 + i * 2),
      url: `${B}/podcasts/show/e${i}`,
      publishedAt: DAY,
      durationText: '25:36',
      isoDuration: 'PT25M36S',
      summary: t(67 + i * 2),
      season: null,
      number: i === 0 ? null : 2,
      type: i === 0 ? 'trailer' : 'full',
    })),
  };
}

export function fuzzArticleList(t: Texts): ArticleList {
  return {
    section: { slug: 'town', name: t(70), description: t(71), url: `${B}/sections/town` },
    articles: [0, 1].map((i) => ({
      slug: `a${i}`,
      url: `${B}/articles/a${i}`,
      headline: t(72 + i * 3),
      standfirst: t(73 + i * 3),
      publishedAt: DAY,
      section: { slug: 'town', name: t(74 + i * 3), url: `${B}/sections/town` },
      episodes: [{ title: t(78 + i), durationText: '25:36' }],
    })),
    page: 2,
    lastPage: 3,
    total: 50,
    feeds: newsFeedLinks(B, t(80), 'town'),
    pageUrl: (n) => `${B}/sections/town?page=${n}`,
  };
}
