/** @jsxImportSource hono/jsx */
// /studio/search-index (editors and admins): rebuild the site search index in the background, and follow the runs.
import { type Context, Hono } from 'hono';
import { requireEditor } from '../../../catalog/editor/permissions.ts';
import { catalogueCounts, recentReindexJobs } from '../../../catalog/search/reindex-jobs.ts';
import type { AppEnv } from '../../../deps.ts';
import { ConflictError, ValidationError } from '../../../errors.ts';
import { firstValue } from '../../../studio/form/form-values.ts';
import { SearchIndexScreen } from '../../../studio/screens/search-index-screen.tsx';
import { startReindexLater } from '../../reindex-runs.ts';
import { redirectDone } from '../render.tsx';
import { csrfOf, formOf, type ScreenStatus, screen, studioContext, timeZoneOf } from './screen.tsx';

/** Runs the list shows. */
const LISTED_JOBS = 20;

const WHAT = 'rebuild the search index';

async function searchIndexScreen(c: Context<AppEnv>, refusal?: { status: ScreenStatus; message: string }) {
  const ctx = studioContext(c);
  requireEditor(ctx, WHAT);
  const [jobs, catalogue] = await Promise.all([
    recentReindexJobs(ctx.db, LISTED_JOBS),
    catalogueCounts(ctx.db),
  ]);
  return screen(
    c,
    { title: 'Search index', current: 'search-index', status: refusal?.status },
    <SearchIndexScreen
      jobs={jobs}
      catalogue={catalogue}
      csrf={csrfOf(c)}
      timeZone={timeZoneOf(c)}
      refusal={refusal?.message}
    />,
  );
}

export function searchIndexRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/search-index', (c) => searchIndexScreen(c));

  routes.post('/search-index', async (c) => {
    const ctx = studioContext(c);
    requireEditor(ctx, WHAT);
    const only = firstValue((await formOf(c)).values, 'only');
    if (only !== 'all' && only !== 'missing') {
      throw new ValidationError(`"only" must be "all" or "missing", not "${only.slice(0, 40)}"`);
    }
    try {
      await startReindexLater(c, ctx, only);
    } catch (error) {
      if (error instanceof ConflictError)
        return searchIndexScreen(c, { status: 409, message: error.message });
      throw error;
    }
    return redirectDone(c, '/search-index', 'reindex-started');
  });

  return routes;
}
