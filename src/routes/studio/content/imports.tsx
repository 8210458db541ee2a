/** @jsxImportSource hono/jsx */
// /studio/imports (editors and admins): start an import of a show from another host, list the latest, follow one to its summary and moving steps.
import { type Context, Hono } from 'hono';
import { requireEditor } from '../../../catalog/editor/permissions.ts';
import {
  getImportJob,
  importJobView,
  recentImportJobs,
  startImportJob,
} from '../../../catalog/import/import-jobs.ts';
import type { AppEnv } from '../../../deps.ts';
import type { FieldErrors } from '../../../studio/form/field-errors.ts';
import { type FormValues, firstValue } from '../../../studio/form/form-values.ts';
import { validateForm } from '../../../studio/form/validate.ts';
import { ImportJobScreen } from '../../../studio/screens/import-job.tsx';
import { EMPTY_IMPORT, type ImportFormValues, ImportsScreen } from '../../../studio/screens/import-list.tsx';
import { ImportInput } from '../../api/imports-schemas.ts';
import { importDeps, runImportLater } from '../../import-runs.ts';
import { redirectDone } from '../render.tsx';
import { csrfOf, formOf, idParam, type ScreenStatus, screen, studioContext, timeZoneOf } from './screen.tsx';
import { writeRefused } from './write-outcome.ts';

/** Jobs the list shows. */
const LISTED_JOBS = 30;

const WHAT = 'import shows';

async function importsScreen(
  c: Context<AppEnv>,
  values: ImportFormValues = EMPTY_IMPORT,
  errors: FieldErrors = {},
  status?: ScreenStatus,
) {
  const ctx = studioContext(c);
  requireEditor(ctx, WHAT);
  const jobs = await recentImportJobs(ctx.db, LISTED_JOBS);
  return screen(
    c,
    { title: 'Imports', current: 'imports', status },
    <ImportsScreen
      jobs={jobs}
      values={values}
      errors={errors}
      csrf={csrfOf(c)}
      timeZone={timeZoneOf(c)}
      available={c.var.deps.importFetch !== undefined}
    />,
  );
}

/** The form as typed, and the API's input from it (empty optional fields left out). */
function importFormOf(values: FormValues) {
  const form: ImportFormValues = {
    url: firstValue(values, 'url').trim(),
    showSlug: firstValue(values, 'showSlug').trim(),
    ownerEmail: firstValue(values, 'ownerEmail').trim(),
    iOwnThisFeed: firstValue(values, 'iOwnThisFeed') === 'on',
  };
  const input = {
    url: form.url,
    ...(form.showSlug ? { showSlug: form.showSlug } : {}),
    ...(form.ownerEmail ? { ownerEmail: form.ownerEmail } : {}),
    ...(form.iOwnThisFeed ? { iOwnThisFeed: true } : {}),
  };
  return { form, input };
}

export function importRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/imports', (c) => importsScreen(c));

  routes.post('/imports', async (c) => {
    const ctx = studioContext(c);
    requireEditor(ctx, WHAT);
    const { form, input } = importFormOf((await formOf(c)).values);
    const valid = validateForm(ImportInput, input, {});
    if (!valid.ok) return importsScreen(c, form, valid.errors, 400);
    const deps = importDeps(c);
    try {
      const { job, resumed } = await startImportJob(deps.db, valid.data, ctx.now, {
        createdBy: ctx.actor?.userId ?? null,
      });
      runImportLater(c, deps, job.id);
      return redirectDone(c, `/imports/${job.id}`, resumed ? 'import-resumed' : 'import-started');
    } catch (error) {
      const refused = writeRefused(error);
      return importsScreen(c, form, refused.errors, refused.status);
    }
  });

  routes.get('/imports/:id', async (c) => {
    const ctx = studioContext(c);
    requireEditor(ctx, WHAT);
    const job = await getImportJob(ctx.db, idParam(c));
    const view = await importJobView(ctx.db, ctx.baseUrl, job);
    return screen(c, { title: `Import ${job.id}`, current: 'imports' }, <ImportJobScreen view={view} />);
  });

  return routes;
}
