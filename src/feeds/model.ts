// The models the feed renderers take: plain readonly data, every URL absolute, every time a Date.
// Every string is plain text unless its type is Html; which elements hold HTML is the renderers'
// business (README, Feeds: what is HTML and what is text).
import type { Html } from '../domain/html.ts';
import type {
  FundingLink,
  Person,
  PodrollItem,
  ShowCategory,
  ShowMedium,
  ShowType,
  TxtRecord,
  UpdateFrequency,
} from '../domain/vocabulary.ts';

export interface FeedAuthor {
  readonly name: string;
  readonly url?: string;
  readonly email?: string;
}

/** RFC 5005 paged-feed links of one format; `previous`/`next` absent at the ends. */
export interface FeedPages {
  readonly first: string;
  readonly last: string;
  readonly previous?: string;
  readonly next?: string;
}

export interface AudioAttachment {
  readonly url: string;
  readonly mimeType: string;
  readonly sizeBytes: number;
  readonly durationSeconds: number;
  readonly title: string;
}

export interface NewsItem {
  /** Stable id (a URN): never changes, whatever happens to the URL. */
  readonly id: string;
  readonly url: string;
  readonly title: string;
  /** Plain-text standfirst. */
  readonly summary: string;
  /** Sanitised HTML body; empty when there is none. */
  readonly contentHtml: Html;
  readonly authors: readonly FeedAuthor[];
  /** Section first, then tags. */
  readonly categories: readonly string[];
  readonly imageUrl?: string;
  readonly published: Date;
  readonly updated: Date;
  /** Paired episodes, in order: RSS takes the first as its enclosure, JSON Feed and Atom take all. */
  readonly audio: readonly AudioAttachment[];
}

export interface NewsFeed {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly language: string;
  /** The site (or section) page the feed mirrors. */
  readonly homeUrl: string;
  /** This document's own URL, in this format and page. */
  readonly selfUrl: string;
  readonly pages: FeedPages;
  /** Latest change among the items (never "now"). */
  readonly updated: Date;
  readonly generator: string;
  readonly iconUrl?: string;
  readonly items: readonly NewsItem[];
}

export interface Enclosure {
  readonly url: string;
  readonly sizeBytes: number;
  readonly mimeType: string;
}

export interface AlternateEnclosure extends Enclosure {
  readonly title: string;
  readonly bitrate?: number;
  readonly codecs?: string;
  readonly isDefault: boolean;
}

export interface PodcastItem {
  readonly guid: string;
  readonly title: string;
  readonly link: string;
  readonly published: Date;
  /** Plain-text summary. */
  readonly summary: string;
  /** Sanitised show notes; empty when there are none. */
  readonly contentHtml: Html;
  readonly enclosure: Enclosure;
  readonly durationSeconds: number;
  readonly episodeType: 'full' | 'trailer' | 'bonus';
  readonly season?: number;
  readonly episode?: number;
  readonly imageUrl?: string;
  readonly explicit: boolean;
  readonly block: boolean;
  readonly chaptersUrl?: string;
  /** The same chapters inline, for apps that read Podlove Simple Chapters (gPodder, AntennaPod). */
  readonly chapters?: readonly FeedChapter[];
  readonly transcript?: { readonly url: string; readonly mimeType: string; readonly language?: string };
  readonly persons: readonly Person[];
  readonly alternates: readonly AlternateEnclosure[];
}

export interface PodcastFeed {
  readonly selfUrl: string;
  readonly title: string;
  readonly subtitle: string;
  /** Plain text, at most 4000 bytes once escaped for the HTML the channel description holds. */
  readonly description: string;
  readonly language: string;
  readonly link: string;
  readonly author: string;
  readonly owner?: { readonly name?: string; readonly email?: string };
  readonly imageUrl?: string;
  readonly categories: readonly ShowCategory[];
  readonly explicit: boolean;
  readonly type: ShowType;
  readonly copyright?: string;
  readonly generator: string;
  /** Latest change to the show or its episodes. */
  readonly lastBuildDate: Date;
  /** Publication time of the newest episode. */
  readonly pubDate?: Date;
  readonly block: boolean;
  readonly complete: boolean;
  readonly newFeedUrl?: string;
  readonly podcastGuid: string;
  readonly locked: boolean;
  readonly funding: readonly FundingLink[];
  readonly persons: readonly Person[];
  readonly medium: ShowMedium;
  readonly txt: readonly TxtRecord[];
  readonly podroll: readonly PodrollItem[];
  readonly updateFrequency?: UpdateFrequency;
  /** Newest first. */
  readonly items: readonly PodcastItem[];
}

export interface OpmlOutline {
  readonly title: string;
  readonly type: 'rss';
  readonly xmlUrl: string;
  readonly htmlUrl: string;
  readonly description?: string;
}

export interface OpmlDocument {
  readonly title: string;
  readonly ownerName?: string;
  readonly dateModified: Date;
  readonly groups: readonly { readonly title: string; readonly outlines: readonly OpmlOutline[] }[];
}

/** A chapter as feeds carry it inline (Podlove Simple Chapters). */
export interface FeedChapter {
  readonly startSeconds: number;
  readonly title: string;
  readonly url?: string;
  readonly imageUrl?: string;
}
