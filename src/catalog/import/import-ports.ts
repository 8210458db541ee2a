// What the import use case needs from its runtime: the SSRF-safe fetch, the stores, the clock and the limits.
import type { Principal } from '../../auth/principal.ts';
import type { Database } from '../../db/database.ts';
import type { MediaStore } from '../../media-store/media-store.ts';
import type { HtmlSanitizer } from '../html-sanitizer.ts';

/**
 * The SSRF-safe fetch (src/net, branch safe-fetch): follows at most 5 redirects, refusing private,
 * loopback, link-local and metadata addresses after DNS and after every redirect, any scheme but
 * http(s) and ports outside the allowed ones; stops bodies at `maxBytes` and slow peers at
 * FETCH_TIMEOUT_MS. Throws FetchRefused (url, address, rule), FetchTooLarge, FetchTimedOut,
 * FetchFailed, all PodwireErrors whose message names what happened.
 */
export type SafeFetch = (
  url: string | URL,
  options: { maxBytes: number; accept?: string; signal?: AbortSignal },
) => Promise<SafeResponse>;

export interface SafeResponse {
  /** The final URL, after redirects. */
  readonly url: string;
  readonly status: number;
  readonly headers: Headers;
  readonly redirects: ReadonlyArray<{ from: string; to: string; permanent: boolean }>;
  readonly body: ReadableStream<Uint8Array>;
  bytes(): Promise<Uint8Array>;
}

/** Default cap on a feed document (IMPORT_MAX_FEED_BYTES): 50 MB. */
export const DEFAULT_MAX_FEED_BYTES = 50 * 1024 * 1024;

export interface ImportDeps {
  readonly db: Database;
  readonly media: MediaStore;
  /** podwire's BASE_URL: where the imported show's feed will be. */
  readonly baseUrl: string;
  readonly now: () => Date;
  readonly fetch: SafeFetch;
  /** The sanitiser every show note passes (createHtmlSanitizer). */
  readonly sanitize: HtmlSanitizer;
  /** Largest feed document read, in bytes (IMPORT_MAX_FEED_BYTES). */
  readonly maxFeedBytes: number;
  /** Largest audio file re-hosted, in bytes (MAX_UPLOAD_BYTES). */
  readonly maxUploadBytes: number;
  /** Who stores files, for the media journal (AppDeps.instance). */
  readonly instance: string;
  /** Who asked (audit trail, permissions); absent in the CLI. */
  readonly actor?: Principal;
}
