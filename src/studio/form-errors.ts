// Errors for studio forms: a use case's PodwireError turned into one message per field and a status to answer with.
import { PodwireError } from '../errors.ts';

export interface FormErrors {
  /** The message beside each field, by field name. */
  readonly fields: Readonly<Record<string, string>>;
  /** A message about the whole form (shown above it), when no field is to blame. */
  readonly form?: string;
  readonly status: 400 | 403 | 404 | 409 | 429;
}

const STATUSES = new Set([400, 403, 404, 409, 429]);

/**
 * The form's view of a failed use case: ValidationError's `context.errors` (`field: message`) go
 * beside their fields, anything else above the form. Errors that are not the user's (5xx) are
 * rethrown.
 */
export function formErrorsOf(error: unknown): FormErrors {
  if (!(error instanceof PodwireError) || !STATUSES.has(error.status)) throw error;
  const fields: Record<string, string> = {};
  const listed = error.context.errors;
  if (Array.isArray(listed)) {
    for (const entry of listed as readonly string[]) {
      const at = entry.indexOf(': ');
      if (at > 0) fields[entry.slice(0, at)] = entry.slice(at + 2);
    }
  }
  return {
    fields,
    form: Object.keys(fields).length > 0 ? undefined : error.message,
    status: error.status as FormErrors['status'],
  };
}
