// createSafeFetch: GET from another host without SSRF, with redirects re-checked hop by hop and size and time caps.
import { classifyAddress, parseIpLiteral } from './address-rules.ts';
import { cappedBody, readAll } from './capped-body.ts';
import { type Deadline, startDeadline } from './fetch-deadline.ts';
import { FetchFailed, FetchRefused, FetchTooLarge } from './fetch-errors.ts';
import { type CheckedUrl, checkFetchUrl, type UrlPolicy } from './url-rules.ts';

/** The runtime's part of a fetch. */
export interface FetchPort {
  /**
   * Sends `request` (GET, `redirect: 'manual'`) and answers its response, not following redirects.
   * When `pinned.address` is set the connection must go to that address, never to a fresh DNS
   * answer for the host (the Host header and TLS name stay the URL's).
   */
  fetch(request: Request, pinned: { readonly address?: string }): Promise<Response>;
  /** Every address of `hostname`. Absent on Workers, which have no DNS API. */
  resolve?(hostname: string): Promise<string[]>;
}

export interface FetchPolicy extends UrlPolicy {
  /** Redirects followed before refusing (default 5). */
  readonly maxRedirects?: number;
  /** Time cap of one fetch: DNS, connect, headers, every redirect and the whole body. */
  readonly timeoutMs: number;
}

export interface FetchOptions {
  /** Most bytes of body the caller takes; more errors the body with FetchTooLarge. */
  readonly maxBytes: number;
  /** The Accept header (default `*\/*`). */
  readonly accept?: string;
  readonly signal?: AbortSignal;
  /** Overrides the policy's time cap for this fetch (a long audio download). */
  readonly timeoutMs?: number;
}

export interface SafeRedirect {
  readonly from: string;
  readonly to: string;
  /** 301 or 308: the caller should remember the new URL (a feed that moved). */
  readonly permanent: boolean;
}

export interface SafeResponse {
  /** The final URL, after redirects. */
  readonly url: string;
  readonly status: number;
  readonly headers: Headers;
  readonly redirects: ReadonlyArray<SafeRedirect>;
  /**
   * Errors with FetchTooLarge once more than maxBytes flow, or FetchTimedOut past the time cap.
   * Read it or cancel it: a body left alone holds its connection until the time cap ends it.
   */
  readonly body: ReadableStream<Uint8Array>;
  /** The whole body, capped as `body` is. */
  bytes(): Promise<Uint8Array>;
}

export type SafeFetch = (url: string | URL, options: FetchOptions) => Promise<SafeResponse>;

/** RFC 9110 §15.4: the redirects a GET follows; 301 and 308 are permanent. */
const REDIRECTS: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);
const USER_AGENT = 'podwire (feed importer)';

/**
 * Makes the fetch every outgoing request of podwire goes through. Each URL, the first and every
 * redirect target, passes checkFetchUrl; a host name is then resolved (where the port can) and
 * every address checked, and the connection pinned to a checked one so a second DNS answer
 * (rebinding) cannot move it. Non-2xx final statuses are answered, not thrown.
 */
export function createSafeFetch(port: FetchPort, policy: FetchPolicy): SafeFetch {
  const maxRedirects = policy.maxRedirects ?? 5;

  return async function safeFetch(input, options) {
    const deadline = startDeadline(options.timeoutMs ?? policy.timeoutMs, options.signal);
    let target: CheckedUrl | undefined;
    try {
      target = checkFetchUrl(input, policy);
      const visited = new Set<string>([target.url.href]);
      const redirects: SafeRedirect[] = [];
      for (;;) {
        const address = await pinAddress(target, port, policy, deadline);
        const headers = { accept: options.accept ?? '*/*', 'user-agent': USER_AGENT };
        const request = new Request(target.url, { headers, redirect: 'manual', signal: deadline.signal });
        const response = await deadline.race(port.fetch(request, address === undefined ? {} : { address }));
        const location = response.headers.get('location');
        if (!REDIRECTS.has(response.status) || location === null) {
          return answer(target.url.href, response, redirects, options.maxBytes, deadline);
        }
        response.body?.cancel().catch(() => {});
        const from = target.url.href;
        const next = checkFetchUrl(resolveLocation(location, target.url), policy, from);
        if (visited.has(next.url.href)) {
          throw new FetchRefused(
            next.url.href,
            'redirect-loop',
            'the redirects lead back to a URL already visited',
            {
              via: from,
            },
          );
        }
        if (redirects.length >= maxRedirects) {
          throw new FetchRefused(next.url.href, 'redirects', `more than ${maxRedirects} redirects`, {
            via: from,
          });
        }
        redirects.push({
          from,
          to: next.url.href,
          permanent: response.status === 301 || response.status === 308,
        });
        visited.add(next.url.href);
        target = next;
      }
    } catch (error) {
      throw deadline.explain(error, target?.url.href ?? String(input));
    }
  };
}

/**
 * The address to connect to: a literal host's own, else the first of the resolved ones after all
 * of them passed (a name answering both a public and a private address is refused). Without a
 * resolver (Workers) the name goes to the platform's DNS.
 */
async function pinAddress(
  target: CheckedUrl,
  port: FetchPort,
  policy: FetchPolicy,
  deadline: Deadline,
): Promise<string | undefined> {
  if (target.literal !== undefined || port.resolve === undefined) return target.literal;
  const host = target.url.hostname;
  const answers = await deadline.race(port.resolve(host));
  let first: string | undefined;
  for (const answer of answers) {
    const ip = parseIpLiteral(answer);
    if (ip === undefined) continue;
    const verdict = classifyAddress(ip);
    if (verdict && (verdict.rule === 'metadata' || !policy.allowPrivate)) {
      throw new FetchRefused(target.url.href, verdict.rule, `${verdict.why} (resolved from ${host})`, {
        address: verdict.address,
      });
    }
    first ??= ip.toString();
  }
  if (first === undefined) throw new FetchFailed(target.url.href, new Error(`${host} has no address`));
  return first;
}

/** A Location header resolved against the URL that sent it (RFC 9110 §10.2.2), or the raw text when it is no URL. */
function resolveLocation(location: string, base: URL): string {
  return URL.canParse(location, base) ? new URL(location, base).href : location;
}

function answer(
  url: string,
  response: Response,
  redirects: readonly SafeRedirect[],
  maxBytes: number,
  deadline: Deadline,
): SafeResponse {
  // A 2xx that declares an unencoded length over the cap is refused before a byte is read.
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  const encoded = (response.headers.get('content-encoding') ?? 'identity') !== 'identity';
  if (response.ok && !encoded && declared > maxBytes) {
    const tooLarge = new FetchTooLarge(url, maxBytes);
    deadline.abort(tooLarge);
    response.body?.cancel().catch(() => {});
    throw tooLarge;
  }
  const body = cappedBody(response.body, { url, maxBytes, deadline });
  return {
    url,
    status: response.status,
    headers: response.headers,
    redirects,
    body,
    bytes: () => readAll(body),
  };
}
