// Every public URL podwire makes, in one place: pages, feeds and documents, absolute under BASE_URL.

export type NewsFeedFormat = 'rss' | 'atom' | 'json';

const FEED_FILE: Readonly<Record<NewsFeedFormat, string>> = {
  rss: 'feed.xml',
  atom: 'feed.atom',
  json: 'feed.json',
};

/** What follows an episode's page path for its other public documents: chapters and the embed player. */
export const EPISODE_PATH_SUFFIXES = ['', '/chapters.json', '/embed'] as const;

/** Absolute URLs under `baseUrl`; `siteUrls('')` gives the paths alone (for redirects and 410s). */
export function siteUrls(baseUrl: string) {
  const at = (path: string) => `${baseUrl}${path}`;
  const segment = encodeURIComponent;
  return {
    home: () => at('/'),
    article: (slug: string) => at(`/articles/${segment(slug)}`),
    section: (slug: string) => at(`/sections/${segment(slug)}`),
    podcasts: () => at('/podcasts'),
    /** The Listen later list: kept in the reader's browser, filled by the site script. */
    listenLater: () => at('/listen-later'),
    show: (slug: string) => at(`/podcasts/${segment(slug)}`),
    episode: (show: string, episode: string) => at(`/podcasts/${segment(show)}/${segment(episode)}`),
    embed: (show: string, episode: string) => at(`/podcasts/${segment(show)}/${segment(episode)}/embed`),
    chapters: (show: string, episode: string) =>
      at(`/podcasts/${segment(show)}/${segment(episode)}/chapters.json`),
    /** Site-wide news feed (section undefined) or a section's, in one format; page 1 has no query. */
    newsFeed: (format: NewsFeedFormat, section?: string, page = 1) =>
      at(
        `${section === undefined ? '' : `/sections/${segment(section)}`}/${FEED_FILE[format]}${page > 1 ? `?page=${page}` : ''}`,
      ),
    podcastFeed: (show: string) => at(`/podcasts/${segment(show)}/feed.xml`),
    opml: () => at('/opml.xml'),
    sitemap: () => at('/sitemap.xml'),
    oembed: (pageUrl: string) => at(`/oembed.json?url=${encodeURIComponent(pageUrl)}`),
    newsSitemap: () => at('/sitemap-news.xml'),
    search: () => at('/search'),
    /** The OpenSearch description document (https://github.com/dewitt/opensearch). */
    openSearch: () => at('/opensearch.xml'),
  };
}

export type SiteUrls = ReturnType<typeof siteUrls>;
