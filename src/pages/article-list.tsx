/** @jsxImportSource hono/jsx */
// The home page and section pages: a page of articles, newest first, those with audio marked.
import type { ArticleList } from '../catalog/pages/article-list.ts';
import type { SiteChrome } from '../catalog/pages/site-chrome.ts';
import { formatDateTime } from '../domain/dates.ts';
import { listingHead } from './head-meta.ts';
import { Page } from './layout.tsx';

export function ArticleListPage(props: { chrome: SiteChrome; list: ArticleList; timeZone: string }) {
  const { chrome, list, timeZone } = props;
  const heading = list.section ? list.section.name : 'Latest news';
  const pageNote = list.page > 1 ? ` (page ${list.page} of ${list.lastPage})` : '';
  const meta = listingHead(chrome, {
    title: list.section ? `${list.section.name}${pageNote}` : pageNote ? `Latest news${pageNote}` : undefined,
    description: list.section?.description,
    canonical: list.pageUrl(list.page),
    feeds: list.section ? list.feeds : chrome.podcastFeeds,
  });
  return (
    <Page chrome={chrome} meta={meta}>
      <h1>
        {heading}
        {pageNote}
      </h1>
      {list.section?.description ? <p class="standfirst">{list.section.description}</p> : null}
      {list.articles.length === 0 ? <p>Nothing has been published here yet.</p> : null}
      <ol class="cards">
        {list.articles.map((article) => (
          <li>
            <article>
              <p class="kicker">
                <a href={article.section.url}>{article.section.name}</a>
              </p>
              <h2>
                <a href={article.url}>{article.headline}</a>
              </h2>
              <p class="meta">
                <time datetime={article.publishedAt.toISOString()}>
                  {formatDateTime(article.publishedAt, timeZone)}
                </time>
              </p>
              {article.standfirst ? <p>{article.standfirst}</p> : null}
              {article.episodes.length > 0 ? (
                <p class="audio-mark">
                  <span aria-hidden="true">🎧 </span>
                  With audio:{' '}
                  {article.episodes.map((episode, i) => (
                    <>
                      {i > 0 ? ', ' : ''}
                      {episode.title} (<span class="duration">{episode.durationText}</span>)
                    </>
                  ))}
                </p>
              ) : null}
            </article>
          </li>
        ))}
      </ol>
      {list.lastPage > 1 ? (
        <nav class="pager" aria-label="Pages">
          {list.page > 1 ? (
            <a href={list.pageUrl(list.page - 1)} rel="prev">
              ← Newer
            </a>
          ) : (
            <span />
          )}
          {list.page < list.lastPage ? (
            <a href={list.pageUrl(list.page + 1)} rel="next">
              Older →
            </a>
          ) : null}
        </nav>
      ) : null}
      {list.feeds.length > 0 ? (
        <section class="panel" aria-labelledby="section-feeds">
          <h2 id="section-feeds">Follow {list.section?.name}</h2>
          <ul>
            {list.feeds.map((feed) => (
              <li>
                <a href={feed.href} type={feed.type}>
                  {feed.title}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Page>
  );
}
