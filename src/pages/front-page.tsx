/** @jsxImportSource hono/jsx */
// The interim home page: a plain list of live articles with their paired episodes and durations.
import { raw } from 'hono/html';
import type { FrontPage } from '../catalog/front-page.ts';
import { formatDateTime } from '../domain/dates.ts';

export function FrontPageView(props: { page: FrontPage; timeZone: string; siteTitle: string }) {
  const { page, timeZone, siteTitle } = props;
  const lastPage = Math.max(1, Math.ceil(page.total / page.pageSize));
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{siteTitle}</title>
          {page.feeds.map((feed) => (
            <link rel="alternate" type={feed.type} title={feed.title} href={feed.href} />
          ))}
        </head>
        <body>
          <header>
            <h1>{siteTitle}</h1>
            <p>Latest articles. Those marked with a headphone symbol carry podcast episodes.</p>
          </header>
          <main>
            <ol class="articles">
              {page.articles.map((article) => (
                <li>
                  <article>
                    <h2>
                      {article.episodes.length > 0 ? <span title="With audio">🎧 </span> : null}
                      {article.headline}
                    </h2>
                    <p>
                      <span class="section">{article.section.name}</span> ·{' '}
                      <time datetime={article.publishedAt.toISOString()}>
                        {formatDateTime(article.publishedAt, timeZone)}
                      </time>
                    </p>
                    <p>{article.standfirst}</p>
                    {article.episodes.length > 0 ? (
                      <section aria-label="Podcasts">
                        <h3>Podcasts</h3>
                        <ol class="episodes">
                          {article.episodes.map((episode) => (
                            <li>
                              {episode.title} <span class="duration">{episode.durationText}</span>
                            </li>
                          ))}
                        </ol>
                      </section>
                    ) : null}
                  </article>
                </li>
              ))}
            </ol>
            {lastPage > 1 ? (
              <nav aria-label="Pages">
                {page.page > 1 ? <a href={`/?page=${page.page - 1}`}>Newer</a> : null}{' '}
                {page.page < lastPage ? <a href={`/?page=${page.page + 1}`}>Older</a> : null}
              </nav>
            ) : null}
          </main>
          <footer>
            <h2>Feeds</h2>
            <ul>
              {page.feeds.map((feed) => (
                <li>
                  <a href={feed.href} type={feed.type}>
                    {feed.title}
                  </a>
                </li>
              ))}
              <li>
                <a href={page.opmlUrl}>All feeds (OPML)</a>
              </li>
            </ul>
          </footer>
        </body>
      </html>
    </>
  );
}
