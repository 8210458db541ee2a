/** @jsxImportSource hono/jsx */
// One episode's player: native audio controls (keyboard and screen-reader ready), 0:00 / length
// before anything plays, a download link and a link to the episode page.
import type { PlayerModel } from '../catalog/pages/player-model.ts';
import { formatDate } from '../domain/dates.ts';

export function Player(props: {
  player: PlayerModel;
  timeZone: string;
  /** The heading level of the episode title in its page. */
  heading?: 'h2' | 'h3';
  /** Leave out the title (the episode page has it as its h1). */
  bare?: boolean;
  /** Links open in a new tab (the embed, inside another site). */
  external?: boolean;
}) {
  const { player, timeZone } = props;
  const Heading = props.heading ?? 'h3';
  const target = props.external ? { target: '_blank', rel: 'noopener' } : {};
  return (
    <div class="player" data-player="">
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
        <p class="unavailable">The audio of this episode is not available at the moment.</p>
      )}
      <p class="time">
        <span data-elapsed="">0:00</span> /{' '}
        <time datetime={player.isoDuration} class="duration">
          {player.durationText}
        </time>
      </p>
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
    </div>
  );
}
