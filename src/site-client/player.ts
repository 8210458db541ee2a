// One player's control bar: the server renders it hidden under the native <audio controls>; this
// shows it, hides the native controls and wires each button to the audio element.
import { clock, parseStart } from './clock.ts';
import { wireLaterButton } from './later-button.ts';
import { claimMediaSession } from './media-session.ts';
import { savedPosition, savedSpeed, savePosition, saveSpeed } from './stored.ts';

const SPEEDS = [0.75, 1, 1.25, 1.5, 1.75, 2];
/** A position is remembered once it moves this far, and offered back only past it. */
const REMEMBER_EVERY = 5;
/** Arrow keys step the seek bar this far; PageUp/PageDown ten times as far (WAI-ARIA slider pattern). */
const ARROW_STEP = 5;
const PAGE_STEP = 60;

const q = <T extends Element>(root: Element, selector: string) => root.querySelector<T>(selector);

/** `starts`: the player a `?t=` in the page address starts (see startingPlayer). */
export function enhancePlayer(root: HTMLElement, starts: boolean): void {
  const audio = q<HTMLAudioElement>(root, 'audio');
  const bar = q<HTMLElement>(root, '[data-controls]');
  const seek = q<HTMLInputElement>(root, '[data-seek-bar]');
  const play = q<HTMLButtonElement>(root, '[data-action="play"]');
  const elapsed = q<HTMLElement>(root, '[data-elapsed]');
  if (!audio || !bar || !seek || !play || !elapsed) return;
  const data = root.dataset;
  const episode = data.episode ?? '';
  const total = Number(data.duration) || 0;
  const status = q<HTMLElement>(root, '[data-status]');
  const say = (text: string) => {
    if (status) status.textContent = text;
  };
  const duration = () => (Number.isFinite(audio.duration) && audio.duration > 0 ? audio.duration : total);
  const resume = q<HTMLButtonElement>(root, '[data-resume]');
  const show = () => {
    const now = audio.currentTime;
    elapsed.textContent = clock(now);
    seek.value = String(Math.floor(now));
    seek.setAttribute('aria-valuetext', `${clock(now)} of ${clock(duration())}`);
  };
  const moveTo = (seconds: number) => {
    audio.currentTime = Math.min(Math.max(0, seconds), duration());
    show();
  };
  const skip = (by: number) => moveTo(audio.currentTime + by);

  bar.hidden = false;
  audio.controls = false; // the native bar stays for visitors without this script
  seek.max = String(Math.floor(total));

  const setPlaying = () => {
    const paused = audio.paused;
    play.setAttribute('aria-label', paused ? 'Play' : 'Pause');
    play.dataset.state = paused ? 'paused' : 'playing';
  };
  play.addEventListener('click', () => {
    if (audio.paused) audio.play().catch(() => say('This audio cannot be played here; try Download.'));
    else audio.pause();
  });
  audio.addEventListener('play', setPlaying);
  audio.addEventListener('pause', setPlaying);
  audio.addEventListener('play', () =>
    claimMediaSession(
      audio,
      { title: data.title ?? '', show: data.show ?? '', artwork: data.artwork ?? '' },
      skip,
    ),
  );

  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-skip]')) {
    button.addEventListener('click', () => skip(Number(button.dataset.skip)));
  }

  const speed = q<HTMLButtonElement>(root, '[data-action="speed"]');
  const showSpeed = () => {
    if (!speed) return;
    const label = `${audio.playbackRate}×`;
    speed.textContent = label;
    speed.setAttribute('aria-label', `Playback speed ${label}`);
  };
  audio.defaultPlaybackRate = audio.playbackRate = savedSpeed();
  showSpeed();
  speed?.addEventListener('click', () => {
    const next = SPEEDS[(SPEEDS.indexOf(audio.playbackRate) + 1) % SPEEDS.length] ?? 1;
    audio.defaultPlaybackRate = audio.playbackRate = next;
    saveSpeed(next);
    showSpeed();
    say(`Speed ${next}×`);
  });

  const mute = q<HTMLButtonElement>(root, '[data-action="mute"]');
  mute?.addEventListener('click', () => {
    audio.muted = !audio.muted;
  });
  audio.addEventListener('volumechange', () => mute?.setAttribute('aria-pressed', String(audio.muted)));

  seek.addEventListener('input', () => moveTo(Number(seek.value)));
  seek.addEventListener('keydown', (event) => {
    const by: Record<string, number> = {
      ArrowLeft: -ARROW_STEP,
      ArrowDown: -ARROW_STEP,
      ArrowRight: ARROW_STEP,
      ArrowUp: ARROW_STEP,
      PageDown: -PAGE_STEP,
      PageUp: PAGE_STEP,
    };
    const step = by[event.key];
    if (event.key === 'Home') moveTo(0);
    else if (event.key === 'End') moveTo(duration());
    else if (step !== undefined) skip(step);
    else return;
    event.preventDefault();
  });

  let remembered = savedPosition(episode) ?? 0;
  const remember = (force: boolean) => {
    const now = Math.floor(audio.currentTime);
    if (!force && Math.abs(now - remembered) < REMEMBER_EVERY) return;
    remembered = now;
    // Near the end the episode counts as heard: nothing to offer back.
    savePosition(episode, now >= REMEMBER_EVERY && now < duration() - 10 ? now : undefined);
  };
  audio.addEventListener('timeupdate', () => {
    show();
    if (!audio.paused) remember(false);
  });
  audio.addEventListener('seeked', show);
  audio.addEventListener('pause', () => remember(true));
  audio.addEventListener('ended', () => savePosition(episode, undefined));
  window.addEventListener('pagehide', () => {
    if (audio.currentTime > 0) remember(true);
  });

  const start = starts ? parseStart(new URLSearchParams(window.location.search).get('t'), total) : undefined;
  if (start !== undefined) {
    // With nothing loaded (preload="none") this sets the default playback start position (HTML
    // "currentTime" setter), so pressing play starts there without fetching anything first.
    moveTo(start);
    say(`Starts at ${clock(start)}`);
  } else if (resume && remembered >= REMEMBER_EVERY && remembered < total) {
    const at = remembered;
    resume.textContent = `Resume at ${clock(at)}`;
    resume.hidden = false;
    resume.addEventListener('click', () => {
      moveTo(at);
      resume.hidden = true;
      audio.play().catch(() => {});
      play.focus();
    });
    audio.addEventListener('play', () => {
      if (resume === document.activeElement) play.focus();
      resume.hidden = true;
    });
  }

  const share = q<HTMLButtonElement>(root, '[data-action="share"]');
  share?.addEventListener('click', () => {
    const at = Math.floor(audio.currentTime);
    const link = momentLink(data.share ?? '', at);
    const told = at > 0 ? `Link to ${clock(at)} copied.` : 'Link copied.';
    if (navigator.clipboard) {
      navigator.clipboard.writeText(link).then(
        () => say(told),
        () => say(`Copy this link: ${link}`),
      );
    } else say(`Copy this link: ${link}`);
  });

  wireLaterButton(root, say);
  drawChapterMarks(audio, root, total);
  show();
  setPlaying();
}

/** The page with `?t=SECONDS` (before any `#fragment`, which names the player on an article page). */
function momentLink(page: string, at: number): string {
  if (at <= 0) return page;
  const url = new URL(page);
  url.searchParams.set('t', String(at));
  return url.href;
}

/** Chapter starts as marks over the seek bar (the chapter links are their accessible equivalent). */
function drawChapterMarks(audio: HTMLAudioElement, root: HTMLElement, total: number): void {
  const marks = q<HTMLElement>(root, '[data-marks]');
  if (!marks || total <= 0 || !audio.id) return;
  for (const link of document.querySelectorAll<HTMLElement>(`a[data-chapter][data-audio="${audio.id}"]`)) {
    const start = Number(link.dataset.seek);
    if (!(start > 0 && start < total)) continue;
    const mark = document.createElement('span');
    // CSSOM writes are allowed under style-src 'self' (only style attributes in markup are not).
    mark.style.left = `${(start / total) * 100}%`;
    mark.title = link.dataset.chapter ?? '';
    marks.append(mark);
  }
}
