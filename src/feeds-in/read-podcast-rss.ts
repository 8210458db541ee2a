// readPodcastRss(bytes, url): a podcast RSS 2.0 feed (itunes and podcast namespaces) as the import model.
import { appleCategoryProblem } from '../domain/apple-categories.ts';
import {
  type FundingLink,
  SHOW_MEDIUMS,
  SHOW_TYPES,
  type ShowCategory,
  type ShowMedium,
  type ShowType,
} from '../domain/vocabulary.ts';
import { NotAPodcastFeedError } from './feed-errors.ts';
import type { SourceEpisode, SourceFeed, SourceShow } from './podcast-source.ts';
import { readItem } from './read-item.ts';
import { fileOf, httpUrl, isYes, personsOf } from './rss-values.ts';
import { child, childrenNamed, childText, decodeXml, parseXmlTree, type XmlElement } from './xml-tree.ts';

/**
 * Reads the feed at `url` from its bytes (already capped in size by the fetch). Refuses DTDs and
 * entities (see parseXmlTree) and documents that are not RSS 2.0 with a channel; items that cannot
 * become episodes (no guid and no enclosure, no audio) are left out and listed in `warnings`.
 */
export function readPodcastRss(bytes: Uint8Array, url: string): SourceFeed {
  const document = parseXmlTree(decodeXml(bytes));
  const rss = child(document, 'rss');
  const channel = rss ? child(rss, 'channel') : undefined;
  if (!channel) {
    const root = document.children[0]?.name;
    throw new NotAPodcastFeedError(
      root
        ? `the document at ${url} is <${root}>, not an RSS 2.0 feed (<rss><channel>)`
        : `the document at ${url} is not XML`,
    );
  }
  const warnings: string[] = [];
  const show = readChannel(channel, url, warnings);
  const episodes: SourceEpisode[] = [];
  const seen = new Set<string>();
  for (const item of childrenNamed(channel, 'item')) {
    const read = readItem(item, url);
    if ('skipped' in read) warnings.push(`skipped ${read.skipped}`);
    else if (seen.has(read.guid)) warnings.push(`skipped a second item with the guid ${read.guid}`);
    else {
      seen.add(read.guid);
      episodes.push(read);
    }
  }
  return { show, episodes, warnings };
}

function readChannel(channel: XmlElement, url: string, warnings: string[]): SourceShow {
  const title = childText(channel, 'title') ?? childText(channel, 'itunes:title');
  if (!title) throw new NotAPodcastFeedError(`the feed at ${url} has no <title>`);
  const owner = child(channel, 'itunes:owner');
  const locked = child(channel, 'podcast:locked');
  const type = childText(channel, 'itunes:type')?.toLowerCase();
  const medium = childText(channel, 'podcast:medium');
  const rssImage = child(channel, 'image');
  const image =
    fileOf(child(channel, 'itunes:image'), url, 'href') ??
    (rssImage ? plainFile(childText(rssImage, 'url'), url) : undefined);
  const show: SourceShow = {
    title,
    subtitle: childText(channel, 'itunes:subtitle') ?? '',
    description: childText(channel, 'itunes:summary') ?? childText(channel, 'description') ?? title,
    language: childText(channel, 'language') ?? 'en',
    link: httpUrl(childText(channel, 'link'), url) ?? null,
    author: childText(channel, 'itunes:author') ?? childText(channel, 'managingEditor') ?? title,
    ownerName: (owner && childText(owner, 'itunes:name')) ?? null,
    ownerEmail: (owner && childText(owner, 'itunes:email')) ?? null,
    categories: categoriesOf(channel, warnings),
    explicit: isYes(childText(channel, 'itunes:explicit')),
    type: SHOW_TYPES.includes(type as ShowType) ? (type as ShowType) : 'episodic',
    copyright: childText(channel, 'copyright') ?? null,
    locked: isYes(locked?.text),
    lockedOwner: locked?.attributes.owner?.trim() || null,
    funding: fundingOf(channel, url),
    persons: personsOf(channel, url),
    podcastGuid: childText(channel, 'podcast:guid') ?? null,
    newFeedUrl: httpUrl(childText(channel, 'itunes:new-feed-url')) ?? null,
    complete: isYes(childText(channel, 'itunes:complete')),
    block: isYes(childText(channel, 'itunes:block')),
    medium: SHOW_MEDIUMS.includes(medium as ShowMedium) ? (medium as ShowMedium) : 'podcast',
  };
  return image ? { ...show, image } : show;
}

/** A file from a URL in element text (RSS 2.0 <image><url>). */
function plainFile(text: string | undefined, base: string) {
  const url = httpUrl(text, base);
  return url ? { url } : undefined;
}

/** itunes:category (with one nested subcategory), only Apple's, at most three. */
function categoriesOf(channel: XmlElement, warnings: string[]): ShowCategory[] {
  const categories: ShowCategory[] = [];
  for (const element of childrenNamed(channel, 'itunes:category')) {
    const category = element.attributes.text?.trim() ?? '';
    const sub = child(element, 'itunes:category')?.attributes.text?.trim();
    const problem = appleCategoryProblem(category, sub);
    if (problem) warnings.push(`category left out: ${problem}`);
    else if (categories.length < 3) categories.push(sub ? { category, subcategory: sub } : { category });
  }
  return categories;
}

/** podcast:funding: a URL and the text apps show for it (at most 128 characters, as the spec says). */
function fundingOf(channel: XmlElement, base: string): FundingLink[] {
  const links: FundingLink[] = [];
  for (const element of childrenNamed(channel, 'podcast:funding')) {
    const url = httpUrl(element.attributes.url, base);
    if (url) links.push({ url, title: element.text.trim().slice(0, 128) || 'Support the show' });
  }
  return links.slice(0, 10);
}
