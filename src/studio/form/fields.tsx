/** @jsxImportSource hono/jsx */
// Form fields for studio screens: a label for every control, its hint, and the validation messages beside it (aria-invalid, aria-describedby).
import type { Child } from 'hono/jsx';
import type { FieldErrors } from './field-errors.ts';

interface Common {
  readonly name: string;
  readonly label: string;
  readonly errors?: FieldErrors;
  readonly hint?: Child;
  /** Defaults to `f-<name>`; repeated fields give each control its own. */
  readonly id?: string;
}

const idOf = (props: { name: string; id?: string }) => props.id ?? `f-${props.name}`;

/** The attributes that tie a control to its hint and messages (WCAG 3.3.1, 3.3.2). */
function described(props: Common) {
  const id = idOf(props);
  const messages = props.errors?.[props.name] ?? [];
  const ids = [props.hint ? `${id}-hint` : '', messages.length > 0 ? `${id}-error` : ''].filter(Boolean);
  return {
    id,
    messages,
    attributes: {
      id,
      name: props.name,
      'aria-invalid': messages.length > 0 ? 'true' : undefined,
      'aria-describedby': ids.length > 0 ? ids.join(' ') : undefined,
    },
  };
}

function Hint(props: { id: string; hint?: Child }) {
  return props.hint ? (
    <p class="hint" id={`${props.id}-hint`}>
      {props.hint}
    </p>
  ) : null;
}

function Messages(props: { id: string; messages: readonly string[] }) {
  return props.messages.length > 0 ? (
    <p class="field-error" id={`${props.id}-error`}>
      {props.messages.map((m, i) => (
        <>
          {i > 0 ? <br /> : null}
          <span class="visually-hidden">Error: </span>
          {m}
        </>
      ))}
    </p>
  ) : null;
}

export function TextField(
  props: Common & {
    readonly value: string;
    readonly type?: 'text' | 'email' | 'url' | 'number' | 'datetime-local' | 'search';
    readonly required?: boolean;
    readonly autocomplete?: string;
    readonly inputmode?: 'numeric' | 'text' | 'url' | 'email';
    readonly maxlength?: number;
    readonly readonly?: boolean;
    readonly size?: 'short' | 'long';
  },
) {
  const { id, messages, attributes } = described(props);
  return (
    <div class={`field${messages.length > 0 ? ' has-error' : ''}`}>
      <label for={id}>{props.label}</label>
      <Hint id={id} hint={props.hint} />
      <Messages id={id} messages={messages} />
      <input
        {...attributes}
        class={props.size === 'short' ? 'short' : undefined}
        type={props.type ?? 'text'}
        value={props.value}
        required={props.required}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        maxlength={props.maxlength}
        readonly={props.readonly}
      />
    </div>
  );
}

export function TextArea(
  props: Common & { readonly value: string; readonly rows?: number; readonly required?: boolean },
) {
  const { id, messages, attributes } = described(props);
  return (
    <div class={`field${messages.length > 0 ? ' has-error' : ''}`}>
      <label for={id}>{props.label}</label>
      <Hint id={id} hint={props.hint} />
      <Messages id={id} messages={messages} />
      <textarea {...attributes} rows={props.rows ?? 4} required={props.required}>
        {props.value}
      </textarea>
    </div>
  );
}

export interface Choice {
  readonly value: string;
  readonly label: string;
}

export interface ChoiceGroup {
  readonly label: string;
  readonly choices: readonly Choice[];
}

export function SelectField(
  props: Common & {
    readonly value: string;
    readonly choices?: readonly Choice[];
    readonly groups?: readonly ChoiceGroup[];
    readonly required?: boolean;
  },
) {
  const { id, messages, attributes } = described(props);
  const option = (choice: Choice) => (
    <option value={choice.value} selected={choice.value === props.value}>
      {choice.label}
    </option>
  );
  return (
    <div class={`field${messages.length > 0 ? ' has-error' : ''}`}>
      <label for={id}>{props.label}</label>
      <Hint id={id} hint={props.hint} />
      <Messages id={id} messages={messages} />
      <select {...attributes} required={props.required}>
        {(props.choices ?? []).map(option)}
        {(props.groups ?? []).map((group) => (
          <optgroup label={group.label}>{group.choices.map(option)}</optgroup>
        ))}
      </select>
    </div>
  );
}

export function CheckboxField(props: Common & { readonly checked: boolean }) {
  const { id, messages, attributes } = described(props);
  return (
    <div class={`field checkbox${messages.length > 0 ? ' has-error' : ''}`}>
      <input {...attributes} type="checkbox" value="on" checked={props.checked} />
      <label for={id}>{props.label}</label>
      <Hint id={id} hint={props.hint} />
      <Messages id={id} messages={messages} />
    </div>
  );
}

/** Radio buttons in a fieldset whose legend names the choice. */
export function RadioField(props: Common & { readonly value: string; readonly choices: readonly Choice[] }) {
  const id = idOf(props);
  const messages = props.errors?.[props.name] ?? [];
  return (
    <fieldset
      id={id}
      class={`field radios${messages.length > 0 ? ' has-error' : ''}`}
      aria-describedby={messages.length > 0 ? `${id}-error` : undefined}
    >
      <legend>{props.label}</legend>
      <Hint id={id} hint={props.hint} />
      <Messages id={id} messages={messages} />
      {props.choices.map((choice) => (
        <div class="radio">
          <input
            type="radio"
            id={`${id}-${choice.value}`}
            name={props.name}
            value={choice.value}
            checked={choice.value === props.value}
          />
          <label for={`${id}-${choice.value}`}>{choice.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** A file picker; the script adds upload progress (data-upload) where the screen asks for it. */
export function FileField(
  props: Common & { readonly accept: string; readonly upload?: Record<string, string> },
) {
  const { id, messages, attributes } = described(props);
  const data = Object.fromEntries(Object.entries(props.upload ?? {}).map(([k, v]) => [`data-${k}`, v]));
  return (
    <div class={`field${messages.length > 0 ? ' has-error' : ''}`}>
      <label for={id}>{props.label}</label>
      <Hint id={id} hint={props.hint} />
      <Messages id={id} messages={messages} />
      <input {...attributes} {...data} type="file" accept={props.accept} />
    </div>
  );
}
