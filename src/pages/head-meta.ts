// What goes in a page's <head> besides the stylesheet: title, description, canonical URL, feed
// autodiscovery, Open Graph and Twitter cards, and JSON-LD (schema.org). Pure functions of the view models.
import type { ArticlePage } from '../catalog/pages/article-page.ts';
import { EMBED_SIZE } from '../catalog/pages/embed-code.ts';
import type { EpisodePage } from '../catalog/pages/episode-page.ts';
import type { PlayerModel } from '../catalog/pages/player-model.ts';
import type { ShowPage } from '../catalog/pages/show-page.ts';
import type { FeedLink, SiteChrome } from '../catalog/pages/site-chrome.ts';

export interface HeadMeta {
  /** The whole <title>. */
  readonly title: string;
  readonly description: string;
  readonly canonical: string;
  /** Autodiscovery: the site's feeds and the page's own. */
  readonly feeds: readonly FeedLink[];
  /** `<meta property=… content=…>` pairs (Open Graph). */
  readonly og: readonly (readonly [string, string])[];
  /** `<meta name=… content=…>` pairs (Twitter cards). */
  readonly twitter: readonly (readonly [string, string])[];
  readonly jsonLd?: Readonly<Record<string, unknown>>;
  readonly robots?: string;
  /** oEmbed discovery (episode pages): the JSON endpoint describing this page's embed. */
  readonly oembed?: string;
}

const withSite = (chrome: SiteChrome, title: string) => `${title} · ${chrome.siteTitle}`;

function publisher(chrome: SiteChrome) {
  return { '@type': 'NewsMediaOrganization', name: chrome.siteTitle, url: chrome.homeUrl };
}

function audioObject(player: PlayerModel) {
  return {
    '@type': 'AudioObject',
    name: player.title,
    contentUrl: player.audioUrl,
    encodingFormat: player.mimeType,
    contentSize: String(player.sizeBytes),
    duration: player.isoDuration,
    embedUrl: player.embedUrl,
  };
}

/** The Open Graph tags every page has. */
function baseOg(
  chrome: SiteChrome,
  type: 'website' | 'article',
  title: string,
  description: string,
  url: string,
) {
  return [
    ['og:site_name', chrome.siteTitle],
    ['og:type', type],
    ['og:title', title],
    ['og:description', description],
    ['og:url', url],
  ] as [string, string][];
}

function imageTags(
  image: { url: string; width: number | null; height: number | null; alt: string } | undefined,
) {
  if (!image) return [];
  const tags: [string, string][] = [['og:image', image.url]];
  if (image.width && image.height) {
    tags.push(['og:image:width', String(image.width)], ['og:image:height', String(image.height)]);
  }
  tags.push(['og:image:alt', image.alt]);
  return tags;
}

export function listingHead(
  chrome: SiteChrome,
  options: { title?: string; description?: string; canonical: string; feeds?: readonly FeedLink[] },
): HeadMeta {
  const title = options.title ? withSite(chrome, options.title) : chrome.siteTitle;
  const description = options.description || chrome.siteDescription;
  return {
    title,
    description,
    canonical: options.canonical,
    feeds: [...chrome.siteFeeds, ...(options.feeds ?? [])],
    og: baseOg(chrome, 'website', options.title ?? chrome.siteTitle, description, options.canonical),
    twitter: [['twitter:card', 'summary']],
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'WebPage',
      name: title,
      url: options.canonical,
      description,
      publisher: publisher(chrome),
    },
  };
}

export function articleHead(chrome: SiteChrome, page: ArticlePage): HeadMeta {
  const description = page.standfirst || chrome.siteDescription;
  return {
    title: withSite(chrome, page.headline),
    description,
    canonical: page.url,
    feeds: [...chrome.siteFeeds, ...page.feeds],
    og: [
      ...baseOg(chrome, 'article', page.headline, description, page.url),
      ...imageTags(page.image),
      ...page.episodes
        .filter((e) => e.available)
        .flatMap((e): [string, string][] => [
          ['og:audio', e.audioUrl],
          ['og:audio:type', e.mimeType],
        ]),
      ['article:published_time', page.publishedAt.toISOString()],
      ['article:modified_time', page.updatedAt.toISOString()],
      ['article:section', page.section.name],
      ...page.tags.map((tag): [string, string] => ['article:tag', tag]),
    ],
    twitter: [['twitter:card', page.image ? 'summary_large_image' : 'summary']],
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: page.headline,
      description,
      url: page.url,
      mainEntityOfPage: page.url,
      identifier: page.guid,
      datePublished: page.publishedAt.toISOString(),
      dateModified: page.updatedAt.toISOString(),
      articleSection: page.section.name,
      keywords: page.tags.length > 0 ? page.tags.join(', ') : undefined,
      author: page.authors.map((a) => ({ '@type': 'Person', name: a.name, url: a.url })),
      image: page.image ? [page.image.url] : undefined,
      publisher: publisher(chrome),
      associatedMedia: page.episodes.filter((e) => e.available).map(audioObject),
    },
  };
}

export function showHead(chrome: SiteChrome, page: ShowPage): HeadMeta {
  const description = page.subtitle || page.description;
  const feed = { title: `${page.title} (podcast)`, type: 'application/rss+xml', href: page.feedUrl };
  return {
    title: withSite(chrome, page.title),
    description,
    canonical: page.url,
    feeds: [...chrome.siteFeeds, feed],
    og: [...baseOg(chrome, 'website', page.title, description, page.url), ...imageTags(page.artwork)],
    twitter: [['twitter:card', 'summary']],
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'PodcastSeries',
      name: page.title,
      description: page.description,
      url: page.url,
      webFeed: page.feedUrl,
      inLanguage: page.language,
      image: page.artwork?.url,
      author: { '@type': 'Organization', name: page.author },
      identifier: page.podcastGuid,
    },
  };
}

export function episodeHead(chrome: SiteChrome, page: EpisodePage): HeadMeta {
  const description = page.summary || `${page.title}, from ${page.show.title}`;
  const { player } = page;
  return {
    title: withSite(chrome, `${page.title} · ${page.show.title}`),
    description,
    canonical: page.url,
    feeds: player.subscribersOnly ? chrome.siteFeeds : [...chrome.siteFeeds, page.feed],
    oembed: player.available ? page.oembedUrl : undefined,
    og: [
      ...baseOg(chrome, 'website', page.title, description, page.url),
      ...imageTags(page.image),
      ...(player.available
        ? ([
            ['og:audio', player.audioUrl],
            ['og:audio:type', player.mimeType],
          ] as [string, string][])
        : []),
    ],
    twitter: player.available
      ? [
          ['twitter:card', 'player'],
          ['twitter:title', page.title],
          ['twitter:player', player.embedUrl],
          ['twitter:player:width', String(EMBED_SIZE.width)],
          ['twitter:player:height', String(EMBED_SIZE.height)],
          ['twitter:player:stream', player.audioUrl],
          ['twitter:player:stream:content_type', player.mimeType],
        ]
      : [['twitter:card', 'summary']],
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'PodcastEpisode',
      name: page.title,
      description,
      url: page.url,
      identifier: page.guid,
      datePublished: player.publishedAt.toISOString(),
      timeRequired: player.isoDuration,
      episodeNumber: page.number ?? undefined,
      image: page.image?.url,
      partOfSeries: {
        '@type': 'PodcastSeries',
        name: page.show.title,
        url: page.show.url,
        webFeed: page.show.feedUrl,
      },
      associatedMedia: player.available ? audioObject(player) : undefined,
    },
  };
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped so no text can close the element. */
export function jsonLdText(data: Readonly<Record<string, unknown>>): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
