/** @jsxImportSource hono/jsx */
// One episode's player, the same on article, episode and embed pages: native audio controls
// (replaced by the control bar when the site script runs), 0:00 / length before anything plays,
// chapter marks and list, artwork for lock screens, a download link and a link to the episode page.
import type { PageChapter } from '../catalog/pages/episode-documents.ts';
import type { PlayerModel } from '../catalog/pages/player-model.ts';
import { formatDate } from '../domain/dates.ts';
import { formatDuration } from '../domain/duration.ts';
import { PlayerControls } from './player-controls.tsx';

export function Player(props: {
  player: PlayerModel;
  timeZone: string;
  /** The heading level of the episode title in its page. */
  heading?: 'h2' | 'h3';
  /** Leave out the title (the episode page has it as its h1). */
  bare?: boolean;
  /** Links open in a new tab (the embed, inside another site). */
  external?: boolean;
  /**
   * Leave out the player's own chapter list (the episode page lists them in a section of its own,
   * whose links the seek bar marks just the same).
   */
  noChapterList?: boolean;
  /**
   * The page a shared moment opens (`?t=SECONDS` is added): the episode page unless given. The
   * article page gives itself with this player's fragment (`#episode-<slug>`), so the link starts
   * this player and not the page's first.
   */
  shareUrl?: string;
}) {
  const { player, timeZone } = props;
  const Heading = props.heading ?? 'h3';
  const target = props.external ? { target: '_blank', rel: 'noopener' } : {};
  const chapters = props.noChapterList ? [] : player.chapters;
  return (
    <div
      class="player"
      id={player.anchor}
      data-player=""
      data-episode={new URL(player.pageUrl).pathname}
      data-episode-url={player.pageUrl}
      data-share={props.shareUrl ?? player.pageUrl}
      data-title={player.title}
      data-show={player.showTitle}
      data-duration={String(player.durationSeconds)}
      data-duration-text={player.durationText}
      data-artwork={player.artworkUrl}
    >
      {props.bare ? null : (
        <Heading>
          <a href={player.pageUrl} {...target}>
            {player.title}
          </a>
        </Heading>
      )}
      {props.bare ? null : (
        <p class="meta">
          <a href={player.showUrl} {...target}>
            {player.showTitle}
          </a>{' '}
          ·{' '}
          <time datetime={player.publishedAt.toISOString()}>{formatDate(player.publishedAt, timeZone)}</time>
        </p>
      )}
      {player.available ? (
        // biome-ignore lint/a11y/useMediaCaption: browsers show no captions for audio; the transcript is text on the episode page, which every player links to
        <audio
          id={player.audioId}
          controls
          // Nothing is fetched until the listener presses play: a page view is not a download (IAB
          // v2.2 counts delivered audio), and the length is printed below from the probe anyway.
          preload="none"
          src={player.audioUrl}
          aria-label={`Listen: ${player.title}`}
        >
          <a href={player.audioUrl}>Listen to {player.title}</a>
        </audio>
      ) : (
        <p class="unavailable">
          {player.subscribersOnly
            ? 'This episode is for subscribers: they hear it in their podcast app, through their private feed.'
            : 'The audio of this episode is not available at the moment.'}
        </p>
      )}
      <p class="time">
        <span data-elapsed="">0:00</span> /{' '}
        <time datetime={player.isoDuration} class="duration">
          {player.durationText}
        </time>
      </p>
      {player.available ? <PlayerControls player={player} /> : null}
      <p class="actions">
        {player.available ? (
          <>
            <a href={player.downloadUrl} download="">
              Download ({player.fileLabel})
            </a>{' '}
            ·{' '}
          </>
        ) : null}
        <a href={player.pageUrl} {...target}>
          Episode page
        </a>
      </p>
      {player.available && chapters.length > 0 ? <ChapterList player={player} chapters={chapters} /> : null}
    </div>
  );
}

/**
 * The chapters as links that seek the player (the script) or open the audio at that time (media
 * fragment, W3C Media Fragments URI 1.0: `#t=SECONDS`); the script draws a mark on the seek bar for
 * each link with `data-chapter` that names this player's audio, wherever it is on the page.
 */
function ChapterList(props: { player: PlayerModel; chapters: readonly PageChapter[] }) {
  const { player, chapters } = props;
  return (
    <details class="player-chapters">
      <summary>Chapters ({chapters.length})</summary>
      <ol class="chapters">
        {chapters.map((c) => (
          <li>
            <a
              href={`${player.audioUrl}#t=${c.startSeconds}`}
              data-seek={String(c.startSeconds)}
              data-audio={player.audioId}
              data-chapter={c.title}
              aria-label={`Play from ${formatDuration(c.startSeconds)}: ${c.title}`}
            >
              {formatDuration(c.startSeconds)}
            </a>
            <span>{c.title}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}
