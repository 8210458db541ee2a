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

/** Who may hear a show: everyone, or only holders of a private subscriber feed. */
export const SHOW_ACCESS = ['public', 'subscribers'] as const;
export type ShowAccess = (typeof SHOW_ACCESS)[number];

/** `podcast:liveItem status`. */
export const LIVE_STATUSES = ['pending', 'live', 'ended'] as const;
export type LiveStatus = (typeof LIVE_STATUSES)[number];

/** `podcast:soundbite`: a 15–120 s moment apps may play as a preview. */
export interface Soundbite {
  startSeconds: number;
  durationSeconds: number;
  title?: string;
}
/** `podcast:socialInteract`: where listeners discuss an episode (`disabled`: nowhere). */
export interface SocialInteract {
  protocol: string;
  uri?: string;
  accountId?: string;
  accountUrl?: string;
  priority?: number;
}
/** `podcast:license`: an SPDX identifier or a named licence with its URL. */
export interface License {
  name: string;
  url?: string;
}
/** `podcast:location`: a place the content is about (or recorded in), with a geo URI and an OSM id. */
export interface Location {
  name: string;
  rel?: 'subject' | 'creator';
  geo?: string;
  osm?: string;
  country?: string;
}
