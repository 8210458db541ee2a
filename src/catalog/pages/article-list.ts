// loadArticleList: a page of live articles (the whole site, or one section), newest first, with their audio.
import { countLiveArticles, listLiveArticles } from '../../db/queries/articles.ts';
import { liveEpisodesOfArticles } from '../../db/queries/pairing.ts';
import { findSectionBySlug } from '../../db/queries/sections.ts';
import { formatDuration } from '../../domain/duration.ts';
import { NotFoundError } from '../../errors.ts';
import { siteUrls } from '../site-urls.ts';
import type { PageContext } from './page-context.ts';
import { type FeedLink, newsFeedLinks } from './site-chrome.ts';

export interface ArticleCard {
  readonly slug: string;
  readonly url: string;
  readonly headline: string;
  readonly standfirst: string;
  readonly publishedAt: Date;
  readonly section: { readonly slug: string; readonly name: string; readonly url: string };
  /** The paired episodes' titles and lengths: the mark for articles that carry audio. */
  readonly episodes: readonly { readonly title: string; readonly durationText: string }[];
}

export interface ArticleList {
  readonly section?: {
    readonly slug: string;
    readonly name: string;
    readonly description: string;
    readonly url: string;
  };
  readonly articles: readonly ArticleCard[];
  readonly page: number;
  readonly lastPage: number;
  readonly total: number;
  /** The listing's own feeds (a section's), for autodiscovery and links; empty for the home page. */
  readonly feeds: readonly FeedLink[];
  /** The URL of page `n` of this listing. */
  readonly pageUrl: (n: number) => string;
}

/** Throws NotFoundError for an unknown section, or a page past the last (page 1 always exists). */
export async function loadArticleList(
  ctx: PageContext,
  options: { sectionSlug?: string; page: number; pageSize: number },
): Promise<ArticleList> {
  const urls = siteUrls(ctx.baseUrl);
  const section =
    options.sectionSlug === undefined ? undefined : await findSectionBySlug(ctx.db, options.sectionSlug);
  if (options.sectionSlug !== undefined && !section)
    throw new NotFoundError(`there is no section "${options.sectionSlug}"`);
  const [rows, total] = await Promise.all([
    listLiveArticles(ctx.db, {
      now: ctx.now,
      limit: options.pageSize,
      offset: (options.page - 1) * options.pageSize,
      sectionId: section?.id,
    }),
    countLiveArticles(ctx.db, ctx.now, section?.id),
  ]);
  const lastPage = Math.max(1, Math.ceil(total / options.pageSize));
  if (options.page > lastPage)
    throw new NotFoundError(`there is no page ${options.page}: the last is ${lastPage}`);
  const paired = await liveEpisodesOfArticles(
    ctx.db,
    rows.map((r) => r.article.id),
    ctx.now,
  );
  const base = section ? urls.section(section.slug) : urls.home();
  return {
    section: section && {
      slug: section.slug,
      name: section.name,
      description: section.description,
      url: urls.section(section.slug),
    },
    page: options.page,
    lastPage,
    total,
    feeds: section ? newsFeedLinks(ctx.baseUrl, `${ctx.siteTitle}: ${section.name}`, section.slug) : [],
    pageUrl: (n) => (n === 1 ? base : `${base}?page=${n}`),
    articles: rows.map(({ article, section: s }) => ({
      slug: article.slug,
      url: urls.article(article.slug),
      headline: article.headline,
      standfirst: article.standfirst,
      publishedAt: article.publishedAt as Date, // live articles always have one (schema CHECK)
      section: { slug: s.slug, name: s.name, url: urls.section(s.slug) },
      episodes: (paired.get(article.id) ?? []).map(({ episode, audio }) => ({
        title: episode.title,
        durationText: formatDuration(audio.durationSeconds ?? 0),
      })),
    })),
  };
}
