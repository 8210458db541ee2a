// renderJsonFeed(feed): the news as JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/).
import { rfc3339 } from './feed-dates.ts';
import type { NewsFeed } from './model.ts';
import { stripForbidden } from './xml.ts';

/**
 * Pure and deterministic; keys in a fixed order. Strings pass through the same filter as the XML
 * feeds (no unpaired surrogates or C0 controls), so all formats say the same.
 */
export function renderJsonFeed(feed: NewsFeed): string {
  const doc = {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.selfUrl,
    description: feed.description || undefined,
    icon: feed.iconUrl,
    next_url: feed.pages.next,
    hubs: feed.hubs?.length ? feed.hubs.map((url) => ({ type: 'WebSub', url })) : undefined,
    language: feed.language,
    authors: [{ name: feed.title, url: feed.homeUrl }],
    items: feed.items.map((item) => ({
      id: item.id,
      url: item.url,
      title: item.title,
      content_html: item.contentHtml || undefined,
      // JSON Feed 1.1: an item has content_html or content_text. Without a body, the standfirst is
      // the content, as text.
      content_text: item.contentHtml ? undefined : item.summary,
      summary: item.summary || undefined,
      image: item.imageUrl,
      date_published: rfc3339(item.published),
      date_modified: rfc3339(item.updated),
      authors: item.authors.length > 0 ? item.authors.map((a) => ({ name: a.name, url: a.url })) : undefined,
      tags: item.categories.length > 0 ? item.categories : undefined,
      attachments:
        item.audio.length > 0
          ? item.audio.map((a) => ({
              url: a.url,
              mime_type: a.mimeType,
              title: a.title,
              size_in_bytes: a.sizeBytes,
              duration_in_seconds: Math.round(a.durationSeconds),
            }))
          : undefined,
    })),
  };
  return `${JSON.stringify(doc, (_key, value) => (typeof value === 'string' ? stripForbidden(value) : value), 2)}\n`;
}
