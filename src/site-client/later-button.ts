// The Listen later button of a player: adds or removes its episode from the list in this browser.
import { LATER_KEY, laterList, saveLaterList } from './stored.ts';

export function wireLaterButton(root: HTMLElement, say: (text: string) => void): void {
  const button = root.querySelector<HTMLButtonElement>('[data-action="later"]');
  const { episodeUrl: url = '', title = '', show = '', durationText = '' } = root.dataset;
  if (!button || !url) return;
  const sync = () => button.setAttribute('aria-pressed', String(laterList().some((i) => i.url === url)));
  sync();
  button.addEventListener('click', () => {
    const list = laterList();
    const kept = list.some((i) => i.url === url);
    saveLaterList(
      kept ? list.filter((i) => i.url !== url) : [...list, { url, title, show, duration: durationText }],
    );
    sync();
    say(kept ? 'Removed from Listen later.' : 'Added to Listen later.');
  });
  // Another tab (or the list page) changed the list.
  window.addEventListener('storage', (event) => {
    if (event.key === LATER_KEY || event.key === null) sync();
  });
}
