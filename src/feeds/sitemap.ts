// Sitemaps for search engines: the sitemaps.org urlset, and Google's news sitemap for recent articles.
import { rfc3339 } from './feed-dates.ts';
import { element, XML_DECLARATION } from './xml.ts';

export interface SitemapEntry {
  readonly url: string;
  readonly lastModified?: Date;
}

export interface NewsSitemapEntry {
  readonly url: string;
  readonly title: string;
  readonly published: Date;
}

export interface NewsPublication {
  readonly name: string;
  /** ISO 639 language code, such as `en` (Google wants the language, not the region). */
  readonly language: string;
}

export function renderSitemap(entries: readonly SitemapEntry[]): string {
  const out = [XML_DECLARATION, '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'];
  for (const entry of entries) {
    out.push(
      `<url>${element('loc', entry.url)}${entry.lastModified ? element('lastmod', rfc3339(entry.lastModified)) : ''}</url>`,
    );
  }
  out.push('</urlset>', '');
  return out.join('\n');
}

export function renderNewsSitemap(
  publication: NewsPublication,
  entries: readonly NewsSitemapEntry[],
): string {
  const out = [
    XML_DECLARATION,
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">',
  ];
  const pub = `<news:publication>${element('news:name', publication.name)}${element('news:language', publication.language)}</news:publication>`;
  for (const entry of entries) {
    out.push(
      `<url>${element('loc', entry.url)}<news:news>${pub}${element('news:publication_date', rfc3339(entry.published))}${element('news:title', entry.title)}</news:news></url>`,
    );
  }
  out.push('</urlset>', '');
  return out.join('\n');
}
