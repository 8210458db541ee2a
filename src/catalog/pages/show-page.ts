// loadShowPage: a podcast show with its artwork, description, subscribe links and live episodes.
import { liveEpisodesOfShow } from '../../db/queries/episodes.ts';
import { findShowBySlug, listShows } from '../../db/queries/shows.ts';
import type { MediaAsset } from '../../db/schema.ts';
import { formatDuration, isoDuration } from '../../domain/duration.ts';
import type { EpisodeType } from '../../domain/vocabulary.ts';
import { NotFoundError } from '../../errors.ts';
import { mediaUrl } from '../media-url.ts';
import { siteUrls } from '../site-urls.ts';
import type { PageImage } from './article-page.ts';
import type { PageContext } from './page-context.ts';
import { type AppLink, subscribeLinks } from './subscribe-links.ts';

export interface EpisodeCard {
  readonly title: string;
  readonly url: string;
  readonly publishedAt: Date;
  readonly durationText: string;
  readonly isoDuration: string;
  readonly summary: string;
  readonly season: number | null;
  readonly number: number | null;
  readonly type: EpisodeType;
}

export interface ShowSummary {
  readonly slug: string;
  readonly url: string;
  readonly title: string;
  readonly subtitle: string;
  readonly description: string;
  readonly author: string;
  readonly language: string;
  readonly podcastGuid: string;
  readonly artwork?: PageImage;
  readonly feedUrl: string;
  /** Only subscribers' private feeds carry the show: no public feed to offer. */
  readonly subscribersOnly: boolean;
}

export interface ShowPage extends ShowSummary {
  readonly subscribe: readonly AppLink[];
  readonly categories: readonly string[];
  readonly explicit: boolean;
  readonly funding: readonly { readonly url: string; readonly title: string }[];
  readonly serial: boolean;
  /** Episodic shows newest first; serial shows in their order, as podcast apps list them. */
  readonly episodes: readonly EpisodeCard[];
}

function artworkImage(baseUrl: string, title: string, artwork: MediaAsset | null): PageImage | undefined {
  return artwork
    ? {
        url: mediaUrl(baseUrl, artwork),
        alt: `Artwork of ${title}`,
        width: artwork.width,
        height: artwork.height,
        mimeType: artwork.mimeType,
      }
    : undefined;
}

function summarise(
  baseUrl: string,
  show: {
    slug: string;
    title: string;
    access: 'public' | 'subscribers';
    subtitle: string;
    description: string;
    author: string;
    language: string;
    podcastGuid: string;
  },
  artwork: MediaAsset | null,
): ShowSummary {
  const urls = siteUrls(baseUrl);
  return {
    slug: show.slug,
    url: urls.show(show.slug),
    title: show.title,
    subtitle: show.subtitle,
    description: show.description,
    author: show.author,
    language: show.language,
    podcastGuid: show.podcastGuid,
    artwork: artworkImage(baseUrl, show.title, artwork),
    feedUrl: urls.podcastFeed(show.slug),
    subscribersOnly: show.access === 'subscribers',
  };
}

export async function loadShowsIndex(ctx: PageContext): Promise<ShowSummary[]> {
  return (await listShows(ctx.db)).map(({ show, artwork }) => summarise(ctx.baseUrl, show, artwork));
}

/** Throws NotFoundError for an unknown show. */
export async function loadShowPage(ctx: PageContext, slug: string): Promise<ShowPage> {
  const found = await findShowBySlug(ctx.db, slug);
  if (!found) throw new NotFoundError(`there is no podcast "${slug}"`);
  const { show, artwork } = found;
  const urls = siteUrls(ctx.baseUrl);
  const rows = await liveEpisodesOfShow(ctx.db, show.id, ctx.now);
  const serial = show.type === 'serial';
  const ordered = serial
    ? [...rows].sort(
        (a, b) =>
          (a.episode.season ?? 0) - (b.episode.season ?? 0) ||
          (a.episode.number ?? 0) - (b.episode.number ?? 0) ||
          a.episode.id - b.episode.id,
      )
    : rows;
  const summary = summarise(ctx.baseUrl, show, artwork);
  return {
    ...summary,
    subscribe: summary.subscribersOnly ? [] : subscribeLinks(summary.feedUrl),
    categories: show.categories.map((c) => (c.subcategory ? `${c.category} › ${c.subcategory}` : c.category)),
    explicit: show.explicit,
    funding: show.funding,
    serial,
    episodes: ordered.map(({ episode, audio }) => ({
      title: episode.title,
      url: urls.episode(show.slug, episode.slug),
      publishedAt: episode.publishedAt as Date,
      durationText: formatDuration(audio.durationSeconds ?? 0),
      isoDuration: isoDuration(audio.durationSeconds ?? 0),
      summary: episode.summary,
      season: episode.season,
      number: episode.number,
      type: episode.type,
    })),
  };
}
