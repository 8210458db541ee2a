// loadArticlePage: one live article with its section, body, image and its podcast episodes in order.
import { type ArticleWithSection, findArticleBySlug } from '../../db/queries/articles.ts';
import { liveEpisodesOfArticles } from '../../db/queries/pairing.ts';
import { listShows } from '../../db/queries/shows.ts';
import { isLiveRecord } from '../../db/queries/visibility.ts';
import type { Html } from '../../domain/html.ts';
import type { Author } from '../../domain/vocabulary.ts';
import { NotFoundError } from '../../errors.ts';
import { mediaUrl } from '../media-url.ts';
import { siteUrls } from '../site-urls.ts';
import type { PageContext } from './page-context.ts';
import { mediaPresence, type PlayerModel, playerModel } from './player-model.ts';
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
  const [paired, shows] = await Promise.all([
    liveEpisodesOfArticles(ctx.db, [article.id], ctx.now),
    listShows(ctx.db),
  ]);
  const rows = paired.get(article.id) ?? [];
  const showsById = new Map(shows.map(({ show }) => [show.id, show]));
  const present = await mediaPresence(
    ctx,
    rows.map((r) => r.audio.key),
  );
  const episodes: PlayerModel[] = [];
  const feeds = new Map<string, FeedLink>();
  for (const { episode, audio } of rows) {
    const show = showsById.get(episode.showId);
    if (!show) continue;
    episodes.push(playerModel(ctx.baseUrl, show, episode, audio, present.has(audio.key)));
    if (show.access === 'public') feeds.set(show.slug, podcastFeedLink(ctx.baseUrl, show));
  }
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
