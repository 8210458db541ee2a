// What podwire stores from a source show or item: text cleaned and bounded as the API would accept it, notes sanitised.

import { truncateUtf8 } from '../../domain/text.ts';
import { findForbiddenXmlChar } from '../../domain/xml-chars.ts';
import type { SourceEpisode, SourceShow } from '../../feeds-in/podcast-source.ts';
import type { EpisodeFields } from '../editor/episodes.ts';
import type { ShowFields } from '../editor/shows.ts';
import type { HtmlSanitizer } from '../html-sanitizer.ts';
import { plainTextOfHtml } from '../search/plain-text.ts';

/** Changes whenever the mapping below changes, so the next import applies it to every episode again. */
const MAPPING_VERSION = 1;

/** Text without the characters XML 1.0 cannot carry (a feed must never hold them), cut to `max`. */
export function xmlSafe(text: string, max = Number.POSITIVE_INFINITY): string {
  let out = text;
  for (let found = findForbiddenXmlChar(out); found; found = findForbiddenXmlChar(out)) {
    out = out.slice(0, found.index) + out.slice(found.index + 1);
  }
  return out.length > max ? `${out.slice(0, max - 1).trimEnd()}…` : out;
}

const plain = (html: string) => xmlSafe(plainTextOfHtml(html));
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/**
 * Who may listen (`access`), and the licence and location an editor set here, are podwire's own:
 * an import neither sets nor resets them.
 */
export type ImportedShowFields = Omit<ShowFields, 'slug' | 'version' | 'access' | 'license' | 'location'>;

/** The show's fields (without the slug): plain-text description within Apple's 4000 bytes. */
export function showFieldsFrom(source: SourceShow): ImportedShowFields {
  const title = xmlSafe(source.title, 500);
  return {
    title,
    subtitle: xmlSafe(plainTextOfHtml(source.subtitle), 500),
    description: truncateUtf8(plain(source.description) || title, 4000),
    language: LANGUAGE.test(source.language) ? source.language : 'en',
    link: source.link,
    author: xmlSafe(source.author, 500) || title,
    ownerName: source.ownerName === null ? null : xmlSafe(source.ownerName, 200),
    ownerEmail: source.ownerEmail !== null && EMAIL.test(source.ownerEmail) ? source.ownerEmail : null,
    categories: [...source.categories],
    explicit: source.explicit,
    type: source.type,
    copyright: source.copyright === null ? null : xmlSafe(source.copyright, 500),
    // Kept: podwire's feed says podcast:locked too, so nobody else may take the show from here.
    locked: source.locked,
    funding: source.funding.map((f) => ({ url: f.url, title: xmlSafe(f.title, 128) })),
    // podwire's own feed must not send apps back to the old host.
    newFeedUrl: null,
    complete: source.complete,
    block: source.block,
    medium: source.medium,
    persons: source.persons.slice(0, 50).map((p) => ({ ...p, name: xmlSafe(p.name, 200) })),
    txt: [],
    podroll: [],
    updateFrequency: null,
  };
}

export type ImportedEpisodeFields = Omit<EpisodeFields, 'showId' | 'slug' | 'guid'>;

/**
 * The episode's fields: the summary as plain text, the show notes sanitised as podwire sanitises
 * everything (scripts, handlers and styles gone) before they are stored.
 */
export function episodeFieldsFrom(source: SourceEpisode, sanitize: HtmlSanitizer): ImportedEpisodeFields {
  return {
    title: xmlSafe(plainTextOfHtml(source.title), 500) || xmlSafe(source.guid, 500),
    summary: xmlSafe(plainTextOfHtml(source.summary), 4000),
    // Cut first, then sanitised: the sanitiser closes whatever the cut left open.
    contentHtml: sanitize(xmlSafe(source.contentHtml, 500_000)),
    season: source.season,
    number: source.number,
    type: source.type,
    explicit: source.explicit,
    block: source.block,
    persons: source.persons.slice(0, 50).map((p) => ({ ...p, name: xmlSafe(p.name, 200) })),
  };
}

/** SHA-256 (hex) of the source record as read: equal digests mean nothing in it changed. */
export async function sourceDigest(source: SourceEpisode | SourceShow): Promise<string> {
  const text = JSON.stringify([MAPPING_VERSION, source]);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
