// Studio form bodies read into the API's input shapes: trimmed text, empty → absent or null, checkboxes, numbers, lists.
import { addTo, type FieldErrors } from './field-errors.ts';

/** What a form holds as text, field by field (a repeated field, such as three category pickers, as a list). */
export type FormValues = Readonly<Record<string, string | readonly string[]>>;

/** The text fields of a submitted form (urlencoded or multipart); files are left out. */
export function formValuesOf(form: FormData): FormValues {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value !== 'string') continue;
    const before = out[name];
    if (before === undefined) out[name] = value;
    else if (Array.isArray(before)) before.push(value);
    else out[name] = [before, value];
  }
  return out;
}

/** The first value of a field, as sent ('' when absent). */
export function firstValue(values: FormValues, name: string): string {
  const value = values[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/** Every value of a field. */
export function valuesOf(values: FormValues, name: string): readonly string[] {
  const value = values[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value as string];
}

/** Browsers send textarea line breaks as CRLF (HTML §4.10.21.8): stored text uses LF. */
const lf = (text: string) => text.replace(/\r\n?/g, '\n');

/**
 * A reader over one form: each method turns a field into the value the API schema expects, and
 * notes a problem the schema cannot see (a number field holding letters) under that field.
 */
export function readForm(values: FormValues) {
  const problems: Record<string, string[]> = {};
  const note = (name: string, message: string) => addTo(problems, name, [message]);
  const line = (name: string) => firstValue(values, name).trim();
  const reader = {
    /** Single-line text, trimmed. */
    text: (name: string) => line(name),
    /** Multi-line text as typed (line breaks as LF, outer blank lines removed). */
    block: (name: string) => lf(firstValue(values, name)).replace(/^\s*\n|\n\s*$/g, ''),
    /** Text, or undefined when left empty (the API then keeps its default or the stored value). */
    optional: (name: string) => line(name) || undefined,
    /** Text, or null when left empty (clears a stored value). */
    nullable: (name: string) => line(name) || null,
    checkbox: (name: string) => values[name] !== undefined,
    /** A whole number, or null when empty. Anything else is noted, and undefined returned. */
    integer(name: string): number | null | undefined {
      const text = line(name);
      if (text === '') return null;
      if (!/^-?\d{1,9}$/.test(text)) {
        note(name, 'A whole number, in digits.');
        return undefined;
      }
      return Number(text);
    },
    /** Comma- or line-separated entries, trimmed, empties dropped ("news, tide,  mills"). */
    list: (name: string) =>
      lf(firstValue(values, name))
        .split(/[,\n]/)
        .map((entry) => entry.trim())
        .filter((entry) => entry !== ''),
    /** Non-empty lines, trimmed. */
    lines: (name: string) =>
      lf(firstValue(values, name))
        .split('\n')
        .map((entry) => entry.trim())
        .filter((entry) => entry !== ''),
    /** Every value of a repeated field, trimmed, empties dropped. */
    all: (name: string) =>
      valuesOf(values, name)
        .map((v) => v.trim())
        .filter((v) => v !== ''),
    note,
    problems: (): FieldErrors => problems,
  };
  return reader;
}

export type FormReader = ReturnType<typeof readForm>;

/** Drops keys whose value is undefined, so a merge-patch body names only what the form sets. */
export function defined<T extends Record<string, unknown>>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}
