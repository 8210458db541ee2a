// parseSimpleHead: reads a plain HTTP/1.1 GET or HEAD request head, or refuses it so node:http parses it instead.
import type { IncomingHttpHeaders } from 'node:http';

/** A request head the front may answer itself: no body, keep-alive, nothing that changes framing. */
export interface SimpleHead {
  readonly method: 'GET' | 'HEAD';
  /** The request target as sent (origin form), as node:http's req.url gives it. */
  readonly url: string;
  /** Only the headers the fast path reads, lower-cased; each at most once. */
  readonly headers: IncomingHttpHeaders;
}

/** node:http's default limit on a request head (--max-http-header-size): longer heads are its to refuse. */
export const MAX_SIMPLE_HEAD_BYTES = 16 * 1024;
const MAX_HEADER_LINES = 100;

/** Headers the fast path reads: kept when sent once; a request sending one twice goes to node:http. */
const READ = [
  'accept-encoding',
  'if-none-match',
  'if-modified-since',
  'x-request-id',
  'x-forwarded-for',
] as const;

/**
 * Headers that bring a body, change the connection or the framing of the answer, or make the app
 * answer differently (preconditions, ranges): any of them sends the request to node:http.
 */
const NOT_SIMPLE = [
  'content-length',
  'transfer-encoding',
  'expect',
  'upgrade',
  'te',
  'trailer',
  'if-match',
  'if-unmodified-since',
  'if-range',
  'range',
  'http2-settings',
] as const;

type Known = (typeof READ)[number] | (typeof NOT_SIMPLE)[number] | 'host' | 'connection';

/** Known names by length: a header line's name is matched without making a lower-case copy. */
const KNOWN_BY_LENGTH = new Map<number, Known[]>();
for (const name of [...READ, ...NOT_SIMPLE, 'host', 'connection'] as const) {
  KNOWN_BY_LENGTH.set(name.length, [...(KNOWN_BY_LENGTH.get(name.length) ?? []), name]);
}
const IS_READ = new Set<Known>(READ);

/** tchar (RFC 9110 §5.6.2): `!#$%&'*+-.^_\`|~`, digits and letters; 1 where allowed, by code. */
const TCHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  TCHAR[c] = /[A-Za-z0-9]/.test(ch) || "!#$%&'*+-.^_`|~".includes(ch) ? 1 : 0;
}

/**
 * The head in `text` (without its closing blank line), or undefined when it is anything but the
 * plainest well-formed HTTP/1.1 GET or HEAD (RFC 9112 §3, §5): origin-form target of visible ASCII,
 * exactly one Host, token header names, values of visible ASCII, spaces and tabs, `Connection`
 * absent or `keep-alive`. Refusing costs nothing but speed: node:http then parses the same bytes,
 * so what it accepts, rejects or answers is unchanged; this reader only has to agree with it on
 * what it does accept.
 */
export function parseSimpleHead(text: string): SimpleHead | undefined {
  if (text.length > MAX_SIMPLE_HEAD_BYTES) return undefined;
  let lineEnd = text.indexOf('\r\n');
  if (lineEnd === -1) lineEnd = text.length;
  const method = text.startsWith('GET /') ? 'GET' : text.startsWith('HEAD /') ? 'HEAD' : undefined;
  if (method === undefined) return undefined;
  const urlStart = method.length + 1;
  const urlEnd = text.indexOf(' ', urlStart);
  if (urlEnd === -1 || urlEnd > lineEnd || lineEnd - urlEnd !== 9) return undefined;
  if (!text.startsWith(' HTTP/1.1', urlEnd) || !isVisible(text, urlStart, urlEnd)) return undefined;
  const headers: Record<string, string | undefined> = {
    'accept-encoding': undefined,
    'if-none-match': undefined,
    'if-modified-since': undefined,
    'x-request-id': undefined,
    'x-forwarded-for': undefined,
  };
  let hosts = 0;
  let lines = 0;
  let at = lineEnd + 2;
  while (at < text.length) {
    if (++lines > MAX_HEADER_LINES) return undefined;
    let end = text.indexOf('\r\n', at);
    if (end === -1) end = text.length;
    const colon = text.indexOf(':', at);
    if (colon <= at || colon >= end || !isToken(text, at, colon)) return undefined;
    const name = knownName(text, at, colon);
    let from = colon + 1;
    let to = end;
    while (from < to && isSpace(text.charCodeAt(from))) from++;
    while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
    if (!isFieldValue(text, from, to)) return undefined;
    at = end + 2;
    if (name === undefined) continue;
    if (name === 'host') hosts++;
    else if (name === 'connection') {
      if (to - from !== 10 || !sameLowerCase(text, from, 'keep-alive')) return undefined;
    } else if (IS_READ.has(name)) {
      if (headers[name] !== undefined) return undefined;
      headers[name] = text.slice(from, to);
    } else return undefined;
  }
  if (hosts !== 1) return undefined;
  return { method, url: text.slice(urlStart, urlEnd), headers };
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

/** VCHAR only (RFC 5234): what a request target is made of here. */
function isVisible(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

/** VCHAR, SP and HTAB: field values without obs-text or any control character (RFC 9110 §5.5). */
function isFieldValue(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09) || c > 0x7e) return false;
  }
  return true;
}

/** Whether text[from..to) is a token (tchar only). */
function isToken(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || TCHAR[c] === 0) return false;
  }
  return true;
}

/** The known header whose name is text[from..to), whatever its case, or undefined. */
function knownName(text: string, from: number, to: number): Known | undefined {
  const candidates = KNOWN_BY_LENGTH.get(to - from);
  if (candidates === undefined) return undefined;
  for (const name of candidates) if (sameLowerCase(text, from, name)) return name;
  return undefined;
}

/** Whether text, from `from`, spells `lower` (lower-case ASCII) in any case. */
function sameLowerCase(text: string, from: number, lower: string): boolean {
  for (let i = 0; i < lower.length; i++) {
    let c = text.charCodeAt(from + i);
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (c !== lower.charCodeAt(i)) return false;
  }
  return true;
}
