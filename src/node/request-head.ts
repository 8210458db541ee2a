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

/** What a known header is to the reader: counted, checked, read into the i-th READ slot, or refused. */
type Role = 'host' | 'connection' | number | 'refuse';

interface KnownHeader {
  /** The name in lower case, as bytes. */
  readonly bytes: Uint8Array;
  readonly role: Role;
}

/** tchar (RFC 9110 §5.6.2): `!#$%&'*+-.^_\`|~`, digits and letters; 1 where allowed, by code. */
const TCHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  TCHAR[c] = /[A-Za-z0-9]/.test(ch) || "!#$%&'*+-.^_`|~".includes(ch) ? 1 : 0;
}

/** Known names by length (an array, not a Map: a line's name is matched without hashing or a lower-case copy). */
const KNOWN_BY_LENGTH: KnownHeader[][] = [];
for (const known of [
  ...READ.map((name, i) => ({ name, role: i })),
  ...NOT_SIMPLE.map((name) => ({ name, role: 'refuse' as const })),
  { name: 'host', role: 'host' as const },
  { name: 'connection', role: 'connection' as const },
]) {
  const sameLength = KNOWN_BY_LENGTH[known.name.length] ?? [];
  sameLength.push({ bytes: Buffer.from(known.name, 'latin1'), role: known.role });
  KNOWN_BY_LENGTH[known.name.length] = sameLength;
}

/**
 * The head in `bytes[from..to)` (without its closing blank line), or undefined when it is anything
 * but the plainest well-formed HTTP/1.1 GET or HEAD (RFC 9112 §3, §5): origin-form target of
 * visible ASCII, exactly one Host, token header names, values of visible ASCII, spaces and tabs,
 * `Connection` absent or `keep-alive`. Refusing costs nothing but speed: node:http then parses the
 * same bytes, so what it accepts, rejects or answers is unchanged; this reader only has to agree with
 * it on what it does accept. It reads bytes, not a string (an element load is cheaper than a string's
 * charCodeAt), in one pass per line, and makes one string of the head once it is accepted.
 */
export function parseSimpleHead(bytes: Buffer, from = 0, to = bytes.length): SimpleHead | undefined {
  if (to - from > MAX_SIMPLE_HEAD_BYTES) return undefined;
  let method: 'GET' | 'HEAD';
  if (startsWith(bytes, from, to, GET)) method = 'GET';
  else if (startsWith(bytes, from, to, HEAD)) method = 'HEAD';
  else return undefined;
  // The target: visible ASCII up to the space before the version, then CRLF or the end.
  const urlStart = from + method.length + 1;
  let i = urlStart;
  while (i < to && bytes[i] !== 0x20) {
    const c = bytes[i] as number;
    if (c < 0x21 || c > 0x7e) return undefined;
    i++;
  }
  const urlEnd = i;
  if (!startsWith(bytes, urlEnd, to, VERSION)) return undefined;
  let at = urlEnd + VERSION.length;
  if (at < to && (bytes[at] !== 0x0d || bytes[at + 1] !== 0x0a)) return undefined;
  at += 2;
  // Where the READ headers' values are, in READ's order (0: absent).
  const valueFrom = [0, 0, 0, 0, 0];
  const valueTo = [0, 0, 0, 0, 0];
  let hosts = 0;
  let lines = 0;
  // One pass per line: the name (tchar up to the colon), then the value (VCHAR, SP, HTAB up to CRLF).
  while (at < to) {
    if (++lines > MAX_HEADER_LINES) return undefined;
    i = at;
    while (i < to && isTokenChar(bytes[i] as number)) i++;
    if (i === at || i === to || bytes[i] !== 0x3a) return undefined;
    const known = knownName(bytes, at, i);
    i++;
    while (i < to && isSpace(bytes[i] as number)) i++;
    const start = i;
    let end = i;
    for (; i < to; i++) {
      const c = bytes[i] as number;
      if (c === 0x0d) break;
      if ((c < 0x20 && c !== 0x09) || c > 0x7e) return undefined;
      if (c !== 0x20 && c !== 0x09) end = i + 1;
    }
    // A CR ends the line only with its LF; the last line ends with the head.
    if (i < to && bytes[i + 1] !== 0x0a) return undefined;
    at = i + 2;
    if (known === undefined) continue;
    const role = known.role;
    if (role === 'host') hosts++;
    else if (role === 'connection') {
      if (end - start !== 10 || !sameLowerCase(bytes, start, KEEP_ALIVE)) return undefined;
    } else if (role === 'refuse' || valueTo[role] !== 0) return undefined;
    else {
      valueFrom[role] = start;
      valueTo[role] = end;
    }
  }
  if (hosts !== 1) return undefined;
  const text = bytes.toString('latin1', from, to);
  return {
    method,
    url: text.slice(urlStart - from, urlEnd - from),
    headers: {
      'accept-encoding': sliceOf(text, from, valueFrom[0], valueTo[0]),
      'if-none-match': sliceOf(text, from, valueFrom[1], valueTo[1]),
      'if-modified-since': sliceOf(text, from, valueFrom[2], valueTo[2]),
      'x-request-id': sliceOf(text, from, valueFrom[3], valueTo[3]),
      'x-forwarded-for': sliceOf(text, from, valueFrom[4], valueTo[4]),
    },
  };
}

/**
 * text[start..end), where the text begins at byte `from`, or undefined for an absent header (end 0).
 * A function of its own, not a closure: tsx (esbuild's keepNames) names every closure it creates
 * with Object.defineProperty, which would cost more than the whole parse.
 */
function sliceOf(text: string, from: number, start = 0, end = 0): string | undefined {
  return end === 0 ? undefined : text.slice(start - from, end - from);
}

const GET = Buffer.from('GET /', 'latin1');
const HEAD = Buffer.from('HEAD /', 'latin1');
const VERSION = Buffer.from(' HTTP/1.1', 'latin1');

/** Whether bytes[at..to) starts with `prefix`. */
function startsWith(bytes: Uint8Array, at: number, to: number, prefix: Uint8Array): boolean {
  if (to - at < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[at + i] !== prefix[i]) return false;
  return true;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

/** Whether `c` is a tchar (RFC 9110 §5.6.2). */
function isTokenChar(c: number): boolean {
  return c < 128 && TCHAR[c] === 1;
}

/** The known header whose name is bytes[from..to), whatever its case, or undefined. */
function knownName(bytes: Uint8Array, from: number, to: number): KnownHeader | undefined {
  const candidates = KNOWN_BY_LENGTH[to - from];
  if (candidates === undefined) return undefined;
  for (const known of candidates) if (sameLowerCase(bytes, from, known.bytes)) return known;
  return undefined;
}

/** Whether bytes, from `from`, spell `lower` (lower-case ASCII) in any case. */
function sameLowerCase(bytes: Uint8Array, from: number, lower: Uint8Array): boolean {
  for (let i = 0; i < lower.length; i++) {
    let c = bytes[from + i] as number;
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (c !== lower[i]) return false;
  }
  return true;
}

const KEEP_ALIVE = Buffer.from('keep-alive', 'latin1');
