// What the import use case needs from its runtime: the SSRF-safe fetch, the stores, the clock and the limits.
import type { Principal } from '../../auth/principal.ts';
import type { Database } from '../../db/database.ts';
import type { MediaStore } from '../../media-store/media-store.ts';
import type { SafeFetch } from '../../net/safe-fetch.ts';
import type { HtmlSanitizer } from '../html-sanitizer.ts';

/** The SSRF-safe fetch (src/net/safe-fetch.ts): every feed, audio, image, transcript and chapters file goes through it. */
export type { SafeFetch, SafeResponse } from '../../net/safe-fetch.ts';

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
