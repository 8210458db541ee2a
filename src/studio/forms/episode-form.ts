// The episode form: its fields from a stored episode, and a submitted form as the API's EpisodeInput / EpisodePatch body.
import type { episodeView } from '../../catalog/editor/views.ts';
import { slugFrom } from '../../domain/slug.ts';
import { defined, type FormValues, readForm } from '../form/form-values.ts';
import {
  licenceAndPlaceValues,
  licenseFrom,
  locationFrom,
  socialFrom,
  socialLines,
  soundbiteLines,
  soundbitesFrom,
  TAG_LABELS,
} from './tag-form.ts';

export type EpisodeViewModel = ReturnType<typeof episodeView>;

export const EPISODE_LABELS = {
  showId: 'Show',
  title: 'Title',
  slug: 'Slug',
  guid: 'GUID',
  summary: 'Summary',
  contentHtml: 'Show notes',
  season: 'Season',
  number: 'Episode number',
  type: 'Episode type',
  explicit: 'Explicit content',
  block: 'Hide this episode from podcast directories (itunes:block)',
  audio: 'Audio file',
  image: 'Episode artwork',
  transcript: 'Transcript file',
  chapters: 'Chapters',
  ...TAG_LABELS,
} as const;

/** The explicit picker: inherit the show's setting, or say yes or no for this episode. */
export const EXPLICIT_CHOICES = [
  { value: '', label: "As the show's setting" },
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
] as const;

export const EPISODE_TYPE_CHOICES = [
  { value: 'full', label: 'Full episode' },
  { value: 'trailer', label: 'Trailer' },
  { value: 'bonus', label: 'Bonus' },
] as const;

export function episodeFormValues(view: EpisodeViewModel): FormValues {
  return {
    showId: String(view.showId),
    title: view.title,
    slug: view.slug,
    guid: view.guid,
    summary: view.summary,
    contentHtml: view.contentHtml,
    season: view.season === null ? '' : String(view.season),
    number: view.number === null ? '' : String(view.number),
    type: view.type,
    explicit: view.explicit === null ? '' : view.explicit ? 'yes' : 'no',
    ...(view.block ? { block: 'on' } : {}),
    soundbites: soundbiteLines(view.soundbites),
    socialInteract: socialLines(view.socialInteract),
    ...licenceAndPlaceValues(view),
  };
}

/** The body the API would take for this form (season and number left empty clear them). */
export function episodeInputFrom(values: FormValues, mode: 'create' | 'edit') {
  const form = readForm(values);
  const title = form.text('title');
  const explicit = form.text('explicit');
  const showId = form.text('showId');
  const input = {
    ...(mode === 'create' ? { showId: /^\d{1,9}$/.test(showId) ? Number(showId) : undefined } : {}),
    title,
    slug: form.text('slug') || (mode === 'create' ? slugFrom(title) : ''),
    // A GUID is kept forever once published: only sent when the form offers it (drafts).
    guid: values.guid === undefined ? undefined : form.optional('guid'),
    summary: form.block('summary'),
    contentHtml: form.block('contentHtml'),
    season: form.integer('season'),
    number: form.integer('number'),
    type: form.text('type') || 'full',
    explicit: explicit === 'yes' ? true : explicit === 'no' ? false : null,
    block: form.checkbox('block'),
    soundbites: soundbitesFrom(form),
    socialInteract: socialFrom(form),
    license: licenseFrom(form),
    location: locationFrom(form),
  };
  if (mode === 'create' && input.showId === undefined) form.note('showId', 'Choose a show.');
  return { input: defined(input), problems: form.problems() };
}
