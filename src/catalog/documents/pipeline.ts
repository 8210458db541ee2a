// createDocumentPipeline: what renders and stores feeds, made once per app (and by entry points that warm or sweep them).
import type { Database } from '../../db/database.ts';
import type { AppConfig } from '../../deps.ts';
import type { DocumentBodies } from '../../documents/document-bodies.ts';
import { shortHash } from '../../http/short-hash.ts';
import type { Logger } from '../../log.ts';
import { createHtmlSanitizer } from '../html-sanitizer.ts';
import { createRecentRows, type DocumentPipeline } from './store-documents.ts';

/**
 * Raise when a renderer's output changes for the same data: stored renderings made by an older
 * podwire are then made again rather than served.
 */
export const RENDERER_VERSION = 3;

/** Changes when anything that shapes output but is not data changes: settings, renderer version. */
export function configTagOf(config: AppConfig): string {
  return shortHash(
    JSON.stringify([
      RENDERER_VERSION,
      config.baseUrl,
      config.siteTitle,
      config.siteDescription,
      config.siteLanguage,
      config.feedPageSize,
      config.timeZone,
    ]),
  );
}

export function createDocumentPipeline(options: {
  readonly db: Database;
  readonly bodies: DocumentBodies;
  readonly config: AppConfig;
  readonly now: () => Date;
  readonly log?: Logger;
  /** How long a row read is trusted (the catalogue version's TTL); 0: read every time. */
  readonly rowTtlMs?: number;
}): DocumentPipeline {
  const { rowTtlMs = 0, ...rest } = options;
  return {
    ...rest,
    recentRows: rowTtlMs > 0 ? createRecentRows(rowTtlMs, () => options.now().getTime()) : undefined,
    sanitize: createHtmlSanitizer({ baseUrl: options.config.baseUrl }),
    configTag: configTagOf(options.config),
  };
}
