// checkFetchUrl: the rules a URL must pass before anything is sent to it (scheme, credentials, address, port).
import { classifyAddress, parseIpLiteral } from './address-rules.ts';
import { FetchRefused } from './fetch-errors.ts';
import { localNameVerdict } from './local-names.ts';

/** The address and port rules of a fetch (part of FetchPolicy). */
export interface UrlPolicy {
  /** ALLOW_PRIVATE_FETCH: lifts the address, local-name and port rules (not the metadata one). */
  readonly allowPrivate: boolean;
  /** Ports allowed besides 80 and 443. */
  readonly allowedPorts?: readonly number[];
}

export interface CheckedUrl {
  /** The URL to fetch, without its fragment (never sent, RFC 9110 §4.2.4). */
  readonly url: URL;
  /** The IP address when the host is a literal one; a host name is resolved and checked later. */
  readonly literal: string | undefined;
}

const DEFAULT_PORTS: Readonly<Record<string, number>> = { 'http:': 80, 'https:': 443 };

/**
 * Parses `input` and applies every rule that needs no DNS: http(s) only, no user name or
 * password, a public literal address or a non-local name, and port 80, 443 or an allowed one.
 * `via` is the URL that redirected here, named in the refusal. Throws FetchRefused.
 */
export function checkFetchUrl(input: string | URL, policy: UrlPolicy, via?: string): CheckedUrl {
  const text = String(input);
  if (!URL.canParse(text))
    throw new FetchRefused(clip(text), 'invalid-url', 'it is not a valid absolute URL', { via });
  const url = new URL(text);
  url.hash = '';
  const defaultPort = DEFAULT_PORTS[url.protocol];
  if (defaultPort === undefined) {
    throw new FetchRefused(
      clip(url.href),
      'scheme',
      `${url.protocol} URLs are not fetched, only http: and https:`,
      {
        via,
      },
    );
  }
  if (url.username || url.password) {
    // The URL is named without the secret, in the message and in logs.
    url.username = '';
    url.password = '';
    throw new FetchRefused(url.href, 'credentials', 'the URL carries a user name or password', { via });
  }
  const ip = parseIpLiteral(url.hostname);
  const verdict = ip ? classifyAddress(ip) : localNameVerdict(url.hostname);
  if (verdict && (verdict.rule === 'metadata' || !policy.allowPrivate)) {
    throw new FetchRefused(url.href, verdict.rule, verdict.why, { via, address: verdict.address });
  }
  const port = url.port === '' ? defaultPort : Number(url.port);
  if (!policy.allowPrivate && port !== 80 && port !== 443 && !policy.allowedPorts?.includes(port)) {
    throw new FetchRefused(url.href, 'port', `port ${port} is not 80 or 443`, {
      via,
    });
  }
  return { url, literal: ip?.toString() };
}

/** A bounded prefix of a refused URL for the message: a data: URL can be megabytes. */
function clip(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
