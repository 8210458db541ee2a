// The catalogue's fixed vocabularies (statuses, types, mediums) and the shapes of its structured fields.

/** Publication states shared by articles and episodes. `scheduled` items go live at `published_at`. */
export const PUBLICATION_STATUSES = ['draft', 'scheduled', 'published'] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];

/** Apple Podcasts `itunes:type`. */
export const SHOW_TYPES = ['episodic', 'serial'] as const;
export type ShowType = (typeof SHOW_TYPES)[number];

/** Apple Podcasts `itunes:episodeType`. */
export const EPISODE_TYPES = ['full', 'trailer', 'bonus'] as const;
export type EpisodeType = (typeof EPISODE_TYPES)[number];

/** Podcast Index `podcast:medium` values. */
export const SHOW_MEDIUMS = [
  'podcast',
  'music',
  'video',
  'film',
  'audiobook',
  'newsletter',
  'blog',
  'podcastL',
  'musicL',
  'videoL',
  'filmL',
  'audiobookL',
  'newsletterL',
  'blogL',
  'publisher',
  'course',
  'courseL',
] as const;
export type ShowMedium = (typeof SHOW_MEDIUMS)[number];

export interface Person {
  name: string;
  role?: string;
  group?: string;
  url?: string;
  imageUrl?: string;
}
export interface Author {
  name: string;
  url?: string;
  email?: string;
}
/** One Apple Podcasts category, optionally with one subcategory from Apple's list. */
export interface ShowCategory {
  category: string;
  subcategory?: string;
}
export interface FundingLink {
  url: string;
  title: string;
}
export interface TxtRecord {
  value: string;
  purpose?: string;
}
export interface PodrollItem {
  feedGuid: string;
  feedUrl?: string;
}
export interface UpdateFrequency {
  rrule: string;
  label: string;
  complete?: boolean;
  dtstart?: string;
}
/** A chapter as found in the audio file (ID3 CHAP, MP4) or supplied by an editor. */
export interface Chapter {
  title: string;
  startSeconds: number;
  endSeconds?: number;
  /** A web page about the chapter (JSON chapters `url`, ID3 CHAP's WXXX). */
  url?: string;
  /** The chapter's image (JSON chapters `img`). */
  imageUrl?: string;
}
