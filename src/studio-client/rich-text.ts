// The body editor: a formatting toolbar (an ARIA toolbar: one Tab stop, arrow keys between buttons) over an editable copy of the
// body, kept in step with the form's textarea, which "Edit HTML" shows again. Ctrl/⌘+B, I and K format; pasted text is cleaned.
import { cleanFragment } from './clean-html.ts';

interface Command {
  readonly label: string;
  readonly run: (surface: HTMLElement) => void;
  readonly shortcut?: string;
}

const block = (tag: string) => () => document.execCommand('formatBlock', false, `<${tag}>`);

const COMMANDS: readonly Command[] = [
  { label: 'Bold', shortcut: 'b', run: () => document.execCommand('bold') },
  { label: 'Italic', shortcut: 'i', run: () => document.execCommand('italic') },
  { label: 'Heading', run: block('h2') },
  { label: 'Subheading', run: block('h3') },
  { label: 'Paragraph', run: block('p') },
  { label: 'Quote', run: block('blockquote') },
  { label: 'Bulleted list', run: () => document.execCommand('insertUnorderedList') },
  { label: 'Numbered list', run: () => document.execCommand('insertOrderedList') },
  {
    label: 'Link',
    shortcut: 'k',
    run: () => {
      const url = window.prompt('Link to (https://…)');
      if (url && /^(https?:\/\/|mailto:)/i.test(url.trim()))
        document.execCommand('createLink', false, url.trim());
    },
  },
  { label: 'Remove link', run: () => document.execCommand('unlink') },
];

/** The surface's markup as the textarea holds it ('' for an empty editor's stray <br>). */
const markupOf = (surface: HTMLElement) =>
  surface.textContent?.trim() === '' && !surface.querySelector('img') ? '' : surface.innerHTML;

function toolbarKeys(toolbar: HTMLElement): void {
  toolbar.addEventListener('keydown', (event) => {
    const buttons = [...toolbar.querySelectorAll<HTMLButtonElement>('button')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const to =
      event.key === 'ArrowRight'
        ? at + 1
        : event.key === 'ArrowLeft'
          ? at - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? buttons.length - 1
              : null;
    if (to === null || at < 0) return;
    event.preventDefault();
    const next = buttons[(to + buttons.length) % buttons.length] as HTMLButtonElement;
    for (const b of buttons) b.tabIndex = b === next ? 0 : -1;
    next.focus();
  });
}

function enhance(field: HTMLElement): void {
  const textarea = field.querySelector<HTMLTextAreaElement>('textarea[data-rich-source]');
  const template = field.querySelector<HTMLTemplateElement>('template[data-rich-initial]');
  const label = field.querySelector('label');
  // A read-only screen (a disabled fieldset around the form) keeps its plain, disabled textarea.
  if (!textarea || !template || !label || textarea.matches(':disabled')) return;
  document.execCommand('defaultParagraphSeparator', false, 'p');
  const surface = document.createElement('div');
  surface.className = 'editor-surface';
  surface.id = `${textarea.id}-surface`;
  surface.contentEditable = 'true';
  surface.setAttribute('role', 'textbox');
  surface.setAttribute('aria-multiline', 'true');
  surface.setAttribute('aria-labelledby', label.id);
  const described = textarea.getAttribute('aria-describedby');
  if (described) surface.setAttribute('aria-describedby', described);
  if (textarea.getAttribute('aria-invalid')) surface.setAttribute('aria-invalid', 'true');
  // The server sent the body through the site's sanitiser for this copy: never the raw textarea text.
  surface.append(template.content.cloneNode(true));
  const sync = () => {
    textarea.value = markupOf(surface);
  };
  const toolbar = document.createElement('div');
  toolbar.className = 'editor-toolbar';
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', `Formatting: ${label.textContent ?? ''}`);
  toolbar.setAttribute('aria-controls', surface.id);
  COMMANDS.forEach((command, i) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = command.label;
    button.tabIndex = i === 0 ? 0 : -1;
    if (command.shortcut)
      button.setAttribute('aria-keyshortcuts', `Control+${command.shortcut.toUpperCase()}`);
    // Keep the selection in the surface: formatting applies to it.
    button.addEventListener('mousedown', (event) => event.preventDefault());
    button.addEventListener('click', () => {
      surface.focus();
      command.run(surface);
      sync();
    });
    toolbar.append(button);
  });
  const html = document.createElement('button');
  html.type = 'button';
  html.textContent = 'Edit HTML';
  html.tabIndex = -1;
  html.setAttribute('aria-pressed', 'false');
  html.addEventListener('click', () => {
    const showing = textarea.hidden === true;
    if (showing) sync();
    else surface.replaceChildren(cleanFragment(textarea.value));
    textarea.hidden = !showing;
    surface.hidden = showing;
    html.setAttribute('aria-pressed', String(showing));
    for (const b of toolbar.querySelectorAll('button')) if (b !== html) b.disabled = showing;
    (showing ? textarea : surface).focus();
  });
  toolbar.append(html);
  toolbarKeys(toolbar);
  surface.addEventListener('input', sync);
  surface.addEventListener('keydown', (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    const command = COMMANDS.find((c) => c.shortcut === event.key.toLowerCase());
    if (!command) return;
    event.preventDefault();
    command.run(surface);
    sync();
  });
  surface.addEventListener('paste', (event) => {
    const data = event.clipboardData;
    if (!data) return;
    event.preventDefault();
    const pasted = data.getData('text/html');
    if (pasted) {
      const holder = document.createElement('div');
      holder.append(cleanFragment(pasted));
      document.execCommand('insertHTML', false, holder.innerHTML);
    } else document.execCommand('insertText', false, data.getData('text/plain'));
    sync();
  });
  textarea.form?.addEventListener('submit', () => {
    if (textarea.hidden === true) sync();
  });
  textarea.hidden = true;
  textarea.before(toolbar, surface);
}

/** Enhances every `[data-rich-text]` field on the page. */
export function enhanceRichText(): void {
  for (const field of document.querySelectorAll<HTMLElement>('[data-rich-text]')) enhance(field);
}
