/** @jsxImportSource hono/jsx */
// The body editor. Without the script: the HTML in a textarea. With it: a formatting toolbar over an editable copy, kept in sync with the textarea.
//
// Why rich text over HTML rather than Markdown: bodies are stored as HTML (the API's contract, and what
// articles written through the API hold). Editing that HTML directly, sanitised for display, keeps one
// source of truth with no lossy HTML→Markdown round trip and no second stored format; what the toolbar
// makes is the small set of elements the sanitiser keeps (paragraphs, h2/h3, bold, italic, links,
// lists, quotes), and every page and feed shows the body through the same sanitiser.
import { raw } from 'hono/html';
import type { Html } from '../../domain/html.ts';
import type { FieldErrors } from '../form/field-errors.ts';

export function RichTextField(props: {
  name: string;
  label: string;
  value: string;
  /** `value` through the site's sanitiser: what the editable copy starts from (never the raw markup). */
  sanitized: Html;
  errors: FieldErrors;
}) {
  const id = `f-${props.name}`;
  const messages = props.errors[props.name] ?? [];
  const described = [`${id}-hint`, messages.length > 0 ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={`field${messages.length > 0 ? ' has-error' : ''}`} data-rich-text="">
      <label for={id} id={`${id}-label`}>
        {props.label}
      </label>
      <p class="hint" id={`${id}-hint`}>
        HTML: paragraphs, headings, links, lists and quotes are kept; pages and feeds show it sanitised. With
        JavaScript on, a toolbar formats it (Ctrl+B bold, Ctrl+I italic, Ctrl+K link).
      </p>
      {messages.length > 0 ? (
        <p class="field-error" id={`${id}-error`}>
          {messages.join(' ')}
        </p>
      ) : null}
      <textarea
        id={id}
        name={props.name}
        rows={14}
        aria-invalid={messages.length > 0 ? 'true' : undefined}
        aria-describedby={described}
        data-rich-source=""
      >
        {props.value}
      </textarea>
      <template data-rich-initial="">{raw(props.sanitized)}</template>
    </div>
  );
}
