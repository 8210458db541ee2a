import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildStudioScript, STUDIO_SCRIPT_MODULE } from '../../src/cli/studio-script.ts';
import { STUDIO_ASSETS } from '../../src/studio/assets/studio-assets.ts';
import { REPO_ROOT } from '../helpers/spawn-podwire.ts';
import { openTempDb } from '../helpers/temp-db.ts';
import { tempDirs } from '../helpers/temp-dir.ts';

describe('the studio script', () => {
  const newDir = tempDirs();

  it('is committed exactly as `npm run build:studio-assets` builds it from src/studio-client', async () => {
    const committed = await readFile(join(REPO_ROOT, STUDIO_SCRIPT_MODULE), 'utf8');
    // Rebuild it when this fails: npm run build:studio-assets
    expect(await buildStudioScript()).toBe(committed);
  });

  it('is served from /studio/assets/ under its content hash, as a script, cacheable for a year', async () => {
    const { createApp } = await import('../../src/app.ts');
    const { parseConfig } = await import('../../src/config.ts');
    const { SILENT_LOGGER } = await import('../../src/log.ts');
    const { createMemoryMediaStore } = await import('../../src/media-store/memory-store.ts');
    const opened = await openTempDb(await newDir());
    const app = createApp({
      db: opened.db,
      media: createMemoryMediaStore(),
      config: parseConfig({ BASE_URL: 'https://news.example' }),
      now: () => new Date(0),
      log: SILENT_LOGGER,
    });
    expect(STUDIO_ASSETS.js.path).toMatch(/^\/studio\/assets\/studio\.[0-9a-f]+\.js$/);
    const response = await app.request(STUDIO_ASSETS.js.path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(await response.text()).toBe(STUDIO_ASSETS.js.body);
    await opened.close();
  });
});
