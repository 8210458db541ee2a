/** @jsxImportSource hono/jsx */
// The podcasts index and a show's page: artwork, description, subscribe actions, episodes with lengths.
import type { ShowPage, ShowSummary } from '../catalog/pages/show-page.ts';
import type { SiteChrome } from '../catalog/pages/site-chrome.ts';
import { formatDate } from '../domain/dates.ts';
import { listingHead, showHead } from './head-meta.ts';
import { Page } from './layout.tsx';

function Paragraphs(props: { text: string }) {
  return (
    <>
      {props.text
        .split(/\n\s*\n/)
        .filter((p) => p.trim())
        .map((p) => (
          <p>{p.trim()}</p>
        ))}
    </>
  );
}

function Artwork(props: { show: ShowSummary }) {
  const { artwork } = props.show;
  return artwork ? (
    <img
      src={artwork.url}
      alt={artwork.alt}
      width={artwork.width ?? undefined}
      height={artwork.height ?? undefined}
    />
  ) : null;
}

export function ShowsIndexView(props: {
  chrome: SiteChrome;
  shows: readonly ShowSummary[];
  canonical: string;
}) {
  const { chrome, shows } = props;
  return (
    <Page
      chrome={chrome}
      meta={listingHead(chrome, {
        title: 'Podcasts',
        canonical: props.canonical,
        feeds: shows
          .filter((s) => !s.subscribersOnly)
          .map((s) => ({
            title: `${s.title} (podcast)`,
            type: 'application/rss+xml',
            href: s.feedUrl,
          })),
      })}
    >
      <h1>Podcasts</h1>
      {shows.length === 0 ? <p>There are no podcasts yet.</p> : null}
      <ul class="cards">
        {shows.map((show) => (
          <li class="show-head">
            <Artwork show={show} />
            <div>
              <h2>
                <a href={show.url}>{show.title}</a>
              </h2>
              {show.subtitle ? <p class="standfirst">{show.subtitle}</p> : null}
              <p class="meta">{show.author}</p>
            </div>
          </li>
        ))}
      </ul>
    </Page>
  );
}

export function ShowView(props: { chrome: SiteChrome; page: ShowPage; timeZone: string }) {
  const { chrome, page, timeZone } = props;
  return (
    <Page chrome={chrome} meta={showHead(chrome, page)}>
      <div class="show-head">
        <Artwork show={page} />
        <div>
          <p class="kicker">
            <a href={chrome.podcastsUrl}>Podcast</a>
          </p>
          <h1>{page.title}</h1>
          {page.subtitle ? <p class="standfirst">{page.subtitle}</p> : null}
          <p class="meta">
            {page.author}
            {page.categories.length > 0 ? ` · ${page.categories.join(', ')}` : ''}
            {page.explicit ? ' · Explicit' : ''}
          </p>
        </div>
      </div>
      <Paragraphs text={page.description} />
      {page.subscribersOnly ? (
        <section class="panel subscribe" aria-labelledby="subscribe">
          <h2 id="subscribe">For subscribers</h2>
          <p>
            This podcast is for subscribers: each has a private feed address to open in their podcast app.
          </p>
        </section>
      ) : (
        <section class="panel subscribe" aria-labelledby="subscribe">
          <h2 id="subscribe">Subscribe</h2>
          <div class="feed-url">
            <label for="feed-url">Feed address</label>
            <input id="feed-url" type="url" readonly value={page.feedUrl} />
            <button type="button" data-copy="feed-url" data-status="copy-status" hidden>
              Copy
            </button>
          </div>
          <p id="copy-status" role="status" class="meta" />
          <p>Open it in your podcast app:</p>
          <ul>
            {page.subscribe.map((link) => (
              <li>
                <a href={link.href}>{link.app}</a>
              </li>
            ))}
            <li>
              <a href={page.feedUrl} type="application/rss+xml">
                RSS feed
              </a>
            </li>
          </ul>
        </section>
      )}
      {page.funding.length > 0 ? (
        <p>
          Support the show:{' '}
          {page.funding.map((f, i) => (
            <>
              {i > 0 ? ', ' : ''}
              <a href={f.url}>{f.title}</a>
            </>
          ))}
        </p>
      ) : null}
      <h2>Episodes</h2>
      {page.episodes.length === 0 ? <p>No episodes have been published yet.</p> : null}
      <ol class="cards">
        {page.episodes.map((episode) => (
          <li>
            <h3>
              <a href={episode.url}>{episode.title}</a>
            </h3>
            <p class="meta">
              {episode.number !== null ? `Episode ${episode.number}` : null}
              {episode.number !== null ? ' · ' : null}
              <time datetime={episode.publishedAt.toISOString()}>
                {formatDate(episode.publishedAt, timeZone)}
              </time>{' '}
              ·{' '}
              <time datetime={episode.isoDuration} class="duration">
                {episode.durationText}
              </time>
              {episode.type !== 'full' ? ` · ${episode.type === 'trailer' ? 'Trailer' : 'Bonus'}` : null}
            </p>
            {episode.summary ? <p>{episode.summary}</p> : null}
          </li>
        ))}
      </ol>
    </Page>
  );
}
