// /api/v1/search/reindex: rebuild the search index in bounded steps (the way to do it on a deployed Worker's D1), and follow it.
import { createRoute, z } from '@hono/zod-openapi';
import { getReindexJob, recentReindexJobs, reindexJobView } from '../../catalog/search/reindex-jobs.ts';
import { startReindexLater } from '../reindex-runs.ts';
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

const tags = ['Search'];

const ReindexInput = z
  .strictObject({
    only: z.enum(['all', 'missing']).default('all').openapi({
      description:
        '"all" (the default) rewrites every text and has FTS5 rebuild and merge its index; "missing" writes only items that have no text yet (content older than search).',
    }),
  })
  .openapi('SearchReindexInput');

const ReindexJobView = z
  .object({
    id: z.number().int(),
    url: z.string().openapi({ description: 'This job, to GET.' }),
    status: z.enum(['running', 'done', 'failed']),
    only: z.enum(['all', 'missing']),
    phase: z.enum(['articles', 'episodes', 'index', 'done']).openapi({
      description: 'What the job is writing: articles, then episodes (with transcripts), then the index.',
    }),
    written: z.object({
      articles: z.number().int(),
      episodes: z.number().int(),
      transcripts: z.number().int(),
    }),
    catalogue: z
      .object({ articles: z.number().int(), episodes: z.number().int() })
      .openapi({ description: 'How many articles and episodes there are now, to compare progress with.' }),
    error: z.string().nullable().openapi({ description: 'Why the job failed.' }),
    createdAt: z.string(),
    updatedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi('SearchReindexJob');

export function searchReindexApi() {
  const api = apiRouter();

  api.openapi(
    createRoute({
      method: 'post',
      path: '/search/reindex',
      tags,
      summary: 'Rebuild the search index: every article, episode and transcript, in steps',
      description:
        'Answers 202 with the job at once; GET its url to follow it. On Workers the request runs a first share and the cron trigger the rest (the way to reindex a deployed D1); on Node it runs to the end in the background. 409 while another reindex runs.',
      security: BEARER,
      request: jsonBody(ReindexInput),
      responses: {
        202: json(ReindexJobView, 'Accepted: the job, which runs in the background.'),
        ...WRITE_PROBLEMS,
      },
    }),
    async (c) => {
      const ctx = editorContext(c);
      const job = await startReindexLater(c, ctx, c.req.valid('json').only);
      const view = await reindexJobView(ctx.db, ctx.baseUrl, job);
      c.header('location', view.url);
      return c.json(view, 202);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/search/reindex',
      tags,
      summary: 'The latest search reindex jobs, newest first',
      security: BEARER,
      responses: {
        200: json(z.object({ items: z.array(ReindexJobView) }), 'The latest 20 jobs.'),
        ...READ_PROBLEMS,
      },
    }),
    async (c) => {
      const ctx = editorContext(c);
      const jobs = await recentReindexJobs(ctx.db, 20);
      c.header('cache-control', 'private, no-store');
      return c.json(
        { items: await Promise.all(jobs.map((job) => reindexJobView(ctx.db, ctx.baseUrl, job))) },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/search/reindex/{id}',
      tags,
      summary: 'Follow a search reindex: its phase, what it has written, and why it failed',
      security: BEARER,
      request: { params: IdParam },
      responses: { 200: json(ReindexJobView, 'The job.'), ...READ_PROBLEMS },
    }),
    async (c) => {
      const ctx = editorContext(c);
      const job = await getReindexJob(ctx.db, c.req.valid('param').id);
      c.header('cache-control', 'private, no-store');
      return c.json(await reindexJobView(ctx.db, ctx.baseUrl, job), 200);
    },
  );

  return api;
}
