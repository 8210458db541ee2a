/** @jsxImportSource hono/jsx */
// The player's control bar, rendered hidden: the site script shows it and hides the native controls,
// so without JavaScript the browser's own <audio controls> and the download link remain.
import type { PlayerModel } from '../catalog/pages/player-model.ts';

/** How far the skip buttons move, as listeners know them from podcast apps. */
export const SKIP_BACK_SECONDS = 15;
export const SKIP_FORWARD_SECONDS = 30;

export function PlayerControls(props: { player: PlayerModel }) {
  const { player } = props;
  return (
    <fieldset class="controls" data-controls="" hidden aria-label={`Player: ${player.title}`}>
      <div class="seek">
        <input
          type="range"
          class="seek-bar"
          data-seek-bar=""
          min="0"
          max={String(player.durationSeconds)}
          step="1"
          value="0"
          aria-label="Seek"
          aria-valuetext={`0:00 of ${player.durationText}`}
        />
        <div class="marks" data-marks="" aria-hidden="true" />
      </div>
      <div class="buttons">
        <button type="button" class="play" data-action="play" data-state="paused" aria-label="Play">
          <span aria-hidden="true" />
        </button>
        <button type="button" data-skip={String(-SKIP_BACK_SECONDS)} aria-label="Skip back 15 seconds">
          −15
        </button>
        <button type="button" data-skip={String(SKIP_FORWARD_SECONDS)} aria-label="Skip forward 30 seconds">
          +30
        </button>
        <button type="button" data-action="speed" aria-label="Playback speed 1×">
          1×
        </button>
        <button type="button" data-action="mute" aria-pressed="false">
          Mute
        </button>
        <button type="button" data-action="share" aria-label="Share a link to this moment">
          Share
        </button>
        <button type="button" data-action="later" aria-pressed="false">
          Listen later
        </button>
      </div>
      <button type="button" class="resume" data-resume="" hidden>
        Resume
      </button>
      <p class="status" role="status" data-status="" />
    </fieldset>
  );
}
