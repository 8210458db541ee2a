// The parts of every page: site name, section and show navigation, the site's feeds (for autodiscovery).
import { listSections } from '../../db/queries/sections.ts';
import { listShows } from '../../db/queries/shows.ts';
import { siteUrls } from '../site-urls.ts';
import type { PageContext } from './page-context.ts';

export interface NavLink {
  readonly slug: string;
  readonly title: string;
  readonly url: string;
}

export interface FeedLink {
  readonly title: string;
  readonly type: string;
  readonly href: string;
}

export interface SiteChrome {
  readonly siteTitle: string;
  readonly siteDescription: string;
  readonly language: string;
  readonly homeUrl: string;
  readonly podcastsUrl: string;
  readonly listenLaterUrl: string;
  readonly opmlUrl: string;
  /** Where the header's search box sends its query (GET ?q=). */
  readonly searchUrl: string;
  /** The OpenSearch description, linked from every page so browsers offer the site's search. */
  readonly openSearchUrl: string;
  readonly sections: readonly NavLink[];
  readonly shows: readonly NavLink[];
  /** The site-wide news feeds: linked for autodiscovery from every page. */
  readonly siteFeeds: readonly FeedLink[];
  /** Every show's podcast feed (the home page and the podcasts index link them too). */
  readonly podcastFeeds: readonly FeedLink[];
}

export const FEED_TYPES = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
} as const;

/** RSS, Atom and JSON Feed links for the site (no section) or one section. */
export function newsFeedLinks(baseUrl: string, label: string, section?: string): FeedLink[] {
  const urls = siteUrls(baseUrl);
  return [
    { title: `${label} (RSS)`, type: FEED_TYPES.rss, href: urls.newsFeed('rss', section) },
    { title: `${label} (Atom)`, type: FEED_TYPES.atom, href: urls.newsFeed('atom', section) },
    { title: `${label} (JSON Feed)`, type: FEED_TYPES.json, href: urls.newsFeed('json', section) },
  ];
}

export function podcastFeedLink(baseUrl: string, show: { slug: string; title: string }): FeedLink {
  return {
    title: `${show.title} (podcast)`,
    type: FEED_TYPES.rss,
    href: siteUrls(baseUrl).podcastFeed(show.slug),
  };
}

export async function loadSiteChrome(ctx: PageContext): Promise<SiteChrome> {
  const urls = siteUrls(ctx.baseUrl);
  const [sections, shows] = await Promise.all([listSections(ctx.db), listShows(ctx.db)]);
  return {
    siteTitle: ctx.siteTitle,
    siteDescription: ctx.siteDescription,
    language: ctx.siteLanguage,
    homeUrl: urls.home(),
    podcastsUrl: urls.podcasts(),
    listenLaterUrl: urls.listenLater(),
    opmlUrl: urls.opml(),
    searchUrl: urls.search(),
    openSearchUrl: urls.openSearch(),
    sections: sections.map((s) => ({ slug: s.slug, title: s.name, url: urls.section(s.slug) })),
    shows: shows.map(({ show }) => ({ slug: show.slug, title: show.title, url: urls.show(show.slug) })),
    siteFeeds: newsFeedLinks(ctx.baseUrl, ctx.siteTitle),
    // A subscribers-only show has no public feed to offer.
    podcastFeeds: shows
      .filter(({ show }) => show.access === 'public')
      .map(({ show }) => podcastFeedLink(ctx.baseUrl, show)),
  };
}
