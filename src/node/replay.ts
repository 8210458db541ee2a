// replayOf(hot response): what the Node fast paths send for it, prepared once per hot response.
import type { HotResponse } from '../http/hot-responses.ts';
import { parseHttpDate, toHttpSeconds } from '../http/http-date.ts';
import { noneMatchHits } from '../http/if-none-match.ts';

/** What a hot response becomes once, so each replay only fills in its request id. */
export interface Replay {
  /** The 200's headers as res.writeHead's flat [name, value, ...] list; the last value is the request id. */
  readonly ok: string[];
  /** The same for a 304: the app's 304 has no Content-Type, Content-Length or Content-Encoding. */
  readonly notModified: string[];
  /** The 200's status line and headers as node:http writes them, up to the request id's value (ASCII). */
  readonly okHead: Buffer;
  /** The same for the 304. */
  readonly notModifiedHead: Buffer;
  readonly body: Buffer;
  readonly lastModified: string | undefined;
  readonly lastModifiedSeconds: number;
  /** The request line's path as JSON, set on first use: a hot response answers one URL. */
  pathJson: string | undefined;
  /** Whether If-None-Match names this response's tag (in any coding), as the app decides it. */
  readonly noneMatchHits: (header: string) => boolean;
}

const replays = new WeakMap<HotResponse, Replay>();

/** The replay of `hit`, made on its first use and kept as long as the hot response is. */
export function replayOf(hit: HotResponse): Replay {
  let replay = replays.get(hit);
  if (replay === undefined) {
    replay = prepare(hit);
    replays.set(hit, replay);
  }
  return replay;
}

/** Headers the app leaves out of a 304 (RFC 9110 §15.4.5 asks only for the validators and caching). */
const NOT_IN_304 = new Set(['content-type', 'content-length', 'content-encoding']);

function prepare(hit: HotResponse): Replay {
  const ok: string[] = [];
  const notModified: string[] = [];
  for (const [name, value] of Object.entries(hit.headers)) {
    if (name === 'x-request-id') continue;
    ok.push(name, value);
    if (!NOT_IN_304.has(name)) notModified.push(name, value);
  }
  ok.push('x-request-id', '');
  notModified.push('x-request-id', '');
  const body = hit.body;
  const baseTag = hit.baseTag;
  return {
    ok,
    notModified,
    okHead: Buffer.from(headText('HTTP/1.1 200 OK', ok), 'latin1'),
    notModifiedHead: Buffer.from(headText('HTTP/1.1 304 Not Modified', notModified), 'latin1'),
    // A Buffer over the same bytes: node:http would otherwise wrap a Uint8Array on every write.
    body: Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength),
    lastModified: hit.headers['last-modified'],
    lastModifiedSeconds: toHttpSeconds(hit.lastModified),
    noneMatchHits: (header) => noneMatchHits(header, baseTag),
    pathJson: undefined,
  };
}

/** `status` and every header but the last value, as `name: value` lines: the last line ends after `name: `. */
function headText(status: string, list: readonly string[]): string {
  let text = `${status}\r\n`;
  for (let i = 0; i < list.length - 2; i += 2) text += `${list[i]}: ${list[i + 1]}\r\n`;
  return `${text}${list[list.length - 2]}: `;
}

/** If-Modified-Since (RFC 9110 §13.1.3): a client usually echoes Last-Modified, so that is checked before parsing. */
export function notModifiedSince(header: string | undefined, replay: Replay): boolean {
  if (header === undefined) return false;
  if (header === replay.lastModified) return true;
  const since = parseHttpDate(header);
  return since !== undefined && replay.lastModifiedSeconds <= toHttpSeconds(since);
}
