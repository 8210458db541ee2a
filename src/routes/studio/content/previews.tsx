/** @jsxImportSource hono/jsx */
// Previews before publishing: a draft article or episode through the public page renderer, and its feed item; signed-in only, noindex, never stored.
import { type Context, Hono } from 'hono';
import { getArticle } from '../../../catalog/editor/articles.ts';
import { getEpisode } from '../../../catalog/editor/episodes.ts';
import {
  loadArticlePreview,
  loadEpisodePagePreview,
  loadEpisodePreview,
} from '../../../catalog/studio/preview.ts';
import type { AppEnv } from '../../../deps.ts';
import { renderNewsRssItem } from '../../../feeds/news-rss.ts';
import { renderPodcastRssItem } from '../../../feeds/podcast-rss.ts';
import { sitePath } from '../../../http/studio-session.ts';
import { ArticleView } from '../../../pages/article.tsx';
import { EpisodeView } from '../../../pages/episode.tsx';
import { renderHtml, siteChrome } from '../../pages.tsx';
import { idParam, screen, screenAccess, studioContext, studioPageContext } from './screen.tsx';

/** Also sent as a header: a preview is never indexed, even if its URL leaks. */
const NOINDEX = { 'x-robots-tag': 'noindex, nofollow' };

function FeedItemPreview(props: {
  title: string;
  back: string;
  feed: string;
  xml?: string;
  missing?: string;
}) {
  return (
    <div class="screen">
      <p class="preview-banner" role="note">
        Preview: not published. <a href={props.back}>Back to editing</a>
      </p>
      <h1>{props.title}</h1>
      <p>
        The item as {props.feed} would carry it if it went out now (RSS shown; Atom and JSON Feed carry the
        same content).
      </p>
      {props.xml ? (
        <section aria-labelledby="feed-item-caption">
          <h2 id="feed-item-caption">The item’s XML</h2>
          {/* Focusable so a keyboard can scroll it (axe: scrollable-region-focusable). */}
          <pre class="feed-item" tabindex={0}>
            <code>{props.xml}</code>
          </pre>
        </section>
      ) : (
        <p>{props.missing}</p>
      )}
    </div>
  );
}

export function previewRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const editHref = (c: Context<AppEnv>, path: string) => `${sitePath(c)}/studio${path}`;

  // The public article page's own renderer, with a banner; only live episodes play, as readers would hear.
  routes.get('/articles/:id/preview', async (c) => {
    const id = idParam(c);
    const ctx = studioPageContext(c);
    const record = await getArticle(studioContext(c), id);
    screenAccess(c, record.article, `article ${id}`);
    const preview = await loadArticlePreview(ctx, id, record.episodeIds.length);
    const hidden = preview.hiddenEpisodes;
    const banner = (
      <p class="preview-banner" role="note">
        Preview: {record.article.status === 'published' ? 'as published' : 'not published'}.
        {hidden > 0 ? ` ${hidden} paired episode(s) are not published yet and are left out.` : ''}{' '}
        <a href={editHref(c, `/articles/${id}`)}>Back to editing</a>
      </p>
    );
    const html = await renderHtml(
      <ArticleView
        chrome={await siteChrome(c, ctx)}
        page={preview.page}
        timeZone={ctx.timeZone}
        preview={banner}
      />,
    );
    return c.html(html, 200, NOINDEX);
  });

  routes.get('/articles/:id/preview/feed', async (c) => {
    const id = idParam(c);
    const ctx = studioPageContext(c);
    const record = await getArticle(studioContext(c), id);
    screenAccess(c, record.article, `article ${id}`);
    const preview = await loadArticlePreview(ctx, id, record.episodeIds.length);
    c.header('x-robots-tag', NOINDEX['x-robots-tag']);
    return screen(
      c,
      { title: `Feed item preview: ${record.article.headline}`, current: 'articles' },
      <FeedItemPreview
        title={`Feed item: ${record.article.headline}`}
        back={editHref(c, `/articles/${id}`)}
        feed="the news feeds"
        xml={renderNewsRssItem(preview.item)}
      />,
    );
  });

  // The public episode page's own renderer, with a banner; only live articles are listed.
  routes.get('/episodes/:id/preview', async (c) => {
    const id = idParam(c);
    const record = await getEpisode(studioContext(c), id);
    screenAccess(c, record.episode, `episode ${id}`);
    const ctx = studioPageContext(c);
    const preview = await loadEpisodePagePreview(ctx, id);
    const back = <a href={editHref(c, `/episodes/${id}`)}>Back to editing</a>;
    if (!preview.page) {
      c.header('x-robots-tag', NOINDEX['x-robots-tag']);
      return screen(
        c,
        { title: `Page preview: ${preview.title}`, current: 'episodes' },
        <div class="screen">
          <p class="preview-banner" role="note">
            Preview: not published. {back}
          </p>
          <h1>Page: {preview.title}</h1>
          <p>
            No page yet: an episode's page is built around its player, which needs the audio. Upload it first.
          </p>
        </div>,
      );
    }
    const banner = (
      <p class="preview-banner" role="note">
        Preview: {record.episode.status === 'published' ? 'as published' : 'not published'}. {back}
      </p>
    );
    const html = await renderHtml(
      <EpisodeView
        chrome={await siteChrome(c, ctx)}
        page={preview.page}
        timeZone={ctx.timeZone}
        preview={banner}
      />,
    );
    return c.html(html, 200, NOINDEX);
  });

  routes.get('/episodes/:id/preview/feed', async (c) => {
    const id = idParam(c);
    screenAccess(c, (await getEpisode(studioContext(c), id)).episode, `episode ${id}`);
    const preview = await loadEpisodePreview(studioPageContext(c), id);
    c.header('x-robots-tag', NOINDEX['x-robots-tag']);
    return screen(
      c,
      { title: 'Feed item preview', current: 'episodes' },
      <FeedItemPreview
        title={preview.item ? `Feed item: ${preview.item.title}` : 'Feed item'}
        back={editHref(c, `/episodes/${id}`)}
        feed={`the podcast feed of ${preview.showTitle}`}
        xml={preview.item ? renderPodcastRssItem(preview.item) : undefined}
        missing="No item yet: a podcast feed item needs the episode's audio. Upload it first."
      />,
    );
  });

  return routes;
}
