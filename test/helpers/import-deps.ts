// ImportDeps over a real migrated database file and a real media folder, with the permissive test fetch.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createApp } from '../../src/app.ts';
import { createHtmlSanitizer } from '../../src/catalog/html-sanitizer.ts';
import { DEFAULT_MAX_FEED_BYTES, type ImportDeps } from '../../src/catalog/import/import-ports.ts';
import { parseConfig } from '../../src/config.ts';
import { SILENT_LOGGER } from '../../src/log.ts';
import { createFsMediaStore } from '../../src/node/fs-media-store.ts';
import { permissiveFetch } from './permissive-fetch.ts';
import { openTempDb } from './temp-db.ts';

export const IMPORT_BASE_URL = 'https://pod.example';

export async function openImportDeps(dir: string, overrides: Partial<ImportDeps> = {}) {
  const opened = await openTempDb(dir);
  await mkdir(join(dir, 'media'), { recursive: true });
  const media = await createFsMediaStore({ root: join(dir, 'media') });
  const deps: ImportDeps = {
    db: opened.db,
    media,
    baseUrl: IMPORT_BASE_URL,
    now: () => new Date(),
    fetch: permissiveFetch,
    sanitize: createHtmlSanitizer({ baseUrl: IMPORT_BASE_URL }),
    maxFeedBytes: DEFAULT_MAX_FEED_BYTES,
    maxUploadBytes: 50 * 1024 * 1024,
    instance: 'test',
    ...overrides,
  };
  /** The app over the same database and media, to read the imported show's feed. */
  const app = () =>
    createApp({
      db: deps.db,
      media,
      config: parseConfig({ BASE_URL: IMPORT_BASE_URL }),
      now: deps.now,
      log: SILENT_LOGGER,
    });
  return { deps, app, mediaDir: join(dir, 'media'), close: () => opened.close() };
}
