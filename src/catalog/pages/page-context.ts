// PageContext: what every page loader reads from (database, media store, settings, clock, sanitizer, log).
import type { Database } from '../../db/database.ts';
import type { Logger } from '../../log.ts';
import type { MediaStore } from '../../media-store/media-store.ts';
import type { HtmlSanitizer } from '../html-sanitizer.ts';

export interface PageContext {
  readonly db: Database;
  readonly media: MediaStore;
  readonly baseUrl: string;
  readonly siteTitle: string;
  readonly siteDescription: string;
  readonly siteLanguage: string;
  readonly timeZone: string;
  readonly sanitize: HtmlSanitizer;
  readonly now: Date;
  readonly log: Logger;
}
