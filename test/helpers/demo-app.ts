// A createApp() over a real, migrated, demo-seeded database file and the repository's media folder.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createApp } from '../../src/app.ts';
import { createDocumentPipeline } from '../../src/catalog/documents/pipeline.ts';
import { warmDocuments } from '../../src/catalog/documents/store-documents.ts';
import { seedDemo } from '../../src/catalog/seed.ts';
import { parseConfig } from '../../src/config.ts';
import { createSqlDocumentBodies } from '../../src/db/queries/rendered-documents.ts';
import type { AppDeps } from '../../src/deps.ts';
import { SILENT_LOGGER } from '../../src/log.ts';
import { createFsMediaStore } from '../../src/node/fs-media-store.ts';
import { BUNDLED_MEDIA_DIR } from '../../src/node/server.ts';
import { openTempDb } from './temp-db.ts';

export const DEMO_NOW = new Date('2026-11-01T12:00:00Z');

/**
 * `writableMedia`: give the app its own media folder under `dir` (the demo files copied in), so
 * uploads never touch the repository's media/.
 */
export async function openDemoApp(
  dir: string,
  overrides: Partial<AppDeps> = {},
  options: {
    writableMedia?: boolean;
    /**
     * Where feeds rendered at write time keep their bodies: by default the app's database, as
     * `npm start` does; `false` renders feeds when read (runtimes without a store).
     */
    documentBodies?: false | ((db: AppDeps['db']) => NonNullable<AppDeps['documentBodies']>);
  } = {},
) {
  const opened = await openTempDb(dir);
  const bundled = await createFsMediaStore({ root: BUNDLED_MEDIA_DIR });
  let media = bundled;
  if (options.writableMedia) {
    await mkdir(join(dir, 'media'), { recursive: true });
    media = await createFsMediaStore({ root: join(dir, 'media') });
  }
  await seedDemo({ db: opened.db, media, demoSource: bundled, now: () => DEMO_NOW });
  const deps: AppDeps = {
    db: opened.db,
    media,
    config: parseConfig({ BASE_URL: 'https://news.example' }),
    now: () => DEMO_NOW,
    log: SILENT_LOGGER,
    ...(options.documentBodies === false
      ? {}
      : { documentBodies: (options.documentBodies ?? createSqlDocumentBodies)(opened.db) }),
    ...overrides,
  };
  /** Renders and stores every feed, as `npm start` does before it listens. */
  const warm = () => {
    if (!deps.documentBodies) throw new Error('this demo app stores no feeds');
    return warmDocuments(
      createDocumentPipeline({
        db: deps.db,
        bodies: deps.documentBodies,
        config: deps.config,
        now: deps.now,
      }),
    );
  };
  return { app: createApp(deps), deps, warm, close: () => opened.close() };
}
