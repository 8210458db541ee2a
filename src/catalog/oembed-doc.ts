// buildOembed: the oEmbed 1.0 "rich" response (https://oembed.com/) for an episode page, so CMSs and
// chat apps that are given an episode link embed its player.
import type { Database } from '../db/database.ts';
import { findLiveEpisode } from '../db/queries/episodes.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { mediaUrl } from './media-url.ts';
import { EMBED_SIZE, embedIframe } from './pages/embed-code.ts';
import { siteUrls } from './site-urls.ts';

export interface OembedRequest {
  readonly url: string;
  readonly maxWidth?: number;
  readonly maxHeight?: number;
}

export interface OembedContext {
  readonly db: Database;
  readonly baseUrl: string;
  readonly siteTitle: string;
  readonly now: Date;
}

/** The smallest width the player still works at. */
const MIN_WIDTH = 240;

/** Throws ValidationError for a URL outside this site, NotFoundError for one that is not a live episode. */
export async function buildOembed(ctx: OembedContext, request: OembedRequest) {
  const episodesRoot = `${ctx.baseUrl}/podcasts/`;
  if (!request.url.startsWith(episodesRoot)) {
    throw new ValidationError(`url must be an episode page of this site, under ${episodesRoot}`);
  }
  const [show, episode, ...rest] = request.url.slice(episodesRoot.length).split(/[?#]/)[0]?.split('/') ?? [];
  if (!show || !episode || rest.length > 0) throw new NotFoundError(`${request.url} is not an episode page`);
  const decode = (segment: string) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      throw new NotFoundError(`${request.url} is not an episode page`);
    }
  };
  const found = await findLiveEpisode(ctx.db, decode(show), decode(episode), ctx.now);
  if (!found) throw new NotFoundError(`there is no published episode at ${request.url}`);
  const urls = siteUrls(ctx.baseUrl);
  const width = Math.max(MIN_WIDTH, Math.min(EMBED_SIZE.width, request.maxWidth ?? EMBED_SIZE.width));
  const height = Math.min(EMBED_SIZE.height, request.maxHeight ?? EMBED_SIZE.height);
  const picture = found.image ?? found.artwork;
  return {
    version: '1.0',
    type: 'rich',
    title: found.episode.title,
    author_name: found.show.title,
    author_url: urls.show(found.show.slug),
    provider_name: ctx.siteTitle,
    provider_url: urls.home(),
    html: embedIframe(urls.embed(found.show.slug, found.episode.slug), found.episode.title, {
      width,
      height,
    }),
    width,
    height,
    ...(picture
      ? {
          thumbnail_url: mediaUrl(ctx.baseUrl, picture),
          thumbnail_width: picture.width ?? undefined,
          thumbnail_height: picture.height ?? undefined,
        }
      : {}),
  };
}
