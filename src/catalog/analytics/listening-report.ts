// Listening reports for people (studio, CLI): every show's downloads, one show by slug, one episode, and the site's top articles.
import { addDays, utcDay } from '../../analytics/utc-day.ts';
import type { Database } from '../../db/database.ts';
import { reportEpisode, reportShows } from '../../db/queries/listens.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import { type ListeningStats, listeningStats, MAX_REPORT_DAYS, type StatsRange } from './listening-stats.ts';

export interface ReportShow {
  readonly id: number;
  readonly slug: string;
  readonly title: string;
}

export interface ShowReport {
  readonly show: ReportShow;
  readonly stats: ListeningStats;
}

export interface EpisodeReport {
  readonly episode: { readonly id: number; readonly title: string; readonly show: ReportShow };
  readonly stats: ListeningStats;
}

/** An article of this site and the downloads its page's player started. */
export interface ArticleListening {
  readonly source: string;
  readonly title?: string;
  readonly downloads: number;
}

export interface ListeningOverview {
  readonly from: string;
  readonly to: string;
  readonly downloads: number;
  /** Every show's downloads added up, day by day. */
  readonly days: { day: string; downloads: number }[];
  /** Every show (none left out), most downloaded first. */
  readonly shows: (ReportShow & { downloads: number })[];
  /** Articles whose players were played most, across all shows. */
  readonly topArticles: ArticleListening[];
}

/** The last `days` UTC days up to today (today included); `'all'`: all time. */
export function lastDays(days: number | 'all', now: Date): StatsRange {
  if (days === 'all') return {};
  if (!Number.isInteger(days) || days < 1 || days > MAX_REPORT_DAYS)
    throw new ValidationError(`days must be a whole number from 1 to ${MAX_REPORT_DAYS}`);
  const to = utcDay(now);
  return { from: addDays(to, -(days - 1)), to };
}

/** Each show's report over `range` (only the show with `slug` when given), by title. */
export async function showReports(
  db: Database,
  range: StatsRange,
  now: Date,
  slug?: string,
): Promise<ShowReport[]> {
  const all = await reportShows(db);
  const chosen = slug === undefined ? all : all.filter((show) => show.slug === slug);
  if (slug !== undefined && chosen.length === 0) {
    const known = all.map((show) => show.slug).join(', ') || 'none yet';
    throw new NotFoundError(`there is no show with slug "${slug}" (shows: ${known})`);
  }
  const reports: ShowReport[] = [];
  // One at a time: each counts its open days from raw events, and D1 serialises queries anyway.
  for (const show of chosen)
    reports.push({ show, stats: await listeningStats(db, { showId: show.id }, range, now) });
  return reports;
}

/** One episode's report over `range`. */
export async function episodeReport(
  db: Database,
  id: number,
  range: StatsRange,
  now: Date,
): Promise<EpisodeReport> {
  const row = await reportEpisode(db, id);
  if (!row) throw new NotFoundError(`there is no episode ${id}`);
  return {
    episode: {
      id: row.id,
      title: row.title,
      show: { id: row.showId, slug: row.showSlug, title: row.showTitle },
    },
    stats: await listeningStats(db, { episodeId: id }, range, now),
  };
}

/** Every show's downloads over `range`, their sum by day, and the top `limit` articles by listening. */
export async function listeningOverview(
  db: Database,
  range: StatsRange,
  now: Date,
  limit = 10,
): Promise<ListeningOverview> {
  return overviewOf(await showReports(db, range, now), range.to ?? utcDay(now), limit);
}

/** The site-wide view of show reports (pure): days added up over the widest range, articles merged. */
export function overviewOf(reports: readonly ShowReport[], to: string, limit = 10): ListeningOverview {
  // Days as YYYY-MM-DD sort as text: the first is the earliest.
  const from = [to, ...reports.map((r) => r.stats.from)].sort()[0] as string;
  const perDay = new Map<string, number>();
  for (let day = from; day <= to; day = addDays(day, 1)) perDay.set(day, 0);
  const articles = new Map<string, { title?: string; downloads: number }>();
  for (const { stats } of reports) {
    for (const { day, downloads } of stats.days) perDay.set(day, (perDay.get(day) ?? 0) + downloads);
    for (const source of stats.sources) {
      if (source.page !== 'article') continue;
      const seen = articles.get(source.source);
      if (seen) seen.downloads += source.downloads;
      else articles.set(source.source, { title: source.title, downloads: source.downloads });
    }
  }
  const byDownloads =
    <T extends { downloads: number }>(key: (t: T) => string) =>
    (a: T, b: T) =>
      b.downloads - a.downloads || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  return {
    from,
    to,
    downloads: reports.reduce((sum, r) => sum + r.stats.downloads, 0),
    days: [...perDay].map(([day, downloads]) => ({ day, downloads })),
    shows: reports
      .map((r) => ({ ...r.show, downloads: r.stats.downloads }))
      .sort(byDownloads((s) => s.title)),
    topArticles: [...articles]
      .map(
        ([source, a]): ArticleListening => ({
          source,
          ...(a.title ? { title: a.title } : {}),
          downloads: a.downloads,
        }),
      )
      .sort(byDownloads((a) => a.source))
      .slice(0, limit),
  };
}
