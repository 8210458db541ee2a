/** @jsxImportSource hono/jsx */
// The episode page: player, show notes, chapters that seek the player, transcript, articles, embed code.
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { embedIframe } from '../catalog/pages/embed-code.ts';
import type { EpisodePage } from '../catalog/pages/episode-page.ts';
import { shareLinks } from '../catalog/pages/share-links.ts';
import type { SiteChrome } from '../catalog/pages/site-chrome.ts';
import { formatDate } from '../domain/dates.ts';
import { formatDuration } from '../domain/duration.ts';
import { episodeHead } from './head-meta.ts';
import { Page } from './layout.tsx';
import { Player } from './player.tsx';

/** `preview`: the studio's banner for an episode shown before it is published (the page is then noindex). */
export function EpisodeView(props: {
  chrome: SiteChrome;
  page: EpisodePage;
  timeZone: string;
  preview?: Child;
}) {
  const { chrome, page, timeZone } = props;
  const meta = episodeHead(chrome, page);
  const { player } = page;
  const embedCode = embedIframe(player.embedUrl, page.title);
  return (
    <Page
      chrome={chrome}
      meta={props.preview ? { ...meta, robots: 'noindex, nofollow' } : meta}
      banner={props.preview}
    >
      <article>
        <header>
          <p class="kicker">
            <a href={page.show.url}>{page.show.title}</a>
          </p>
          <h1>{page.title}</h1>
          <p class="meta">
            {page.season !== null ? `Season ${page.season} · ` : null}
            {page.number !== null ? `Episode ${page.number} · ` : null}
            <time datetime={player.publishedAt.toISOString()}>
              {formatDate(player.publishedAt, timeZone)}
            </time>
          </p>
          {page.summary ? <p class="standfirst">{page.summary}</p> : null}
        </header>
        <section class="podcasts" aria-label="Listen">
          <Player player={player} timeZone={timeZone} bare noChapterList />
        </section>
        {page.notesHtml ? (
          <section aria-labelledby="notes">
            <h2 id="notes">Show notes</h2>
            <div class="body">{raw(page.notesHtml)}</div>
          </section>
        ) : null}
        {page.persons.length > 0 ? (
          <p class="meta">
            With{' '}
            {page.persons.map((p, i) => (
              <>
                {i > 0 ? ', ' : ''}
                {p.url ? <a href={p.url}>{p.name}</a> : p.name}
                {p.role ? ` (${p.role})` : ''}
              </>
            ))}
          </p>
        ) : null}
        {page.chapters.length > 0 ? (
          <section aria-labelledby="chapters">
            <h2 id="chapters">Chapters</h2>
            <ol class="chapters">
              {page.chapters.map((chapter) => (
                <li>
                  <a
                    href={player.available ? `${player.audioUrl}#t=${chapter.startSeconds}` : undefined}
                    data-seek={String(chapter.startSeconds)}
                    data-audio={player.audioId}
                    data-chapter={chapter.title}
                    aria-label={`Play from ${formatDuration(chapter.startSeconds)}: ${chapter.title}`}
                  >
                    {formatDuration(chapter.startSeconds)}
                  </a>
                  <span>{chapter.url ? <a href={chapter.url}>{chapter.title}</a> : chapter.title}</span>
                </li>
              ))}
            </ol>
          </section>
        ) : null}
        {page.transcript ? (
          <section class="transcript" aria-labelledby="transcript">
            <h2 id="transcript">Transcript</h2>
            <details>
              <summary>Read the transcript</summary>
              {page.transcript.kind === 'html' ? (
                <div class="body">{raw(page.transcript.html)}</div>
              ) : (
                page.transcript.cues.map((cue) => (
                  <p>
                    <a
                      class="cue-time"
                      href={player.available ? `${player.audioUrl}#t=${cue.startSeconds}` : undefined}
                      data-seek={String(cue.startSeconds)}
                      data-audio={player.audioId}
                    >
                      {formatDuration(cue.startSeconds)}
                    </a>
                    {cue.speaker ? <strong>{cue.speaker}: </strong> : null}
                    {cue.text}
                  </p>
                ))
              )}
              {page.transcriptUrl ? (
                <p>
                  <a href={page.transcriptUrl}>Download the transcript</a>
                </p>
              ) : null}
            </details>
          </section>
        ) : null}
        {page.articles.length > 0 ? (
          <section aria-labelledby="articles">
            <h2 id="articles">In the news</h2>
            <ul>
              {page.articles.map((article) => (
                <li>
                  <a href={article.url}>{article.headline}</a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <section class="panel" aria-labelledby="follow">
          <h2 id="follow">Subscribe and share</h2>
          {player.subscribersOnly ? (
            <p>
              More from <a href={page.show.url}>{page.show.title}</a>, a podcast for subscribers.
            </p>
          ) : (
            <p>
              More from <a href={page.show.url}>{page.show.title}</a>, or add its{' '}
              <a href={page.show.feedUrl} type="application/rss+xml">
                feed
              </a>{' '}
              to your podcast app.
            </p>
          )}
          <ul class="share">
            {shareLinks(page.url, page.title).map((link) => (
              <li>
                <a href={link.href} rel="noopener">
                  {link.network}
                </a>
              </li>
            ))}
          </ul>
          {player.available ? (
            <>
              <label for="embed-code">Embed this episode on your site</label>
              <textarea id="embed-code" readonly rows={3}>
                {embedCode}
              </textarea>
            </>
          ) : null}
        </section>
      </article>
    </Page>
  );
}
