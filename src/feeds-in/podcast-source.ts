// The import model: a podcast feed as read from another host, before podwire decides anything about it.
import type {
  EpisodeType,
  FundingLink,
  Person,
  ShowCategory,
  ShowMedium,
  ShowType,
} from '../domain/vocabulary.ts';

export interface SourceFile {
  readonly url: string;
  /** What the feed says it is: kept only to choose among several, never trusted. */
  readonly type?: string;
}

export interface SourceEpisode {
  /** The item's guid exactly as written (the enclosure URL when it has none). */
  readonly guid: string;
  readonly title: string;
  /** Plain text (itunes:summary, else the description without its markup). */
  readonly summary: string;
  /** Show notes as the feed has them (content:encoded, else description): sanitised when stored. */
  readonly contentHtml: string;
  /** pubDate as milliseconds since 1970, or null when absent or unreadable. */
  readonly publishedAt: number | null;
  readonly season: number | null;
  readonly number: number | null;
  readonly type: EpisodeType;
  readonly explicit: boolean | null;
  readonly block: boolean;
  readonly persons: readonly Person[];
  readonly image?: SourceFile;
  readonly audio?: SourceFile;
  readonly transcript?: SourceFile;
  readonly chapters?: SourceFile;
  /** itunes:duration as written (seconds), only to report how far it was from the probed truth. */
  readonly declaredDurationSeconds: number | null;
}

export interface SourceShow {
  readonly title: string;
  readonly subtitle: string;
  readonly description: string;
  readonly language: string;
  readonly link: string | null;
  readonly author: string;
  readonly ownerName: string | null;
  readonly ownerEmail: string | null;
  readonly image?: SourceFile;
  readonly categories: readonly ShowCategory[];
  readonly explicit: boolean;
  readonly type: ShowType;
  readonly copyright: string | null;
  readonly locked: boolean;
  /** podcast:locked's owner attribute, when the feed gives one. */
  readonly lockedOwner: string | null;
  readonly funding: readonly FundingLink[];
  readonly persons: readonly Person[];
  readonly podcastGuid: string | null;
  readonly newFeedUrl: string | null;
  readonly complete: boolean;
  readonly block: boolean;
  readonly medium: ShowMedium;
}

export interface SourceFeed {
  readonly show: SourceShow;
  readonly episodes: readonly SourceEpisode[];
  /** What was read but not kept (an unknown category, an item without audio). */
  readonly warnings: readonly string[];
}
