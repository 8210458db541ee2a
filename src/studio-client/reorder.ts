// Reordering without a page load: the Move up / Move down buttons (and Alt+↑ / Alt+↓ on a focused item) post as the form would, ask for JSON, and move the item in place.
import { adoptEtag, announce } from './page.ts';

type Direction = 'up' | 'down';

function moveButton(item: Element, direction: Direction): HTMLButtonElement | null {
  return item.querySelector<HTMLButtonElement>(`button[name="move"][value^="${direction}:"]`);
}

/** The Move buttons' disabled state follows the item's place (first cannot go up, last not down). */
function refreshButtons(list: Element): void {
  const items = [...list.querySelectorAll('[data-reorder-item]')];
  items.forEach((item, i) => {
    const up = moveButton(item, 'up');
    const down = moveButton(item, 'down');
    if (up) up.disabled = i === 0;
    if (down) down.disabled = i === items.length - 1;
  });
}

async function move(form: HTMLFormElement, container: Element, button: HTMLButtonElement): Promise<void> {
  const [direction, id] = button.value.split(':') as [Direction, string];
  const item = container.querySelector(`[data-reorder-item="${id}"]`);
  const list = item?.parentElement;
  if (!item || !list) return;
  const status = container.querySelector('[data-reorder-status]');
  const body = new FormData(form);
  body.set('move', button.value);
  const response = await fetch(form.action, {
    method: 'POST',
    body,
    headers: { accept: 'application/json' },
  });
  if (!response.ok) {
    let message = `Not moved: the server answered ${response.status}.`;
    try {
      message = ((await response.json()) as { error?: string }).error ?? message;
    } catch {
      // keep the plain line
    }
    announce(status, message);
    // The page is out of date (someone else changed it): show it as it is now.
    if (response.status === 412) window.setTimeout(() => window.location.reload(), 1500);
    return;
  }
  const result = (await response.json()) as { order: number[]; etag?: string };
  adoptEtag(result.etag ?? null);
  const sibling =
    direction === 'up' ? item.previousElementSibling : item.nextElementSibling?.nextElementSibling;
  list.insertBefore(item, sibling ?? null);
  refreshButtons(list);
  const items = [...list.querySelectorAll('[data-reorder-item]')];
  const name = item.querySelector('a')?.textContent ?? 'The item';
  announce(status, `Moved “${name}” to position ${items.indexOf(item) + 1} of ${items.length}.`);
  // Keep the keyboard where it was; a button that can no longer move hands focus to its pair.
  const again = moveButton(item, direction);
  (again && !again.disabled ? again : moveButton(item, direction === 'up' ? 'down' : 'up'))?.focus();
}

/** Enhances every `[data-reorder]` list on the page. */
export function enhanceReorder(): void {
  for (const container of document.querySelectorAll('[data-reorder]')) {
    const form = container.closest('form');
    if (!form) continue;
    let busy = false;
    const run = (button: HTMLButtonElement) => {
      if (busy || button.disabled) return;
      busy = true;
      move(form, container, button).finally(() => {
        busy = false;
      });
    };
    form.addEventListener('submit', (event) => {
      const button = event.submitter;
      if (!(button instanceof HTMLButtonElement) || !/^(up|down):/.test(button.value)) return;
      if (!container.contains(button)) return;
      event.preventDefault();
      run(button);
    });
    container.addEventListener('keydown', (event) => {
      const key = (event as KeyboardEvent).key;
      if (!(event as KeyboardEvent).altKey || (key !== 'ArrowUp' && key !== 'ArrowDown')) return;
      const item = (event.target as Element).closest('[data-reorder-item]');
      const button = item && moveButton(item, key === 'ArrowUp' ? 'up' : 'down');
      if (!button) return;
      event.preventDefault();
      run(button);
    });
  }
}
