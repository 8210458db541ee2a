// The publication forms: "Publish now", or "Schedule" with a datetime-local time read in the site's TIME_ZONE, checked by the API's PublishInput.
import { fromDateTimeLocal } from '../../domain/zoned-time.ts';
import { PublishInput } from '../../routes/api/schemas.ts';
import type { FieldErrors } from '../form/field-errors.ts';
import { type FormValues, firstValue } from '../form/form-values.ts';
import { validateForm } from '../form/validate.ts';

export type PublicationRequest =
  | { readonly ok: true; readonly at?: Date; readonly done: 'published' | 'scheduled' }
  | { readonly ok: false; readonly errors: FieldErrors };

/** What the publication form asks for: now, or a time to come (a time already past is refused, not backdated). */
export function publicationRequestOf(values: FormValues, timeZone: string, now: Date): PublicationRequest {
  if (firstValue(values, 'when') !== 'schedule') return { ok: true, done: 'published' };
  const text = firstValue(values, 'at').trim();
  if (text === '') return { ok: false, errors: { at: ['Give the date and time to publish at.'] } };
  const at = fromDateTimeLocal(text, timeZone);
  if (!at) return { ok: false, errors: { at: ['Give a date and time such as 2026-12-01 06:00.'] } };
  if (at.getTime() <= now.getTime()) {
    return { ok: false, errors: { at: ['That time has passed: choose a later one, or publish now.'] } };
  }
  const valid = validateForm(PublishInput, { at: at.toISOString() }, {});
  if (!valid.ok) return { ok: false, errors: valid.errors };
  return { ok: true, at, done: 'scheduled' };
}
