// renderPodcastRss(feed): RSS 2.0 for podcast apps, with Apple's itunes namespace and Podcasting 2.0.
// Apple Podcasts requirements: https://podcasters.apple.com/support/823-podcast-requirements
// Podcast namespace: https://podcastindex.org/namespace/1.0
import { htmlFromText } from '../domain/html.ts';
import type { Person, ShowCategory } from '../domain/vocabulary.ts';
import { rfc822 } from './feed-dates.ts';
import type { AlternateEnclosure, FeedChapter, PodcastFeed, PodcastItem } from './model.ts';
import {
  attributes,
  element,
  emptyElement,
  escapeHtmlContent,
  escapeText,
  htmlElement,
  XML_DECLARATION,
} from './xml.ts';

const ITUNES = 'http://www.itunes.com/dtds/podcast-1.0.dtd';
const PODCAST = 'https://podcastindex.org/namespace/1.0';
const ATOM = 'http://www.w3.org/2005/Atom';
const CONTENT = 'http://purl.org/rss/1.0/modules/content/';
/** Podlove Simple Chapters 1.2: https://podlove.org/simple-chapters/ */
const PSC = 'http://podlove.org/simple-chapters';

/** Apple wants `true`/`false` (not yes/no) for itunes:explicit. */
const bool = (value: boolean) => (value ? 'true' : 'false');

/** Renders the whole feed (every episode: Apple and apps expect the full archive). Pure and deterministic. */
export function renderPodcastRss(feed: PodcastFeed): string {
  const usesContent = feed.items.some((item) => item.contentHtml !== '');
  const usesChapters = feed.items.some((item) => item.chapters !== undefined && item.chapters.length > 0);
  const out: string[] = [
    XML_DECLARATION,
    `<rss version="2.0" xmlns:itunes="${ITUNES}" xmlns:podcast="${PODCAST}" xmlns:atom="${ATOM}"${
      usesContent ? ` xmlns:content="${CONTENT}"` : ''
    }${usesChapters ? ` xmlns:psc="${PSC}"` : ''}>`,
    '<channel>',
    element('title', feed.title),
    element('link', feed.link),
    // Apple Podcasts reads the channel description as HTML (<p>, <ol>, <ul>, <li>, <a>): text is escaped for it.
    htmlElement('description', htmlFromText(feed.description)),
    element('language', feed.language),
    element('copyright', feed.copyright),
    element('generator', feed.generator),
    element('lastBuildDate', rfc822(feed.lastBuildDate)),
    feed.pubDate ? element('pubDate', rfc822(feed.pubDate)) : '',
    emptyElement('atom:link', { href: feed.selfUrl, rel: 'self', type: 'application/rss+xml' }),
  ];
  if (feed.imageUrl) {
    out.push(
      `<image>${element('url', feed.imageUrl)}${element('title', feed.title)}${element('link', feed.link)}</image>`,
      emptyElement('itunes:image', { href: feed.imageUrl }),
    );
  }
  out.push(element('itunes:author', feed.author));
  if (feed.subtitle) out.push(element('itunes:subtitle', feed.subtitle));
  if (feed.owner && (feed.owner.name || feed.owner.email)) {
    out.push(
      `<itunes:owner>${element('itunes:name', feed.owner.name)}${element('itunes:email', feed.owner.email)}</itunes:owner>`,
    );
  }
  out.push(
    categories(feed.categories),
    element('itunes:explicit', bool(feed.explicit)),
    element('itunes:type', feed.type),
  );
  if (feed.newFeedUrl) out.push(element('itunes:new-feed-url', feed.newFeedUrl));
  if (feed.block) out.push(element('itunes:block', 'Yes'));
  if (feed.complete) out.push(element('itunes:complete', 'Yes'));

  out.push(element('podcast:guid', feed.podcastGuid));
  out.push(
    `<podcast:locked${attributes({ owner: feed.owner?.email })}>${feed.locked ? 'yes' : 'no'}</podcast:locked>`,
  );
  for (const funding of feed.funding)
    out.push(
      `<podcast:funding${attributes({ url: funding.url })}>${escapeText(funding.title)}</podcast:funding>`,
    );
  for (const person of feed.persons) out.push(personElement(person));
  out.push(element('podcast:medium', feed.medium));
  for (const txt of feed.txt)
    out.push(`<podcast:txt${attributes({ purpose: txt.purpose })}>${escapeText(txt.value)}</podcast:txt>`);
  if (feed.podroll.length > 0) {
    out.push(
      `<podcast:podroll>${feed.podroll.map((p) => emptyElement('podcast:remoteItem', { feedGuid: p.feedGuid, feedUrl: p.feedUrl })).join('')}</podcast:podroll>`,
    );
  }
  if (feed.updateFrequency) {
    const { rrule, label, complete, dtstart } = feed.updateFrequency;
    out.push(
      `<podcast:updateFrequency${attributes({ complete: complete ? 'true' : undefined, dtstart, rrule })}>${escapeText(label)}</podcast:updateFrequency>`,
    );
  }
  for (const item of feed.items) out.push(renderPodcastRssItem(item));
  out.push('</channel>', '</rss>', '');
  return out.filter((line, i) => line !== '' || i === out.length - 1).join('\n');
}

/** Categories by Apple's list: text as an attribute, subcategories nested, one element per main category. */
function categories(list: readonly ShowCategory[]): string {
  const grouped = new Map<string, string[]>();
  for (const { category, subcategory } of list) {
    const subs = grouped.get(category) ?? [];
    if (subcategory && !subs.includes(subcategory)) subs.push(subcategory);
    grouped.set(category, subs);
  }
  return [...grouped]
    .map(([category, subs]) =>
      subs.length === 0
        ? emptyElement('itunes:category', { text: category })
        : `<itunes:category${attributes({ text: category })}>${subs.map((s) => emptyElement('itunes:category', { text: s })).join('')}</itunes:category>`,
    )
    .join('\n');
}

function personElement(person: Person): string {
  return `<podcast:person${attributes({ role: person.role, group: person.group, img: person.imageUrl, href: person.url })}>${escapeText(person.name)}</podcast:person>`;
}

function alternate(alt: AlternateEnclosure): string {
  return `<podcast:alternateEnclosure${attributes({
    type: alt.mimeType,
    length: alt.sizeBytes,
    bitrate: alt.bitrate,
    codecs: alt.codecs,
    title: alt.title || undefined,
    default: alt.isDefault ? 'true' : undefined,
  })}>${emptyElement('podcast:source', { uri: alt.url })}</podcast:alternateEnclosure>`;
}

/** Normal Play Time (RFC 2326 3.6) as Podlove Simple Chapters write it: `HH:MM:SS.mmm`. */
export function normalPlayTime(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const s = Math.floor(ms / 1000);
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}.${pad(ms % 1000, 3)}`;
}

/** `<psc:chapters>`: start and title required, href and image when the chapter has them. */
function simpleChapters(chapters: readonly FeedChapter[]): string {
  const lines = chapters.map((c) =>
    emptyElement('psc:chapter', {
      start: normalPlayTime(c.startSeconds),
      title: c.title,
      href: c.url,
      image: c.imageUrl,
    }),
  );
  return `<psc:chapters version="1.2">\n${lines.join('\n')}\n</psc:chapters>`;
}

/** One episode's `<item>` (the feed's, and the studio's preview of a draft). */
export function renderPodcastRssItem(item: PodcastItem): string {
  // Show notes go out twice (description and content:encoded): escape them once. Both elements hold
  // HTML, so without notes the plain-text summary is escaped for HTML first.
  const notes = item.contentHtml ? escapeHtmlContent(item.contentHtml) : '';
  let out =
    `<item>\n${element('title', item.title)}\n${element('link', item.link)}\n` +
    `<guid isPermaLink="false">${escapeText(item.guid)}</guid>\n${element('pubDate', rfc822(item.published))}\n` +
    `<description>${notes || escapeHtmlContent(htmlFromText(item.summary))}</description>\n`;
  if (notes) out += `<content:encoded>${notes}</content:encoded>\n`;
  out +=
    `${emptyElement('enclosure', { url: item.enclosure.url, length: item.enclosure.sizeBytes, type: item.enclosure.mimeType })}\n` +
    // Apple: whole seconds; rounded like every displayed duration (1535.6 -> 1536).
    `<itunes:duration>${Math.round(item.durationSeconds)}</itunes:duration>\n` +
    `<itunes:episodeType>${item.episodeType}</itunes:episodeType>\n`;
  if (item.season !== undefined) out += `<itunes:season>${item.season}</itunes:season>\n`;
  if (item.episode !== undefined) out += `<itunes:episode>${item.episode}</itunes:episode>\n`;
  if (item.imageUrl) out += `${emptyElement('itunes:image', { href: item.imageUrl })}\n`;
  out += `<itunes:explicit>${bool(item.explicit)}</itunes:explicit>\n`;
  if (item.block) out += '<itunes:block>Yes</itunes:block>\n';
  if (item.season !== undefined) out += `<podcast:season>${item.season}</podcast:season>\n`;
  if (item.episode !== undefined) out += `<podcast:episode>${item.episode}</podcast:episode>\n`;
  if (item.chaptersUrl) {
    out += `${emptyElement('podcast:chapters', { url: item.chaptersUrl, type: 'application/json+chapters' })}\n`;
  }
  if (item.chapters && item.chapters.length > 0) out += `${simpleChapters(item.chapters)}\n`;
  if (item.transcript) {
    const { url, mimeType, language } = item.transcript;
    out += `${emptyElement('podcast:transcript', { url, type: mimeType, language })}\n`;
  }
  for (const person of item.persons) out += `${personElement(person)}\n`;
  for (const alt of item.alternates) out += `${alternate(alt)}\n`;
  return `${out}</item>`;
}
