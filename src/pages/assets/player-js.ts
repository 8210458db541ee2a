// The site's only script, progressive: pages work without it. It keeps each player's elapsed time,
// makes chapter links seek the player on the page, and makes the copy button copy the feed URL.

export const PLAYER_JS = `(() => {
  'use strict';
  const clock = (value) => {
    const s = Math.max(0, Math.floor(value || 0));
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    const ss = String(s % 60).padStart(2, '0');
    return h > 0 ? h + ':' + String(m).padStart(2, '0') + ':' + ss : m + ':' + ss;
  };
  for (const player of document.querySelectorAll('[data-player]')) {
    const audio = player.querySelector('audio');
    const elapsed = player.querySelector('[data-elapsed]');
    if (!audio || !elapsed) continue;
    const show = () => { elapsed.textContent = clock(audio.currentTime); };
    audio.addEventListener('timeupdate', show);
    audio.addEventListener('seeked', show);
  }
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const seek = target && target.closest('a[data-seek]');
    if (seek) {
      const audio = document.getElementById(seek.getAttribute('data-audio') || '');
      if (audio instanceof HTMLAudioElement) {
        event.preventDefault();
        audio.currentTime = Number(seek.getAttribute('data-seek'));
        audio.play().catch(() => {});
      }
      return;
    }
    const copy = target && target.closest('button[data-copy]');
    if (copy) {
      const input = document.getElementById(copy.getAttribute('data-copy') || '');
      const status = document.getElementById(copy.getAttribute('data-status') || '');
      if (!(input instanceof HTMLInputElement)) return;
      const done = (text) => { if (status) status.textContent = text; };
      input.select();
      if (navigator.clipboard) {
        navigator.clipboard.writeText(input.value).then(() => done('Feed address copied.'), () => done('Select the address and copy it.'));
      } else {
        done('Select the address and copy it.');
      }
    }
  });
  for (const button of document.querySelectorAll('button[data-copy][hidden]')) button.hidden = false;
})();
`;
