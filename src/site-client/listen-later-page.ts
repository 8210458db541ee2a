// The /listen-later page: the server sends an empty shell; this fills it from the list in this browser.
import { LATER_KEY, type LaterItem, laterList, saveLaterList } from './stored.ts';

export function fillListenLater(root: HTMLElement): void {
  const list = root.querySelector<HTMLOListElement>('[data-list]');
  const empty = root.querySelector<HTMLElement>('[data-empty]');
  const status = root.querySelector<HTMLElement>('[data-status]');
  if (!list || !empty) return;

  const render = () => {
    const items = laterList();
    list.replaceChildren(...items.map(row));
    list.hidden = items.length === 0;
    empty.hidden = items.length > 0;
  };

  const row = (item: LaterItem): HTMLLIElement => {
    const li = document.createElement('li');
    const heading = document.createElement('h2');
    const link = document.createElement('a');
    link.href = item.url;
    link.textContent = item.title;
    heading.append(link);
    const meta = document.createElement('p');
    meta.className = 'meta';
    meta.textContent = [item.show, item.duration].filter(Boolean).join(' · ');
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = 'Remove';
    remove.setAttribute('aria-label', `Remove ${item.title} from Listen later`);
    remove.addEventListener('click', () => {
      const index = [...list.children].indexOf(li);
      saveLaterList(laterList().filter((i) => i.url !== item.url));
      render();
      if (status) status.textContent = `Removed ${item.title}.`;
      // Focus stays in the list (on the next row's button), or goes to the heading when it empties.
      const buttons = list.querySelectorAll('button');
      const focus = buttons[Math.min(index, buttons.length - 1)] ?? document.querySelector('h1');
      focus?.focus();
    });
    li.append(heading, meta, remove);
    return li;
  };

  render();
  window.addEventListener('storage', (event) => {
    if (event.key === LATER_KEY || event.key === null) render();
  });
}
