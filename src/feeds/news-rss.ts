// renderNewsRss(feed): the news as RSS 2.0, following the RSS Advisory Board's best practices.
// https://www.rssboard.org/rss-profile ; paging: RFC 5005 (atom:link first/next/previous/last).
import { htmlFromText } from '../domain/html.ts';
import { rfc822 } from './feed-dates.ts';
import type { FeedPages, NewsFeed, NewsItem } from './model.ts';
import { element, emptyElement, escapeText, htmlElement, XML_DECLARATION } from './xml.ts';

const ATOM = 'http://www.w3.org/2005/Atom';
const CONTENT = 'http://purl.org/rss/1.0/modules/content/';
const DC = 'http://purl.org/dc/elements/1.1/';
const MEDIA = 'http://search.yahoo.com/mrss/';

export function pageLinks(pages: FeedPages, type: string, prefix: string): string[] {
  const link = (rel: string, href: string | undefined) =>
    href === undefined ? '' : emptyElement(`${prefix}link`, { rel, type, href });
  return [
    link('first', pages.first),
    link('previous', pages.previous),
    link('next', pages.next),
    link('last', pages.last),
  ];
}

/** WebSub discovery (W3C WebSub 4): one `rel="hub"` link per hub, beside the one `rel="self"`. */
export function hubLinks(hubs: readonly string[] | undefined, prefix: string): string[] {
  return (hubs ?? []).map((href) => emptyElement(`${prefix}link`, { rel: 'hub', href }));
}

/** Pure and deterministic: the same feed model gives the same bytes. */
export function renderNewsRss(feed: NewsFeed): string {
  const usesContent = feed.items.some((i) => i.contentHtml !== '');
  const usesDc = feed.items.some((i) => i.authors.length > 0);
  const usesMedia = feed.items.some((i) => i.imageUrl !== undefined);
  const out: string[] = [
    XML_DECLARATION,
    `<rss version="2.0" xmlns:atom="${ATOM}"${usesContent ? ` xmlns:content="${CONTENT}"` : ''}${
      usesDc ? ` xmlns:dc="${DC}"` : ''
    }${usesMedia ? ` xmlns:media="${MEDIA}"` : ''}>`,
    '<channel>',
    element('title', feed.title),
    element('link', feed.homeUrl),
    element('description', feed.description),
    element('language', feed.language),
    element('generator', feed.generator),
    element('lastBuildDate', rfc822(feed.updated)),
    emptyElement('atom:link', { rel: 'self', type: 'application/rss+xml', href: feed.selfUrl }),
    ...hubLinks(feed.hubs, 'atom:'),
    ...pageLinks(feed.pages, 'application/rss+xml', 'atom:'),
  ];
  if (feed.iconUrl) {
    out.push(
      `<image>${element('url', feed.iconUrl)}${element('title', feed.title)}${element('link', feed.homeUrl)}</image>`,
    );
  }
  for (const item of feed.items) out.push(renderNewsRssItem(item));
  out.push('</channel>', '</rss>', '');
  return out.filter((line, i) => line !== '' || i === out.length - 1).join('\n');
}

/** One article's `<item>` (the feed's, and the studio's preview of a draft). */
export function renderNewsRssItem(item: NewsItem): string {
  const parts = [
    '<item>',
    element('title', item.title),
    element('link', item.url),
    // The id is a URN, not the permalink, so it is not a permalink (RSS Best Practices §guid).
    `<guid isPermaLink="false">${escapeText(item.id)}</guid>`,
    element('pubDate', rfc822(item.published)),
    // An item's description holds HTML (RSS 2.0: "entity-encoded HTML is allowed"; readers decode
    // it as HTML), so the plain-text standfirst is escaped for HTML before it is escaped for XML.
    htmlElement('description', item.summary ? htmlFromText(item.summary) : item.contentHtml),
  ];
  if (item.contentHtml) parts.push(htmlElement('content:encoded', item.contentHtml));
  // RSS `author` must be an e-mail address; names go in dc:creator.
  for (const author of item.authors) parts.push(element('dc:creator', author.name));
  for (const category of item.categories) parts.push(element('category', category));
  if (item.imageUrl) parts.push(emptyElement('media:content', { url: item.imageUrl, medium: 'image' }));
  // RSS allows one enclosure: the first paired episode.
  const audio = item.audio[0];
  if (audio)
    parts.push(emptyElement('enclosure', { url: audio.url, length: audio.sizeBytes, type: audio.mimeType }));
  parts.push('</item>');
  return parts.join('\n');
}
