/** @jsxImportSource hono/jsx */
// Bench: the home page through the whole stack against a bare Hono handler returning the same bytes, in
// the same process: served from the rendered-page cache (as every request after a change is), and
// rendered afresh (the site chrome and article queries, pairing, JSX), as after each catalogue change.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { createApp } from '../src/app.ts';
import { createHtmlSanitizer } from '../src/catalog/html-sanitizer.ts';
import { loadArticleList } from '../src/catalog/pages/article-list.ts';
import { loadSiteChrome } from '../src/catalog/pages/site-chrome.ts';
import { seedDemo } from '../src/catalog/seed.ts';
import { parseConfig } from '../src/config.ts';
import { SILENT_LOGGER } from '../src/log.ts';
import { createFsMediaStore } from '../src/node/fs-media-store.ts';
import { createLibsqlDb } from '../src/node/libsql-db.ts';
import { migrateDatabase } from '../src/node/migrate.ts';
import { BUNDLED_MEDIA_DIR } from '../src/node/server.ts';
import { ArticleListPage } from '../src/pages/article-list.tsx';
import { ARTICLES_PER_PAGE } from '../src/routes/pages.tsx';
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
  const podwire = await measure('podwire home page, cached', async () => {
    await (await app.request('/')).arrayBuffer();
  });
  const ctx = {
    db: opened.db,
    media,
    baseUrl: 'http://localhost:8787',
    siteTitle: 'Millbrook Courier',
    siteDescription: 'News',
    siteLanguage: 'en',
    timeZone: 'UTC',
    sanitize: createHtmlSanitizer({ baseUrl: 'http://localhost:8787' }),
    now: now(),
    log: SILENT_LOGGER,
  };
  const rendered = await measure('podwire home page, rendered each time', async () => {
    const [chrome, list] = await Promise.all([
      loadSiteChrome(ctx),
      loadArticleList(ctx, { page: 1, pageSize: ARTICLES_PER_PAGE }),
    ]);
    await (<ArticleListPage chrome={chrome} list={list} timeZone="UTC" />).toString();
  });
  printTable('home page (in-process app.request, libSQL file)', baseline, [podwire, rendered]);
  opened.close();
} finally {
  await rm(dir, { recursive: true, force: true });
}
