// The live stream form: title, times as datetime-local in the site's TIME_ZONE, stream address and type, as the API's LiveItemInput.
import { fromDateTimeLocal } from '../../domain/zoned-time.ts';
import { LiveItemInput } from '../../routes/api/live-item-schemas.ts';
import type { FormValues } from '../form/form-values.ts';
import { readForm } from '../form/form-values.ts';
import { type Validated, validateForm } from '../form/validate.ts';

export const LIVE_LABELS = {
  title: 'Title',
  startAt: 'Starts',
  endAt: 'Ends',
  streamUrl: 'Stream address',
  streamType: 'Stream type',
  contentLink: 'Page where it plays',
} as const;

/** Types apps play most widely first (the namespace recommends MP3 and MP4/AAC). */
export const STREAM_TYPES = [
  { value: 'audio/mpeg', label: 'MP3 (audio/mpeg)' },
  { value: 'audio/aac', label: 'AAC (audio/aac)' },
  { value: 'application/x-mpegURL', label: 'HLS (application/x-mpegURL)' },
  { value: 'audio/ogg', label: 'Ogg (audio/ogg)' },
] as const;

export const NEW_LIVE_VALUES: FormValues = { streamType: 'audio/mpeg' };

/** The form as the API's input, checked by its schema; times are read in `timeZone`. */
export function liveItemInputFrom(values: FormValues, timeZone: string): Validated<unknown> {
  const form = readForm(values);
  const time = (name: 'startAt' | 'endAt') => {
    const text = form.text(name);
    if (text === '') return undefined;
    const at = fromDateTimeLocal(text, timeZone);
    if (!at) form.note(name, 'A date and time such as 2026-12-01 18:00.');
    return at?.toISOString();
  };
  const startAt = time('startAt');
  if (form.text('startAt') === '') form.note('startAt', 'Give the time the stream starts.');
  const input = {
    title: form.text('title'),
    startAt,
    endAt: time('endAt'),
    streamUrl: form.text('streamUrl'),
    streamType: form.text('streamType') || 'audio/mpeg',
    contentLink: form.optional('contentLink'),
  };
  return validateForm(LiveItemInput, JSON.parse(JSON.stringify(input)), form.problems());
}
