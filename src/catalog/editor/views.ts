// API views: the JSON the admin API returns for each record, with absolute URLs and ISO times.
import type { Article, Episode, MediaAsset, Section, Show } from '../../db/schema.ts';
import { formatDuration } from '../../domain/duration.ts';
import { mediaUrl } from '../media-url.ts';
import { siteUrls } from '../site-urls.ts';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function sectionView(baseUrl: string, section: Section) {
  return {
    id: section.id,
    slug: section.slug,
    name: section.name,
    description: section.description,
    position: section.position,
    url: siteUrls(baseUrl).section(section.slug),
    createdAt: section.createdAt.toISOString(),
    updatedAt: section.updatedAt.toISOString(),
  };
}

const imageOf = (baseUrl: string, asset: MediaAsset | null) =>
  asset ? { url: mediaUrl(baseUrl, asset), width: asset.width, height: asset.height } : null;

const assetOf = (baseUrl: string, asset: MediaAsset | null) =>
  asset
    ? { id: asset.id, url: mediaUrl(baseUrl, asset), mimeType: asset.mimeType, sizeBytes: asset.sizeBytes }
    : null;

export function articleView(
  baseUrl: string,
  article: Article,
  image: MediaAsset | null,
  episodeIds: number[],
) {
  return {
    id: article.id,
    slug: article.slug,
    guid: article.guid,
    headline: article.headline,
    standfirst: article.standfirst,
    bodyHtml: article.bodyHtml,
    authors: article.authors,
    sectionId: article.sectionId,
    tags: article.tags,
    image: imageOf(baseUrl, image),
    imageAlt: article.imageAlt,
    status: article.status,
    publishedAt: iso(article.publishedAt),
    episodeIds,
    url: siteUrls(baseUrl).article(article.slug),
    createdAt: article.createdAt.toISOString(),
    updatedAt: article.updatedAt.toISOString(),
  };
}

export function showView(baseUrl: string, show: Show, artwork: MediaAsset | null) {
  const urls = siteUrls(baseUrl);
  const { artworkAssetId: _artwork, version: _version, ...fields } = show;
  return {
    ...fields,
    link: show.link ?? undefined,
    ownerName: show.ownerName ?? undefined,
    ownerEmail: show.ownerEmail ?? undefined,
    copyright: show.copyright ?? undefined,
    artwork: imageOf(baseUrl, artwork),
    feedUrl: urls.podcastFeed(show.slug),
    url: urls.show(show.slug),
    createdAt: show.createdAt.toISOString(),
    updatedAt: show.updatedAt.toISOString(),
  };
}

export interface EpisodeAssets {
  readonly audio: MediaAsset | null;
  readonly image: MediaAsset | null;
  readonly transcript: MediaAsset | null;
  readonly chapters: MediaAsset | null;
  readonly alternates: readonly { asset: MediaAsset; title: string }[];
}

export function episodeView(baseUrl: string, showSlug: string, episode: Episode, assets: EpisodeAssets) {
  const { audio } = assets;
  return {
    id: episode.id,
    showId: episode.showId,
    slug: episode.slug,
    guid: episode.guid,
    title: episode.title,
    summary: episode.summary,
    contentHtml: episode.contentHtml,
    season: episode.season,
    number: episode.number,
    type: episode.type,
    explicit: episode.explicit,
    block: episode.block,
    persons: episode.persons,
    soundbites: episode.soundbites,
    socialInteract: episode.socialInteract,
    license: episode.license,
    location: episode.location,
    status: episode.status,
    publishedAt: iso(episode.publishedAt),
    audio:
      audio && audio.durationSeconds !== null
        ? {
            ...(assetOf(baseUrl, audio) as NonNullable<ReturnType<typeof assetOf>>),
            durationSeconds: audio.durationSeconds,
            durationText: formatDuration(audio.durationSeconds),
            codec: audio.codec,
            bitrate: audio.bitrate,
          }
        : null,
    image: assetOf(baseUrl, assets.image),
    transcript: assetOf(baseUrl, assets.transcript),
    chapters: assetOf(baseUrl, assets.chapters),
    alternates: assets.alternates.map(({ asset, title }) => ({
      ...(assetOf(baseUrl, asset) as NonNullable<ReturnType<typeof assetOf>>),
      title,
    })),
    url: siteUrls(baseUrl).episode(showSlug, episode.slug),
    createdAt: episode.createdAt.toISOString(),
    updatedAt: episode.updatedAt.toISOString(),
  };
}
