/** @jsxImportSource hono/jsx */
// /studio/listening: downloads of every show (and the site's top articles), of one show and of one episode; any signed-in user, read-only.
import { type Context, Hono } from 'hono';
import { episodeReport, lastDays, listeningOverview } from '../../../catalog/analytics/listening-report.ts';
import { listeningStats, type StatsRange } from '../../../catalog/analytics/listening-stats.ts';
import { getEpisode } from '../../../catalog/editor/episodes.ts';
import { getShow } from '../../../catalog/editor/shows.ts';
import type { AppEnv } from '../../../deps.ts';
import { ValidationError } from '../../../errors.ts';
import { sitePath } from '../../../http/studio-session.ts';
import {
  DEFAULT_PERIOD,
  LISTENING_PERIODS,
  type ListeningPeriod,
} from '../../../studio/screens/listening-parts.tsx';
import {
  EpisodeListeningScreen,
  ListeningOverviewScreen,
  ShowListeningScreen,
} from '../../../studio/screens/listening-screens.tsx';
import { idParam, screen, screenAccess, studioContext } from './screen.tsx';

/** `?range=` as one of the offered periods (30 days when absent); anything else is a 400. */
function periodOf(c: Context<AppEnv>): { period: ListeningPeriod; range: StatsRange } {
  const text = c.req.query('range') ?? DEFAULT_PERIOD;
  const period = LISTENING_PERIODS.find((p) => p === text);
  if (!period) throw new ValidationError(`the period (range=${text}) must be 7, 30 or 90 days, or all`);
  return { period, range: lastDays(period === 'all' ? 'all' : Number(period), c.var.deps.now()) };
}

export function listeningRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/listening', async (c) => {
    const { period, range } = periodOf(c);
    const { db, now } = c.var.deps;
    const overview = await listeningOverview(db, range, now());
    return screen(
      c,
      { title: 'Listening', current: 'listening' },
      <ListeningOverviewScreen overview={overview} period={period} sitePath={sitePath(c)} />,
    );
  });

  routes.get('/listening/shows/:id', async (c) => {
    const id = idParam(c);
    const { period, range } = periodOf(c);
    const { show } = await getShow(studioContext(c), id);
    const { db, now } = c.var.deps;
    const stats = await listeningStats(db, { showId: id }, range, now());
    return screen(
      c,
      { title: `Listening: ${show.title}`, current: 'listening' },
      <ShowListeningScreen
        show={{ id: show.id, slug: show.slug, title: show.title }}
        stats={stats}
        period={period}
        sitePath={sitePath(c)}
      />,
    );
  });

  routes.get('/listening/episodes/:id', async (c) => {
    const id = idParam(c);
    const { period, range } = periodOf(c);
    // Someone else's draft is none of a contributor's business here either (it has no listening anyway).
    screenAccess(c, (await getEpisode(studioContext(c), id)).episode, `episode ${id}`);
    const { db, now } = c.var.deps;
    const report = await episodeReport(db, id, range, now());
    return screen(
      c,
      { title: `Listening: ${report.episode.title}`, current: 'listening' },
      <EpisodeListeningScreen {...report} period={period} sitePath={sitePath(c)} />,
    );
  });

  return routes;
}
