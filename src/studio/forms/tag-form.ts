// The studio's fields for Podcast Index tags: licence and place (shows, episodes), soundbites and discussion links (episodes), as lines and boxes.

import { formatDuration } from '../../domain/duration.ts';
import type { License, Location, SocialInteract, Soundbite } from '../../domain/vocabulary.ts';
import type { FormReader, FormValues } from '../form/form-values.ts';
import { parseStart } from './chapters-form.ts';

export const TAG_LABELS = {
  license: 'Licence',
  location: 'Place',
  soundbites: 'Soundbites',
  socialInteract: 'Discussion links',
} as const;

/** A stored licence and place as form fields (empty when there is none). */
export function licenceAndPlaceValues(view: {
  license: License | null;
  location: Location | null;
}): FormValues {
  const { license, location } = view;
  return {
    licenseName: license?.name ?? '',
    licenseUrl: license?.url ?? '',
    locationName: location?.name ?? '',
    locationRel: location?.rel ?? '',
    locationGeo: location?.geo ?? '',
    locationOsm: location?.osm ?? '',
    locationCountry: location?.country ?? '',
  };
}

/** A start time as the form writes it: "12:05", with milliseconds when there are any ("12:05.5"). */
function startText(seconds: number): string {
  const whole = Math.floor(seconds);
  const ms = Math.round((seconds - whole) * 1000);
  return ms === 0
    ? formatDuration(whole)
    : `${formatDuration(whole)}.${String(ms).padStart(3, '0').replace(/0+$/, '')}`;
}

/** Soundbites as lines: "start length title" ("12:05 45 The machine turns"; length in seconds). */
export const soundbiteLines = (list: readonly Soundbite[]) =>
  list.map((b) => [startText(b.startSeconds), b.durationSeconds, b.title ?? ''].join(' ').trim()).join('\n');

/** Discussion links as lines: "protocol uri [account]" ("activitypub https://… @desk"), first line first. */
export const socialLines = (list: readonly SocialInteract[]) =>
  list.map((s) => [s.protocol, s.uri ?? '', s.accountId ?? ''].join(' ').trim()).join('\n');

/** The licence the form gives: null when its name is left empty (an episode then takes the show's). */
export function licenseFrom(form: FormReader): unknown {
  const name = form.text('licenseName');
  const url = form.optional('licenseUrl');
  if (name === '' && url !== undefined)
    form.note('license', 'Give the licence a name (or an SPDX identifier).');
  return name === '' ? null : { name, ...(url ? { url } : {}) };
}

/** The place the form gives: null when its name is left empty. */
export function locationFrom(form: FormReader): unknown {
  const name = form.text('locationName');
  const extra = {
    rel: form.optional('locationRel'),
    geo: form.optional('locationGeo'),
    osm: form.optional('locationOsm'),
    country: form.optional('locationCountry'),
  };
  const given = Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined));
  if (name === '' && Object.keys(given).length > 0) form.note('location', 'Give the place a name.');
  return name === '' ? null : { name, ...given };
}

/** Soundbite lines as the API's list; a line that is no "time seconds [title]" is noted under soundbites. */
export function soundbitesFrom(form: FormReader): unknown[] {
  return form.lines('soundbites').flatMap((line, i) => {
    const [start = '', length = '', ...words] = line.split(/\s+/);
    const startSeconds = parseStart(start) ?? (/^\d+(\.\d+)?$/.test(start) ? Number(start) : undefined);
    const durationSeconds = /^\d+(\.\d+)?$/.test(length) ? Number(length) : undefined;
    if (startSeconds === undefined || durationSeconds === undefined) {
      form.note(
        'soundbites',
        `Line ${i + 1}: start time, then length in seconds, then a title: “12:05 45 The machine”.`,
      );
      return [];
    }
    const title = words.join(' ');
    return [{ startSeconds, durationSeconds, ...(title ? { title } : {}) }];
  });
}

/** Discussion lines as the API's list, in order of priority (first line first). */
export function socialFrom(form: FormReader): unknown[] {
  const lines = form.lines('socialInteract');
  return lines.map((line, i) => {
    const [protocol = '', uri, accountId] = line.split(/\s+/);
    if (protocol === 'disabled') return { protocol };
    return {
      protocol,
      ...(uri ? { uri } : {}),
      ...(accountId ? { accountId } : {}),
      ...(lines.length > 1 ? { priority: i + 1 } : {}),
    };
  });
}
