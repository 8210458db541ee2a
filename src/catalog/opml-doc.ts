// buildOpml: every feed the site offers (the news, each section, each podcast) as an OPML document model.
import type { Database } from '../db/database.ts';
import { listSections } from '../db/queries/sections.ts';
import { listShows } from '../db/queries/shows.ts';
import type { OpmlDocument } from '../feeds/model.ts';
import { siteUrls } from './site-urls.ts';

export async function buildOpml(
  db: Database,
  options: { baseUrl: string; siteTitle: string; dateModified: Date },
): Promise<OpmlDocument> {
  const urls = siteUrls(options.baseUrl);
  const [sections, shows] = await Promise.all([listSections(db), listShows(db)]);
  return {
    title: `${options.siteTitle}: feeds`,
    ownerName: options.siteTitle,
    dateModified: options.dateModified,
    groups: [
      {
        title: 'News',
        outlines: [
          { title: options.siteTitle, type: 'rss', xmlUrl: urls.newsFeed('rss'), htmlUrl: urls.home() },
          ...sections.map((s) => ({
            title: `${options.siteTitle}: ${s.name}`,
            type: 'rss' as const,
            xmlUrl: urls.newsFeed('rss', s.slug),
            htmlUrl: urls.section(s.slug),
            description: s.description || undefined,
          })),
        ],
      },
      {
        title: 'Podcasts',
        // A subscribers-only show has no public feed to list.
        outlines: shows
          .filter(({ show }) => show.access === 'public')
          .map(({ show }) => ({
            title: show.title,
            type: 'rss' as const,
            xmlUrl: urls.podcastFeed(show.slug),
            htmlUrl: urls.show(show.slug),
            description: show.subtitle || undefined,
          })),
      },
    ],
  };
}
