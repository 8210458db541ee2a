/** @jsxImportSource hono/jsx */
// The article page: dateline, headline, standfirst, body, authors, section and tags, then the
// Podcasts block (one player per paired episode, in order), share links and the permalink.
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { ArticlePage } from '../catalog/pages/article-page.ts';
import { shareLinks } from '../catalog/pages/share-links.ts';
import type { SiteChrome } from '../catalog/pages/site-chrome.ts';
import { formatDateTime } from '../domain/dates.ts';
import { articleHead } from './head-meta.ts';
import { Page } from './layout.tsx';
import { Player } from './player.tsx';

/** `preview`: the studio's banner for a draft shown before it is published (the page is then noindex). */
export function ArticleView(props: {
  chrome: SiteChrome;
  page: ArticlePage;
  timeZone: string;
  preview?: Child;
}) {
  const { chrome, page, timeZone } = props;
  const meta = articleHead(chrome, page);
  const updated = page.updatedAt.getTime() - page.publishedAt.getTime() > 60_000;
  return (
    <Page
      chrome={chrome}
      meta={props.preview ? { ...meta, robots: 'noindex, nofollow' } : meta}
      banner={props.preview}
    >
      <article>
        <header>
          <p class="kicker">
            <a href={page.section.url}>{page.section.name}</a>
          </p>
          <h1>{page.headline}</h1>
          {page.standfirst ? <p class="standfirst">{page.standfirst}</p> : null}
          <p class="byline">
            {page.authors.length > 0 ? (
              <>
                By{' '}
                {page.authors.map((author, i) => (
                  <>
                    {i > 0 ? (i === page.authors.length - 1 ? ' and ' : ', ') : ''}
                    {author.url ? <a href={author.url}>{author.name}</a> : author.name}
                  </>
                ))}{' '}
                ·{' '}
              </>
            ) : null}
            <time datetime={page.publishedAt.toISOString()}>
              {formatDateTime(page.publishedAt, timeZone)}
            </time>
            {updated ? (
              <>
                {' '}
                · Updated{' '}
                <time datetime={page.updatedAt.toISOString()}>
                  {formatDateTime(page.updatedAt, timeZone)}
                </time>
              </>
            ) : null}
          </p>
        </header>
        {page.image ? (
          <figure>
            <img
              src={page.image.url}
              alt={page.image.alt}
              width={page.image.width ?? undefined}
              height={page.image.height ?? undefined}
            />
          </figure>
        ) : null}
        <div class="body">{raw(page.bodyHtml)}</div>
        {page.tags.length > 0 ? (
          <ul class="tags" aria-label="Tags">
            {page.tags.map((tag) => (
              <li>{tag}</li>
            ))}
          </ul>
        ) : null}
        {page.episodes.length > 0 ? (
          <section class="podcasts" aria-labelledby="podcasts">
            <h2 id="podcasts">Podcasts</h2>
            <ol class="players">
              {page.episodes.map((player) => (
                <li>
                  <Player player={player} timeZone={timeZone} shareUrl={`${page.url}#${player.anchor}`} />
                </li>
              ))}
            </ol>
          </section>
        ) : null}
        <footer class="share">
          <h2>Share</h2>
          <ul>
            {shareLinks(page.url, page.headline).map((link) => (
              <li>
                <a href={link.href} rel="noopener">
                  {link.network}
                </a>
              </li>
            ))}
          </ul>
          <p>
            Permalink:{' '}
            <a href={page.url} rel="bookmark">
              {page.url}
            </a>
          </p>
        </footer>
      </article>
    </Page>
  );
}
