// /api/v1/imports: start an import of a show from another host (202 with a job), and follow its progress.
import { createRoute, z } from '@hono/zod-openapi';
import { requireEditor } from '../../catalog/editor/permissions.ts';
import { getImportJob, importJobView, startImportJob } from '../../catalog/import/import-jobs.ts';
import { importDeps, runImportLater } from '../import-runs.ts';
import { ImportInput, ImportJobView } from './imports-schemas.ts';
import {
  apiRouter,
  BEARER,
  editorContext,
  json,
  jsonBody,
  READ_PROBLEMS,
  WRITE_PROBLEMS,
} from './openapi-helpers.ts';
import { IdParam } from './schemas.ts';

const tags = ['Imports'];

export function importsApi() {
  const api = apiRouter();

  api.openapi(
    createRoute({
      method: 'post',
      path: '/imports',
      tags,
      summary:
        'Import a show from another host: its feed, episodes (GUIDs kept), artwork, transcripts, chapters, re-hosted audio',
      description:
        'Answers 202 with the job at once; GET its url to follow it. An unfinished import of the same URL is taken over (resumed), not duplicated. A podcast:locked feed needs ownerEmail (its itunes:owner email) or iOwnThisFeed.',
      security: BEARER,
      request: jsonBody(ImportInput),
      responses: {
        202: json(ImportJobView, 'Accepted: the job, which runs in the background.'),
        ...WRITE_PROBLEMS,
        503: json(z.object({}), 'Imports are not available on this server.'),
      },
    }),
    async (c) => {
      const ctx = editorContext(c);
      requireEditor(ctx, 'import shows');
      const deps = importDeps(c);
      const { job } = await startImportJob(deps.db, c.req.valid('json'), ctx.now, {
        createdBy: ctx.actor?.userId ?? null,
      });
      runImportLater(c, deps, job.id);
      const view = await importJobView(deps.db, ctx.baseUrl, job);
      c.header('location', view.url);
      return c.json(view, 202);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/imports/{id}',
      tags,
      summary:
        'Follow an import: status, progress, summary, failures with reasons, and the steps that finish the move',
      security: BEARER,
      request: { params: IdParam },
      responses: { 200: json(ImportJobView, 'The job.'), ...READ_PROBLEMS },
    }),
    async (c) => {
      const ctx = editorContext(c);
      const job = await getImportJob(ctx.db, c.req.valid('param').id);
      c.header('cache-control', 'private, no-store');
      return c.json(await importJobView(ctx.db, ctx.baseUrl, job), 200);
    },
  );

  return api;
}
