// The errors of a fetch from another host: refused by a safety rule, too large, too slow, or failed.
import { PodwireError } from '../errors.ts';

/** Why a URL or an address was refused; `address` and the rule name the culprit in every message. */
export type FetchRule =
  | 'invalid-url'
  | 'scheme'
  | 'credentials'
  | 'port'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'multicast'
  | 'metadata'
  | 'unspecified'
  | 'reserved'
  | 'local-name'
  | 'redirects'
  | 'redirect-loop';

/** The rules ALLOW_PRIVATE_FETCH=true lifts (metadata addresses stay refused: see address-rules.ts). */
export const LIFTABLE_RULES: ReadonlySet<FetchRule> = new Set<FetchRule>([
  'port',
  'loopback',
  'private',
  'link-local',
  'multicast',
  'unspecified',
  'reserved',
  'local-name',
]);

/** A safety rule refused the URL before anything was sent to it (or refused a redirect's target). */
export class FetchRefused extends PodwireError {
  override readonly name = 'FetchRefused';
  override readonly status = 422;
  override readonly title = 'Fetch refused';
  readonly url: string;
  readonly address: string | undefined;
  readonly rule: FetchRule;

  /** `why` names the address or part at fault; `via` is the URL that redirected here. */
  constructor(
    url: string,
    rule: FetchRule,
    why: string,
    options: { readonly address?: string; readonly via?: string | undefined } = {},
  ) {
    const from = options.via ? ` (redirected from ${options.via})` : '';
    super(`refused ${url}${from}: ${why}${hintFor(rule)}`, {
      context: { url, rule, address: options.address, via: options.via },
    });
    this.url = url;
    this.rule = rule;
    this.address = options.address;
  }
}

function hintFor(rule: FetchRule): string {
  if (rule === 'port') return ' (list it in FETCH_ALLOWED_PORTS, or set ALLOW_PRIVATE_FETCH=true)';
  return LIFTABLE_RULES.has(rule) ? ' (ALLOW_PRIVATE_FETCH=true allows it)' : '';
}

/** The response had more bytes than the caller allows; reading stopped there and the connection closed. */
export class FetchTooLarge extends PodwireError {
  override readonly name = 'FetchTooLarge';
  override readonly status = 422;
  override readonly title = 'Remote document too large';
  readonly url: string;
  readonly limit: number;

  constructor(url: string, limit: number) {
    super(`${url} is larger than the limit of ${limit} bytes`, { context: { url, limit } });
    this.url = url;
    this.limit = limit;
  }
}

/** The fetch (connect, headers, redirects and the whole body) took longer than its time cap. */
export class FetchTimedOut extends PodwireError {
  override readonly name = 'FetchTimedOut';
  override readonly status = 504;
  override readonly title = 'Remote host too slow';
  readonly url: string;
  readonly ms: number;

  constructor(url: string, ms: number) {
    super(`${url} did not answer in full within ${ms} ms`, { context: { url, ms } });
    this.url = url;
    this.ms = ms;
  }
}

/** The remote host could not be reached or broke off: DNS failure, refused connection, reset, bad TLS. */
export class FetchFailed extends PodwireError {
  override readonly name = 'FetchFailed';
  override readonly status = 502;
  override readonly title = 'Remote host unreachable';
  readonly url: string;

  constructor(url: string, cause: unknown) {
    super(`could not fetch ${url}: ${describeCause(cause)}`, { context: { url }, cause });
    this.url = url;
  }
}

/** The innermost useful message of a network error (undici nests the system error as `cause`). */
function describeCause(cause: unknown): string {
  let current: unknown = cause;
  let message = 'unknown error';
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    message = typeof code === 'string' ? `${current.message} (${code})` : current.message;
    current = current.cause;
  }
  return message;
}
