// buildNewsFeed: a page of live articles (site-wide or one section) with their paired audio, as the news feed model.

import type { Database } from '../db/database.ts';
import { type ArticleWithSection, countLiveArticles, listLiveArticles } from '../db/queries/articles.ts';
import { liveEpisodesOfArticles, type PairedEpisode } from '../db/queries/pairing.ts';
import { findSectionBySlug } from '../db/queries/sections.ts';
import { NotFoundError } from '../errors.ts';
import type { NewsFeed, NewsItem } from '../feeds/model.ts';
import type { HtmlSanitizer } from './html-sanitizer.ts';
import { mediaUrl } from './media-url.ts';
import { type NewsFeedFormat, siteUrls } from './site-urls.ts';

export interface NewsFeedContext {
  readonly db: Database;
  readonly baseUrl: string;
  readonly siteTitle: string;
  readonly siteDescription: string;
  readonly language: string;
  readonly sanitize: HtmlSanitizer;
  readonly now: Date;
  readonly generator: string;
}

export interface NewsFeedRequest {
  readonly format: NewsFeedFormat;
  readonly sectionSlug?: string;
  readonly page: number;
  readonly pageSize: number;
}

/**
 * One article as a news feed item, with its paired episodes (in order) as audio. The feeds use it,
 * and so does the studio's preview of a draft: a draft has no publication time yet, so `published`
 * is when it would go out (`publishAt`, or the clock).
 */
export function newsItemOf(
  ctx: Pick<NewsFeedContext, 'baseUrl' | 'sanitize' | 'now'>,
  { article, section, image }: ArticleWithSection,
  paired: readonly PairedEpisode[],
): NewsItem {
  const urls = siteUrls(ctx.baseUrl);
  const published = article.publishedAt ?? ctx.now;
  return {
    id: article.guid,
    url: urls.article(article.slug),
    title: article.headline,
    summary: article.standfirst,
    contentHtml: ctx.sanitize(article.bodyHtml),
    authors: article.authors,
    categories: [section.name, ...article.tags],
    imageUrl: image ? mediaUrl(ctx.baseUrl, image) : undefined,
    published,
    updated: new Date(Math.max(article.updatedAt.getTime(), published.getTime())),
    // A subscribers-only show's audio is in its private feeds only.
    audio: paired
      .filter((p) => p.access === 'public')
      .map(({ episode, audio }) => ({
        url: mediaUrl(ctx.baseUrl, audio),
        mimeType: audio.mimeType,
        sizeBytes: audio.sizeBytes,
        durationSeconds: audio.durationSeconds ?? 0,
        title: episode.title,
      })),
  };
}

/** Throws NotFoundError for an unknown section or a page past the last. */
export async function buildNewsFeed(ctx: NewsFeedContext, request: NewsFeedRequest): Promise<NewsFeed> {
  const { format, sectionSlug, page, pageSize } = request;
  const section = sectionSlug === undefined ? undefined : await findSectionBySlug(ctx.db, sectionSlug);
  if (sectionSlug !== undefined && !section) throw new NotFoundError(`there is no section "${sectionSlug}"`);
  const total = await countLiveArticles(ctx.db, ctx.now, section?.id);
  const last = Math.max(1, Math.ceil(total / pageSize));
  if (page > last) throw new NotFoundError(`this feed has ${last} page(s); there is no page ${page}`);
  const rows = await listLiveArticles(ctx.db, {
    now: ctx.now,
    limit: pageSize,
    offset: (page - 1) * pageSize,
    sectionId: section?.id,
  });
  const paired = await liveEpisodesOfArticles(
    ctx.db,
    rows.map((r) => r.article.id),
    ctx.now,
  );
  const urls = siteUrls(ctx.baseUrl);
  const feedUrl = (p: number) => urls.newsFeed(format, section?.slug, p);

  const items = rows.map((row) => newsItemOf(ctx, row, paired.get(row.article.id) ?? []));

  return {
    id: urls.newsFeed(format, section?.slug),
    title: section ? `${ctx.siteTitle}: ${section.name}` : ctx.siteTitle,
    description: section?.description || ctx.siteDescription,
    language: ctx.language,
    homeUrl: section ? urls.section(section.slug) : urls.home(),
    selfUrl: feedUrl(page),
    pages: {
      first: feedUrl(1),
      last: feedUrl(last),
      previous: page > 1 ? feedUrl(page - 1) : undefined,
      next: page < last ? feedUrl(page + 1) : undefined,
    },
    updated: new Date(Math.max(0, ...items.map((i) => i.updated.getTime()))),
    generator: ctx.generator,
    items,
  };
}
