// Previews of unpublished work: a draft article through the public page and news feed item, a draft episode through its page and podcast feed item.
import { eq } from 'drizzle-orm';
import type { ArticleWithSection } from '../../db/queries/articles.ts';
import { liveEpisodesOfArticles } from '../../db/queries/pairing.ts';
import { articles, mediaAssets, sections } from '../../db/schema.ts';
import { NotFoundError } from '../../errors.ts';
import type { NewsItem, PodcastItem } from '../../feeds/model.ts';
import { getEpisode } from '../editor/episodes.ts';
import { getShow } from '../editor/shows.ts';
import { newsItemOf } from '../news-feed.ts';
import { type ArticlePage, articlePageOf } from '../pages/article-page.ts';
import { type EpisodePage, episodePageOf } from '../pages/episode-page.ts';
import type { PageContext } from '../pages/page-context.ts';
import { podcastItemOf } from '../podcast-feed.ts';

export interface ArticlePreview {
  readonly page: ArticlePage;
  readonly item: NewsItem;
  /** Paired episodes readers will not hear yet (drafts, scheduled later, no audio): left out of both. */
  readonly hiddenEpisodes: number;
}

async function articleById(ctx: PageContext, id: number): Promise<ArticleWithSection> {
  const [row] = await ctx.db
    .select({ article: articles, section: sections, image: mediaAssets })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(mediaAssets, eq(mediaAssets.id, articles.imageAssetId))
    .where(eq(articles.id, id));
  if (!row) throw new NotFoundError(`there is no article ${id}`);
  return row;
}

/**
 * The article as readers would get it if it went out now (or at its scheduled time): the page the
 * site renders and the item its news feeds carry, from the same loaders and renderers.
 */
export async function loadArticlePreview(
  ctx: PageContext,
  id: number,
  pairedCount: number,
): Promise<ArticlePreview> {
  const found = await articleById(ctx, id);
  const [page, paired] = await Promise.all([
    articlePageOf(ctx, found),
    liveEpisodesOfArticles(ctx.db, [id], ctx.now),
  ]);
  const live = paired.get(id) ?? [];
  return { page, item: newsItemOf(ctx, found, live), hiddenEpisodes: pairedCount - live.length };
}

export interface EpisodePreview {
  /** Absent until the episode has audio: a feed item needs its enclosure. */
  readonly item?: PodcastItem;
  readonly showTitle: string;
}

/** The episode as its show's podcast feed would carry it if it went out now. */
export async function loadEpisodePreview(ctx: PageContext, id: number): Promise<EpisodePreview> {
  const editor = { db: ctx.db, baseUrl: ctx.baseUrl, now: ctx.now };
  const record = await getEpisode(editor, id);
  const { show } = await getShow(editor, record.episode.showId);
  if (!record.audio) return { showTitle: show.title };
  const item = podcastItemOf(
    ctx,
    show,
    {
      episode: record.episode,
      audio: record.audio,
      image: record.image,
      transcript: record.transcript,
      chapters: record.chapters,
    },
    record.alternates.map(({ asset, title }, position) => ({ episodeId: id, position, title, asset })),
  );
  return { item, showTitle: show.title };
}

export interface EpisodePagePreview {
  /** Absent until the episode has audio: the page is built around its player. */
  readonly page?: EpisodePage;
  readonly title: string;
}

/** The episode's public page as readers would get it if it went out now (or at its scheduled time). */
export async function loadEpisodePagePreview(ctx: PageContext, id: number): Promise<EpisodePagePreview> {
  const editor = { db: ctx.db, baseUrl: ctx.baseUrl, now: ctx.now };
  const record = await getEpisode(editor, id);
  if (!record.audio) return { title: record.episode.title };
  const { show, artwork } = await getShow(editor, record.episode.showId);
  const page = await episodePageOf(ctx, {
    episode: record.episode,
    audio: record.audio,
    image: record.image,
    transcript: record.transcript,
    chapters: record.chapters,
    show,
    artwork,
  });
  return { page, title: record.episode.title };
}
