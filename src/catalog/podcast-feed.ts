// buildPodcastFeed: a show and all its live episodes, joined with their media, as the podcast feed model.
import type { Database } from '../db/database.ts';
import {
  type AlternateAsset,
  alternatesOfShow,
  type EpisodeWithAssets,
  liveEpisodesOfShow,
} from '../db/queries/episodes.ts';
import { findShowBySlug } from '../db/queries/shows.ts';
import type { MediaAsset, Show } from '../db/schema.ts';
import { htmlFromText } from '../domain/html.ts';
import { truncateUtf8, utf8ByteLength } from '../domain/text.ts';
import { NotFoundError } from '../errors.ts';
import type { AlternateEnclosure, PodcastFeed, PodcastItem } from '../feeds/model.ts';
import type { HtmlSanitizer } from './html-sanitizer.ts';
import { mediaUrl } from './media-url.ts';
import { siteUrls } from './site-urls.ts';

export const APPLE_DESCRIPTION_BYTES = 4000;

export interface PodcastFeedContext {
  readonly db: Database;
  readonly baseUrl: string;
  readonly sanitize: HtmlSanitizer;
  readonly now: Date;
  readonly generator: string;
}

/**
 * The show description, cut so that the channel description fits Apple's 4000 bytes as it goes out:
 * escaped for HTML, where an `&` takes five bytes.
 */
export function fitAppleDescription(text: string): string {
  return truncateUtf8(text, APPLE_DESCRIPTION_BYTES, (part) => utf8ByteLength(htmlFromText(part)));
}

const latest = (dates: readonly (Date | null | undefined)[]) =>
  new Date(Math.max(0, ...dates.map((d) => d?.getTime() ?? 0)));

/**
 * One episode as a podcast feed item. The feed uses it, and so does the studio's preview of a draft:
 * a draft has no publication time yet, so `published` is when it would go out (or the clock).
 */
export function podcastItemOf(
  ctx: Pick<PodcastFeedContext, 'baseUrl' | 'sanitize' | 'now'>,
  show: Show,
  { episode, audio, image, transcript, chapters }: EpisodeWithAssets,
  alts: readonly AlternateAsset[],
): PodcastItem {
  const urls = siteUrls(ctx.baseUrl);
  const media = (asset: Pick<MediaAsset, 'key' | 'sha256'>) => mediaUrl(ctx.baseUrl, asset);
  const alternateEnclosures: AlternateEnclosure[] =
    alts.length === 0
      ? []
      : [
          {
            url: media(audio),
            sizeBytes: audio.sizeBytes,
            mimeType: audio.mimeType,
            title: '',
            bitrate: audio.bitrate ?? undefined,
            isDefault: true,
          },
          ...alts.map(({ asset, title }) => ({
            url: media(asset),
            sizeBytes: asset.sizeBytes,
            mimeType: asset.mimeType,
            title,
            bitrate: asset.bitrate ?? undefined,
            isDefault: false,
          })),
        ];
  // An editor's chapters document wins; otherwise the chapters found in the audio, served by podwire.
  const chaptersUrl = chapters
    ? media(chapters)
    : audio.chapters.length > 0
      ? urls.chapters(show.slug, episode.slug)
      : undefined;
  return {
    guid: episode.guid,
    title: episode.title,
    link: urls.episode(show.slug, episode.slug),
    published: episode.publishedAt ?? ctx.now,
    summary: episode.summary,
    contentHtml: ctx.sanitize(episode.contentHtml),
    enclosure: { url: media(audio), sizeBytes: audio.sizeBytes, mimeType: audio.mimeType },
    durationSeconds: audio.durationSeconds ?? 0,
    episodeType: episode.type,
    season: episode.season ?? undefined,
    episode: episode.number ?? undefined,
    imageUrl: image ? media(image) : undefined,
    explicit: episode.explicit ?? show.explicit,
    block: episode.block,
    chaptersUrl,
    // The chapters behind chaptersUrl, inline (a chapters file recorded before they were stored: none).
    chapters: chapters ? chapters.chapters : audio.chapters,
    transcript: transcript
      ? { url: media(transcript), mimeType: transcript.mimeType, language: show.language }
      : undefined,
    persons: episode.persons,
    alternates: alternateEnclosures,
  };
}

/** Throws NotFoundError for an unknown show. Every live episode is included: no truncation. */
export async function buildPodcastFeed(ctx: PodcastFeedContext, showSlug: string): Promise<PodcastFeed> {
  const found = await findShowBySlug(ctx.db, showSlug);
  if (!found) throw new NotFoundError(`there is no podcast "${showSlug}"`);
  const { show, artwork } = found;
  const [rows, alternates] = await Promise.all([
    liveEpisodesOfShow(ctx.db, show.id, ctx.now),
    alternatesOfShow(ctx.db, show.id),
  ]);
  const urls = siteUrls(ctx.baseUrl);
  const media = (asset: Pick<MediaAsset, 'key' | 'sha256'>) => mediaUrl(ctx.baseUrl, asset);

  const items = rows.map((row) => podcastItemOf(ctx, show, row, alternates.get(row.episode.id) ?? []));

  return {
    selfUrl: urls.podcastFeed(show.slug),
    title: show.title,
    subtitle: show.subtitle,
    // Apple Podcasts: at most 4000 bytes.
    description: fitAppleDescription(show.description),
    language: show.language,
    link: show.link ?? urls.show(show.slug),
    author: show.author,
    owner:
      show.ownerName || show.ownerEmail
        ? { name: show.ownerName ?? undefined, email: show.ownerEmail ?? undefined }
        : undefined,
    imageUrl: artwork ? media(artwork) : undefined,
    categories: show.categories,
    explicit: show.explicit,
    // Apple rejects a serial feed with an unnumbered episode; such a feed goes out as episodic (the
    // admin API refuses to publish one, so this only guards data written by other means).
    type: show.type === 'serial' && items.some((item) => item.episode === undefined) ? 'episodic' : show.type,
    copyright: show.copyright ?? undefined,
    generator: ctx.generator,
    lastBuildDate: latest([
      show.updatedAt,
      artwork?.createdAt,
      ...rows.flatMap((r) => [r.episode.updatedAt, r.episode.publishedAt, r.audio.createdAt]),
    ]),
    pubDate: rows[0]?.episode.publishedAt ?? undefined,
    block: show.block,
    complete: show.complete,
    newFeedUrl: show.newFeedUrl ?? undefined,
    podcastGuid: show.podcastGuid,
    locked: show.locked,
    funding: show.funding,
    persons: show.persons,
    medium: show.medium,
    txt: show.txt,
    podroll: show.podroll,
    updateFrequency: show.updateFrequency ?? undefined,
    items,
  };
}

/** Where a show's feed moved (`itunes:new-feed-url`), or null while it stays here (or no such show). */
export async function findNewFeedUrl(db: Database, showSlug: string): Promise<string | null> {
  return (await findShowBySlug(db, showSlug))?.show.newFeedUrl ?? null;
}
