// Field errors for studio forms: the API's zod issues (and the form's own parse problems) placed beside the field they concern.
import type { z } from 'zod';

/** Messages per form field name; `_form` holds those that belong to no one field. */
export type FieldErrors = Readonly<Record<string, readonly string[]>>;

export const FORM_LEVEL = '_form';

type Issue = z.core.$ZodIssue;

/** How each list field counts its entries in a message: "Author 2: …". */
const ENTRY_NOUNS: Readonly<Record<string, string>> = {
  authors: 'Author',
  tags: 'Tag',
  categories: 'Category',
  funding: 'Funding link',
  chapters: 'Chapter',
  episodeIds: 'Episode',
  soundbites: 'Soundbite',
  socialInteract: 'Link',
};

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The issue's own message, said for a person filling in a form: zod's generic wording for an empty
 * required field or an over-long one is replaced; messages the schemas write themselves ("must be
 * lower-case letters…", Apple's category rules) are kept as they are.
 */
export function describeIssue(issue: Issue): string {
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1)
    return 'Required.';
  if (issue.code === 'too_small' && issue.origin === 'array') {
    return `Give at least ${issue.minimum}.`;
  }
  if (issue.code === 'too_big' && issue.origin === 'string') return `At most ${issue.maximum} characters.`;
  if (issue.code === 'too_big' && issue.origin === 'array') return `At most ${issue.maximum}.`;
  if (issue.code === 'too_small' && issue.origin === 'number') return `At least ${issue.minimum}.`;
  if (issue.code === 'too_big' && issue.origin === 'number') return `At most ${issue.maximum}.`;
  if (issue.code === 'invalid_type' && issue.expected === 'int') return 'A whole number.';
  const text = capitalise(issue.message);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/**
 * Groups issues by the form field that holds the value: the first path segment (`authors.1.email`
 * belongs to the authors field, and says which entry). `fieldOf` renames API fields to form
 * fields where they differ.
 */
export function fieldErrorsOf(
  issues: readonly Issue[],
  fieldOf: (apiField: string) => string = (f) => f,
): FieldErrors {
  const out: Record<string, string[]> = {};
  for (const issue of issues) {
    const [head, index, ...rest] = issue.path.map(String);
    const field = head === undefined ? FORM_LEVEL : fieldOf(head);
    const noun = head === undefined ? undefined : ENTRY_NOUNS[head];
    let message = describeIssue(issue);
    if (noun && index !== undefined && /^\d+$/.test(index)) {
      const part = rest.length > 0 ? ` (${rest.join('.')})` : '';
      message = `${noun} ${Number(index) + 1}${part}: ${message}`;
    }
    addTo(out, field, [message]);
  }
  return out;
}

/** Both sets of errors, field by field. */
export function mergeFieldErrors(a: FieldErrors, b: FieldErrors): FieldErrors {
  const out: Record<string, string[]> = {};
  for (const source of [a, b]) {
    for (const [field, messages] of Object.entries(source)) addTo(out, field, messages);
  }
  return out;
}

/** Appends `messages` to `field`'s list in `errors`. */
export function addTo(errors: Record<string, string[]>, field: string, messages: readonly string[]): void {
  const list = errors[field] ?? [];
  list.push(...messages);
  errors[field] = list;
}

export const hasErrors = (errors: FieldErrors) => Object.keys(errors).length > 0;

/** One error for one field. */
export const fieldError = (field: string, message: string): FieldErrors => ({ [field]: [message] });
