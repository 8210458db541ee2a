// renderAtom(feed): the news as Atom 1.0 (RFC 4287), paged per RFC 5005.
import { rfc3339 } from './feed-dates.ts';
import type { NewsFeed, NewsItem } from './model.ts';
import { hubLinks, pageLinks } from './news-rss.ts';
import { attributes, element, emptyElement, escapeText, htmlElement, XML_DECLARATION } from './xml.ts';

/** Pure and deterministic. Every entry has one id, title and updated (RFC 4287 §4.1.2). */
export function renderAtom(feed: NewsFeed): string {
  const out: string[] = [
    XML_DECLARATION,
    `<feed xmlns="http://www.w3.org/2005/Atom"${attributes({ 'xml:lang': feed.language || undefined })}>`,
    element('id', feed.id),
    element('title', feed.title),
    feed.description ? element('subtitle', feed.description) : '',
    element('updated', rfc3339(feed.updated)),
    emptyElement('link', { rel: 'self', type: 'application/atom+xml', href: feed.selfUrl }),
    ...hubLinks(feed.hubs, ''),
    emptyElement('link', { rel: 'alternate', type: 'text/html', href: feed.homeUrl }),
    ...pageLinks(feed.pages, 'application/atom+xml', ''),
    `<generator>${escapeText(feed.generator)}</generator>`,
    feed.iconUrl ? element('icon', feed.iconUrl) : '',
  ];
  for (const item of feed.items) out.push(renderEntry(item));
  out.push('</feed>', '');
  return out.filter((line, i) => line !== '' || i === out.length - 1).join('\n');
}

function renderEntry(item: NewsItem): string {
  const parts = [
    '<entry>',
    element('id', item.id),
    element('title', item.title),
    element('published', rfc3339(item.published)),
    element('updated', rfc3339(item.updated)),
    emptyElement('link', { rel: 'alternate', type: 'text/html', href: item.url }),
  ];
  for (const author of item.authors) {
    parts.push(
      `<author>${element('name', author.name)}${element('uri', author.url)}${element('email', author.email)}</author>`,
    );
  }
  for (const category of item.categories) parts.push(emptyElement('category', { term: category }));
  // Text constructs without type= are text (RFC 4287 §3.1.1): title, subtitle and summary are plain.
  if (item.summary) parts.push(element('summary', item.summary));
  if (item.contentHtml) parts.push(htmlElement('content', item.contentHtml, { type: 'html' }));
  if (item.imageUrl)
    parts.push(
      emptyElement('link', { rel: 'enclosure', type: guessImageType(item.imageUrl), href: item.imageUrl }),
    );
  for (const audio of item.audio) {
    parts.push(
      emptyElement('link', {
        rel: 'enclosure',
        type: audio.mimeType,
        length: audio.sizeBytes,
        href: audio.url,
        title: audio.title,
      }),
    );
  }
  parts.push('</entry>');
  return parts.join('\n');
}

function guessImageType(url: string): string {
  return /\.png$/i.test(url) ? 'image/png' : /\.webp$/i.test(url) ? 'image/webp' : 'image/jpeg';
}
