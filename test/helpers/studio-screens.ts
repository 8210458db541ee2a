// Content screen tests' helpers: a demo studio with an editor and a contributor signed in, pages parsed with linkedom, labels checked.
import { parseHTML } from 'linkedom';
import { createUser, openStudioApp, type StudioClient, signIn } from './studio-client.ts';

export async function openContentStudio(dir: string, vars: Record<string, string> = {}) {
  const studio = await openStudioApp(dir, vars);
  await createUser(studio, 'editor@example.com', 'editor');
  await createUser(studio, 'contributor@example.com', 'contributor');
  const editor = await signIn(studio, 'editor@example.com');
  const contributor = await signIn(studio, 'contributor@example.com');
  return { studio, editor, contributor };
}

export type ContentStudio = Awaited<ReturnType<typeof openContentStudio>>;

/** The page as a document. */
export function documentOf(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** GETs a studio page as `client`, expecting 200, and parses it. */
export async function page(client: StudioClient, path: string): Promise<{ html: string; doc: Document }> {
  const response = await client.get(path);
  const html = await response.text();
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${html.slice(0, 500)}`);
  return { html, doc: documentOf(html) };
}

/** Form controls a person fills in that have no label (label[for], aria-label or aria-labelledby). */
export function unlabelledControls(doc: Document): string[] {
  const missing: string[] = [];
  for (const control of doc.querySelectorAll('input, select, textarea')) {
    const type = control.getAttribute('type') ?? '';
    if (['hidden', 'submit', 'button', 'reset'].includes(type)) continue;
    const id = control.getAttribute('id');
    const labelled =
      (id !== null && doc.querySelector(`label[for="${id}"]`) !== null) ||
      control.hasAttribute('aria-label') ||
      control.hasAttribute('aria-labelledby') ||
      control.closest('label') !== null;
    if (!labelled) missing.push(control.outerHTML.slice(0, 120));
  }
  return missing;
}

/**
 * A textarea's value. linkedom leaves character references in a textarea's text as written
 * (`&lt;`), where a browser's RCDATA parsing decodes them: decoded here as a browser would.
 */
export function textareaValue(textarea: Element): string {
  const scratch = textarea.ownerDocument.createElement('div');
  scratch.innerHTML = textarea.textContent ?? '';
  return scratch.textContent ?? '';
}

/** The value of the control with this id as a browser shows it (textareas decoded). */
export function controlValue(doc: Document, id: string): string {
  const control = doc.getElementById(id);
  if (!control) throw new Error(`no control #${id}`);
  return control.tagName === 'TEXTAREA' ? textareaValue(control) : (control.getAttribute('value') ?? '');
}

/** The messages shown beside a field (its `-error` paragraph), as text. */
export function fieldMessages(doc: Document, id: string): string {
  const control = doc.getElementById(id);
  if (!control) throw new Error(`no control #${id}`);
  const described = (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter((d) => d.endsWith('-error'));
  return described.map((d) => doc.getElementById(d)?.textContent ?? '').join(' ');
}

/** The value of the hidden `etag` field of the form posting to `action`. */
export function etagIn(doc: Document, action: string): string {
  const form = [...doc.querySelectorAll('form')].find((f) => f.getAttribute('action') === action);
  const value = form?.querySelector('input[name="etag"]')?.getAttribute('value');
  if (!value) throw new Error(`no form with an etag posting to ${action}`);
  return value;
}

/** The fields of the form posting to `action`, as a browser would submit them, repeated names kept (three category pickers). */
export function formEntries(doc: Document, action: string): [string, string][] {
  const form = [...doc.querySelectorAll('form')].find((f) => f.getAttribute('action') === action);
  if (!form) throw new Error(`no form posting to ${action}`);
  const entries: [string, string][] = [];
  for (const control of form.querySelectorAll('input, select, textarea')) {
    const name = control.getAttribute('name');
    if (!name) continue;
    const type = control.getAttribute('type') ?? '';
    if ((type === 'checkbox' || type === 'radio') && !control.hasAttribute('checked')) continue;
    if (type === 'file' || type === 'submit') continue;
    if (control.tagName === 'SELECT') {
      const selected = control.querySelector('option[selected]') ?? control.querySelector('option');
      entries.push([name, selected?.getAttribute('value') ?? '']);
    } else if (control.tagName === 'TEXTAREA') entries.push([name, textareaValue(control)]);
    else entries.push([name, control.getAttribute('value') ?? '']);
  }
  return entries;
}

/** formEntries as one value per name (the last wins): for forms without repeated fields. */
export function formFields(doc: Document, action: string): Record<string, string> {
  return Object.fromEntries(formEntries(doc, action));
}

/**
 * POSTs `entries` as a same-origin browser form; `changes` replace every value of their names
 * (a list gives a repeated field).
 */
export function postEntries(
  client: StudioClient,
  path: string,
  entries: [string, string][],
  changes: Record<string, string | string[]> = {},
): Promise<Response> {
  const body = new URLSearchParams(entries.filter(([name]) => !(name in changes)));
  for (const [name, value] of Object.entries(changes)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  }
  if (!body.has('_csrf')) body.set('_csrf', client.csrfToken);
  return client.request(path, {
    method: 'POST',
    headers: { origin: 'https://news.example', 'sec-fetch-site': 'same-origin' },
    body,
  });
}
