// GET /api/v1/episodes/{id}/stats and /api/v1/shows/{id}/stats: IAB-counted downloads, signed-in principals only.
import { createRoute, z } from '@hono/zod-openapi';
import { isUtcDay } from '../../analytics/utc-day.ts';
import type { ListenScope } from '../../catalog/analytics/listening-stats.ts';
import { listeningStats, MAX_REPORT_DAYS } from '../../catalog/analytics/listening-stats.ts';
import { getEpisode } from '../../catalog/editor/episodes.ts';
import { getShow } from '../../catalog/editor/shows.ts';
import { apiRouter, BEARER, editorContext, json, READ_PROBLEMS } from './openapi-helpers.ts';
import { IdParam } from './schemas.ts';

const tags = ['Listening'];

const day = (name: 'from' | 'to', what: string) =>
  z
    .string()
    .refine(isUtcDay, 'must be a calendar date as YYYY-MM-DD (UTC)')
    .optional()
    .openapi({ param: { name, in: 'query' }, example: '2026-11-01', description: what });

export const StatsQuery = z
  .object({
    from: day('from', 'First day counted (UTC); default: the first day with listening.'),
    to: day('to', 'Last day counted, included (UTC); default: today.'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'from must not be after to',
    path: ['from'],
  });

const Count = { downloads: z.number().int().nonnegative() };
export const StatsView = z
  .object({
    from: z.string(),
    to: z.string(),
    downloads: z.number().int().nonnegative(),
    days: z.array(z.object({ day: z.string(), ...Count })),
    apps: z.array(z.object({ app: z.string(), ...Count })),
    countries: z.array(z.object({ country: z.string().nullable(), ...Count })),
    sources: z.array(
      z.object({
        source: z.string(),
        page: z.enum(['article', 'episode', 'embed', 'other', 'external']),
        title: z.string().optional(),
        ...Count,
      }),
    ),
    episodes: z.array(z.object({ id: z.number().int(), title: z.string(), ...Count })).optional(),
  })
  .openapi('ListeningStats');

const DESCRIPTION =
  'Downloads counted as the IAB Podcast Measurement Technical Guidelines v2.2 define them, from the bytes ' +
  'podwire delivered: one per listener (address/64 + User-Agent), episode and UTC day, once the header ' +
  'and one minute of audio were received; bots, HEAD and pre-release requests are not counted. ' +
  `Days are UTC; a report covers at most ${MAX_REPORT_DAYS} days. Today's downloads appear within seconds.`;

/** What each report is of: its path, how its record is checked to exist, and its scope. */
const REPORTS = [
  {
    path: '/episodes/{id}/stats',
    summary: 'Downloads of an episode by day, app, country and source page',
    check: getEpisode,
    scope: (id: number): ListenScope => ({ episodeId: id }),
  },
  {
    path: '/shows/{id}/stats',
    summary: 'Downloads of a show by day, app, country, source page and episode',
    check: getShow,
    scope: (id: number): ListenScope => ({ showId: id }),
  },
] as const;

export function statsApi() {
  const routes = apiRouter();
  for (const report of REPORTS) {
    routes.openapi(
      createRoute({
        method: 'get',
        path: report.path,
        tags,
        summary: report.summary,
        description: DESCRIPTION,
        security: BEARER,
        request: { params: IdParam, query: StatsQuery },
        responses: { 200: json(StatsView, 'The listening report.'), 404: READ_PROBLEMS[404] },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        await report.check(editorContext(c), id);
        const { db, now } = c.var.deps;
        return c.json(await listeningStats(db, report.scope(id), c.req.valid('query'), now()), 200);
      },
    );
  }
  return routes;
}
