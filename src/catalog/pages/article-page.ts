// loadArticlePage: one live article with its section, body, image and its podcast episodes in order.
import { type ArticleWithSection, findArticleBySlug } from '../../db/queries/articles.ts';
import { episodeExtrasOfArticle, liveEpisodesOfArticles } from '../../db/queries/pairing.ts';
import { listShows } from '../../db/queries/shows.ts';
import { isLiveRecord } from '../../db/queries/visibility.ts';
import type { Html } from '../../domain/html.ts';
import type { Author } from '../../domain/vocabulary.ts';
import { NotFoundError } from '../../errors.ts';
import { mediaUrl } from '../media-url.ts';
import { siteUrls } from '../site-urls.ts';
import { loadPlayers, type PlayerSource } from './episode-players.ts';
import type { PageContext } from './page-context.ts';
import type { PlayerModel } from './player-model.ts';
import { type FeedLink, podcastFeedLink } from './site-chrome.ts';

export interface PageImage {
  readonly url: string;
  readonly alt: string;
  readonly width: number | null;
  readonly height: number | null;
  readonly mimeType: string;
}

export interface ArticlePage {
  readonly url: string;
  readonly guid: string;
  readonly headline: string;
  readonly standfirst: string;
  /** Sanitised: safe to insert as HTML. */
  readonly bodyHtml: Html;
  readonly authors: readonly Author[];
  readonly tags: readonly string[];
  readonly section: { readonly slug: string; readonly name: string; readonly url: string };
  readonly publishedAt: Date;
  readonly updatedAt: Date;
  readonly image?: PageImage;
  readonly episodes: readonly PlayerModel[];
  /** The podcast feeds of the shows its episodes come from. */
  readonly feeds: readonly FeedLink[];
}

/** Throws NotFoundError unless the article exists and is live (drafts and future ones are invisible). */
export async function loadArticlePage(ctx: PageContext, slug: string): Promise<ArticlePage> {
  const found = await findArticleBySlug(ctx.db, slug);
  if (!found || !isLiveRecord(found.article, ctx.now))
    throw new NotFoundError(`there is no article "${slug}"`);
  return articlePageOf(ctx, found);
}

/**
 * The page of an article, live or not: the public page reads it through loadArticlePage, and the
 * studio's preview of a draft directly (dated when it would go out: its scheduled time, or now).
 * Only live episodes are shown, as readers would see them.
 */
export async function articlePageOf(ctx: PageContext, found: ArticleWithSection): Promise<ArticlePage> {
  const { article, section, image } = found;
  const urls = siteUrls(ctx.baseUrl);
  const [paired, shows, extras] = await Promise.all([
    liveEpisodesOfArticles(ctx.db, [article.id], ctx.now),
    listShows(ctx.db),
    episodeExtrasOfArticle(ctx.db, article.id),
  ]);
  const showsById = new Map(shows.map((s) => [s.show.id, s]));
  const extra = (id: number | null) => (id === null ? null : (extras.get(id) ?? null));
  const sources: PlayerSource[] = [];
  const feeds = new Map<string, FeedLink>();
  for (const { episode, audio } of paired.get(article.id) ?? []) {
    const found = showsById.get(episode.showId);
    if (!found) continue;
    sources.push({
      show: found.show,
      showArtwork: found.artwork,
      episode,
      audio,
      image: extra(episode.imageAssetId),
      chaptersFile: extra(episode.chaptersAssetId),
    });
    if (found.show.access === 'public') feeds.set(found.show.slug, podcastFeedLink(ctx.baseUrl, found.show));
  }
  const episodes = distinctAnchors(await loadPlayers(ctx, sources));
  return {
    url: urls.article(article.slug),
    guid: article.guid,
    headline: article.headline,
    standfirst: article.standfirst,
    bodyHtml: ctx.sanitize(article.bodyHtml),
    authors: article.authors,
    tags: article.tags,
    section: { slug: section.slug, name: section.name, url: urls.section(section.slug) },
    publishedAt: article.publishedAt ?? ctx.now,
    updatedAt: article.updatedAt,
    image: image
      ? {
          url: mediaUrl(ctx.baseUrl, image),
          alt: article.imageAlt,
          width: image.width,
          height: image.height,
          mimeType: image.mimeType,
        }
      : undefined,
    episodes,
    feeds: [...feeds.values()],
  };
}

/**
 * Episodes of different shows may share a slug: the later ones then get `-2`, `-3`… (in pairing
 * order, so a shared link keeps naming the same player), and each fragment id names one player.
 */
function distinctAnchors(players: readonly PlayerModel[]): PlayerModel[] {
  const seen = new Set<string>();
  return players.map((player) => {
    let anchor = player.anchor;
    for (let n = 2; seen.has(anchor); n++) anchor = `${player.anchor}-${n}`;
    seen.add(anchor);
    return anchor === player.anchor ? player : { ...player, anchor };
  });
}
