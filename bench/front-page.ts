// Bench: the home page through the whole stack (query, pairing, render) against a bare Hono handler
// returning the same bytes, in the same process. Prints requests per second and their ratio.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { createApp } from '../src/app.ts';
import { seedDemo } from '../src/catalog/seed.ts';
import { parseConfig } from '../src/config.ts';
import { SILENT_LOGGER } from '../src/log.ts';
import { createFsMediaStore } from '../src/node/fs-media-store.ts';
import { createLibsqlDb } from '../src/node/libsql-db.ts';
import { migrateDatabase } from '../src/node/migrate.ts';
import { BUNDLED_MEDIA_DIR } from '../src/node/server.ts';
import { measure, printTable } from './measure.ts';

const dir = await mkdtemp(join(tmpdir(), 'podwire-bench-'));
try {
  const opened = await createLibsqlDb(`file:${join(dir, 'bench.db')}`);
  await migrateDatabase(opened.db, opened.location);
  const media = await createFsMediaStore({ root: BUNDLED_MEDIA_DIR });
  const now = () => new Date('2026-11-01T00:00:00Z');
  await seedDemo({ db: opened.db, media, now });
  const app = createApp({ db: opened.db, media, config: parseConfig({}), now, log: SILENT_LOGGER });
  const body = await (await app.request('/')).text();
  const bare = new Hono().get('/', (c) => c.html(body));

  const baseline = await measure('bare Hono, same bytes', async () => {
    await (await bare.request('/')).arrayBuffer();
  });
  const podwire = await measure('podwire home page', async () => {
    await (await app.request('/')).arrayBuffer();
  });
  printTable('home page (in-process app.request, libSQL file)', baseline, [podwire]);
  opened.close();
} finally {
  await rm(dir, { recursive: true, force: true });
}
