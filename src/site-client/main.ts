// The site's only script (served from /assets/, no inline code), progressive: every page works
// without it. Players get their control bar, chapter and transcript links seek, the feed address
// copies, and the Listen later page fills from this browser's list.
import { fillListenLater } from './listen-later-page.ts';
import { enhancePlayer } from './player.ts';

const players = [...document.querySelectorAll<HTMLElement>('[data-player]')];
// `?t=` starts the player the fragment names (`?t=807#episode-<slug>`, as an article player's Share
// writes), else the page's first.
const named = fragmentId(window.location.hash);
const starting = players.find((root) => named !== '' && root.id === named) ?? players[0];
for (const root of players) enhancePlayer(root, root === starting);

// One player at a time: starting one pauses the others ('play' does not bubble, hence capture).
document.addEventListener(
  'play',
  (event) => {
    for (const audio of document.querySelectorAll('audio')) {
      if (audio !== event.target && !audio.paused) audio.pause();
    }
  },
  true,
);

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const seek = target?.closest<HTMLAnchorElement>('a[data-seek]');
  if (seek) {
    const audio = document.getElementById(seek.dataset.audio ?? '');
    if (audio instanceof HTMLAudioElement) {
      event.preventDefault();
      audio.currentTime = Number(seek.dataset.seek);
      audio.play().catch(() => {});
    }
    return;
  }
  const copy = target?.closest<HTMLButtonElement>('button[data-copy]');
  if (copy) {
    const input = document.getElementById(copy.dataset.copy ?? '');
    const status = document.getElementById(copy.dataset.status ?? '');
    if (!(input instanceof HTMLInputElement)) return;
    const done = (text: string) => {
      if (status) status.textContent = text;
    };
    input.select();
    if (navigator.clipboard) {
      navigator.clipboard.writeText(input.value).then(
        () => done('Feed address copied.'),
        () => done('Select the address and copy it.'),
      );
    } else done('Select the address and copy it.');
  }
});
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy][hidden]')) {
  button.hidden = false;
}

const later = document.querySelector<HTMLElement>('[data-listen-later]');
if (later) fillListenLater(later);

/** The element id a `#fragment` names; a malformed escape (`#%E0%A4`) names none, as in the browser. */
function fragmentId(hash: string): string {
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return '';
  }
}
