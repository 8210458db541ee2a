/** @jsxImportSource hono/jsx */
// Form pieces every studio form uses: the hidden CSRF field, a labelled field with its hint and error, alerts.
import type { Child } from 'hono/jsx';

/** The session's CSRF token, which every state-changing form must carry (field `_csrf`). */
export function CsrfField(props: { token: string | undefined }) {
  return <input type="hidden" name="_csrf" value={props.token ?? ''} />;
}

export interface FieldProps {
  readonly name: string;
  readonly label: string;
  readonly type?: string;
  readonly value?: string;
  readonly error?: string;
  readonly hint?: string;
  readonly required?: boolean;
  readonly autocomplete?: string;
  readonly minlength?: number;
  /** Unique per page when the same field name appears in several forms. */
  readonly id?: string;
}

/** A label, an input and, when given, a hint and an error tied to it (aria-describedby, aria-invalid). */
export function Field(props: FieldProps) {
  const id = props.id ?? `field-${props.name}`;
  const described = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.type === 'password' ? undefined : props.value}
        required={props.required}
        autocomplete={props.autocomplete}
        minlength={props.minlength}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={described || undefined}
      />
      {props.error ? (
        <p class="error" id={`${id}-error`}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

/** A message about the whole form (what went wrong), announced to screen readers. */
export function Alert(props: { children: Child }) {
  return (
    <p class="alert" role="alert">
      {props.children}
    </p>
  );
}

/**
 * A table's frame: it scrolls sideways on a narrow screen, so it is a labelled region that takes
 * focus (keyboard users can scroll it; axe's scrollable-region-focusable).
 */
export function TableFrame(props: { label: string; children: Child }) {
  return (
    // A section with a name is a region landmark.
    <section class="table-wrap" aria-label={props.label} tabindex={0}>
      {props.children}
    </section>
  );
}
