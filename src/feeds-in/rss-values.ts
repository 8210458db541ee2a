// Small readers of RSS values: yes/no flags, positive numbers, durations, dates, persons, files.
import type { Person } from '../domain/vocabulary.ts';
import type { SourceFile } from './podcast-source.ts';
import { childrenNamed, type XmlElement } from './xml-tree.ts';

/** Apple's "yes"/"true" (itunes:explicit, itunes:block, itunes:complete); anything else is false. */
export const isYes = (text: string | undefined) => /^(yes|true|explicit)$/i.test(text?.trim() ?? '');

/** itunes:explicit on an item: true, false, or null (not said, so the show's setting applies). */
export function explicitFlag(text: string | undefined): boolean | null {
  if (text === undefined) return null;
  if (isYes(text)) return true;
  return /^(no|false|clean)$/i.test(text.trim()) ? false : null;
}

/** A whole number above zero (itunes:season, itunes:episode), or null. */
export function positiveInteger(text: string | undefined): number | null {
  if (text === undefined || !/^\s*\d{1,9}\s*$/.test(text)) return null;
  const n = Number(text);
  return n > 0 ? n : null;
}

/** itunes:duration: seconds, or [[H:]M:]S; null when unreadable. */
export function durationSeconds(text: string | undefined): number | null {
  if (text === undefined) return null;
  const parts = text.trim().split(':');
  if (parts.length > 3 || parts.some((p) => !/^\d+(\.\d+)?$/.test(p))) return null;
  return parts.reduce((total, part) => total * 60 + Number(part), 0);
}

/**
 * An RFC 822 date (RSS 2.0 pubDate), as milliseconds, or null. Date.parse reads RFC 2822 and the
 * common ISO 8601 slips; a date it cannot read is null rather than a guess.
 */
export function rfc822Date(text: string | undefined): number | null {
  if (text === undefined) return null;
  const ms = Date.parse(text.trim().replace(/^[A-Za-z]{3,9},?\s*/, ''));
  return Number.isFinite(ms) ? ms : null;
}

/** An absolute http(s) URL, or undefined. */
export function httpUrl(text: string | undefined, base?: string): string | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  try {
    const url = new URL(text.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** `podcast:person` elements (Podcast Index namespace): name, role, group, href, img. */
export function personsOf(element: XmlElement, base: string): Person[] {
  const persons: Person[] = [];
  for (const p of childrenNamed(element, 'podcast:person')) {
    const name = p.text.trim();
    if (name === '') continue;
    const person: Person = { name };
    if (p.attributes.role) person.role = p.attributes.role.trim();
    if (p.attributes.group) person.group = p.attributes.group.trim();
    const url = httpUrl(p.attributes.href, base);
    if (url) person.url = url;
    const imageUrl = httpUrl(p.attributes.img, base);
    if (imageUrl) person.imageUrl = imageUrl;
    persons.push(person);
  }
  return persons;
}

/** An element's `url` (or `href`) attribute as a file to fetch, with the type it claims. */
export function fileOf(
  element: XmlElement | undefined,
  base: string,
  attribute = 'url',
): SourceFile | undefined {
  if (!element) return undefined;
  const url = httpUrl(element.attributes[attribute], base);
  if (!url) return undefined;
  const type = element.attributes.type?.trim();
  return type ? { url, type } : { url };
}
