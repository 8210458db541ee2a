// validateForm: a form's input checked by the API's own zod schema, with the form's parse problems first.
import type { z } from 'zod';
import { addTo, type FieldErrors, fieldErrorsOf, hasErrors } from './field-errors.ts';

export type Validated<T> =
  | { readonly ok: true; readonly data: T }
  | { readonly ok: false; readonly errors: FieldErrors };

/**
 * Parses `input` with `schema` (ArticleInput, ShowPatch…: the rules the API applies). A field the
 * form already found wrong (letters in a number field) keeps that message alone, not zod's second
 * opinion on the value left out.
 */
export function validateForm<S extends z.ZodType>(
  schema: S,
  input: unknown,
  problems: FieldErrors,
): Validated<z.output<S>> {
  const result = schema.safeParse(input);
  const errors: Record<string, string[]> = Object.fromEntries(
    Object.entries(problems).map(([field, messages]) => [field, [...messages]]),
  );
  if (!result.success) {
    for (const [field, messages] of Object.entries(fieldErrorsOf(result.error.issues))) {
      if (problems[field]) continue;
      addTo(errors, field, messages);
    }
  }
  if (hasErrors(errors) || !result.success) return { ok: false, errors };
  return { ok: true, data: result.data };
}
