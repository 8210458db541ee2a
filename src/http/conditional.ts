// Conditional requests (RFC 9110 §13): evaluate If-Match, If-Unmodified-Since, If-None-Match,
// If-Modified-Since and If-Range against a representation's validators, in the order §13.2.2 sets.
import { parseHttpDate, toHttpSeconds } from './http-date.ts';

export interface Validators {
  /** A quoted entity tag, such as `"5d41402abc4b2a76"` or `W/"..."`. */
  readonly etag: string;
  readonly lastModified: Date;
}

export type Precondition = 'proceed' | 'not-modified' | 'failed';

const opaque = (tag: string) => tag.replace(/^W\//, '');

/** Entity tags listed in an If-Match / If-None-Match / If-Range value (`*` yields ['*']). */
export function listedTags(header: string): string[] {
  if (header.trim() === '*') return ['*'];
  return header.match(/(?:W\/)?"[^"]*"/g) ?? [];
}

/** Strong comparison (§8.8.3.2): both strong and identical. */
function strongMatch(a: string, b: string): boolean {
  return !a.startsWith('W/') && !b.startsWith('W/') && a === b;
}

/** Weak comparison (§8.8.3.2): identical opaque tags. */
function weakMatch(a: string, b: string): boolean {
  return opaque(a) === opaque(b);
}

/**
 * The outcome for a GET or HEAD: 'failed' (412), 'not-modified' (304) or 'proceed'. Dates are
 * compared in whole seconds; a date condition is ignored when the matching tag condition is present.
 */
export function evaluatePreconditions(headers: Headers, validators: Validators): Precondition {
  const ifMatch = headers.get('if-match');
  if (ifMatch !== null) {
    const tags = listedTags(ifMatch);
    if (!tags.includes('*') && !tags.some((tag) => strongMatch(tag, validators.etag))) return 'failed';
  } else {
    const since = parseHttpDate(headers.get('if-unmodified-since') ?? undefined);
    if (since && toHttpSeconds(validators.lastModified) > toHttpSeconds(since)) return 'failed';
  }
  const ifNoneMatch = headers.get('if-none-match');
  if (ifNoneMatch !== null) {
    const tags = listedTags(ifNoneMatch);
    if (tags.includes('*') || tags.some((tag) => weakMatch(tag, validators.etag))) return 'not-modified';
  } else {
    const since = parseHttpDate(headers.get('if-modified-since') ?? undefined);
    if (since && toHttpSeconds(validators.lastModified) <= toHttpSeconds(since)) return 'not-modified';
  }
  return 'proceed';
}

/**
 * Whether a Range request may be honoured under If-Range (§13.1.5): an entity tag must match
 * strongly; a date must equal Last-Modified exactly. Without If-Range, always.
 */
export function ifRangeHolds(headers: Headers, validators: Validators): boolean {
  const value = headers.get('if-range');
  if (value === null) return true;
  if (value.trim().startsWith('"') || value.trim().startsWith('W/')) {
    return strongMatch(value.trim(), validators.etag);
  }
  const date = parseHttpDate(value);
  return date !== undefined && toHttpSeconds(date) === toHttpSeconds(validators.lastModified);
}
