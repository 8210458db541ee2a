// listeningStats(db, scope, range): downloads of an episode or a show by day, app, country and source page.
export type { ListenScope } from '../../db/queries/listens.ts';

import { countDownloads } from '../../analytics/count-downloads.ts';
import { addDays, daysBetween, utcDay } from '../../analytics/utc-day.ts';
import type { Database } from '../../db/database.ts';
import {
  aggregatedDays,
  articleTitlesBySlug,
  episodeTitles,
  eventsOfDay,
  firstListenDay,
  type ListenScope,
  openDays,
} from '../../db/queries/listens.ts';
import { ValidationError } from '../../errors.ts';
import { aggregateRows, reclassify } from './close-days.ts';

/** A report covers at most ten years of days (each is a row of its answer). */
export const MAX_REPORT_DAYS = 3660;

export interface StatsRange {
  /** First day, `YYYY-MM-DD` (UTC); default: the first day with listening. */
  readonly from?: string;
  /** Last day, included; default: today (UTC). */
  readonly to?: string;
}

export interface SourceStats {
  /** A path on this site (`/articles/…`, an episode or embed page) or another site's origin. */
  readonly source: string;
  readonly page: 'article' | 'episode' | 'embed' | 'other' | 'external';
  /** The article's or episode's title when the page is one. */
  readonly title?: string;
  readonly downloads: number;
}

export interface ListeningStats {
  readonly from: string;
  readonly to: string;
  readonly downloads: number;
  readonly days: { day: string; downloads: number }[];
  readonly apps: { app: string; downloads: number }[];
  /** ISO 3166-1 alpha-2; null where the runtime did not say (Node). */
  readonly countries: { country: string | null; downloads: number }[];
  /** Web plays by the page that played them, most first; app downloads have no source. */
  readonly sources: SourceStats[];
  /** A show's report: its episodes, most downloaded first. */
  readonly episodes?: { id: number; title: string; downloads: number }[];
}

interface Row {
  day: string;
  episodeId: number;
  app: string;
  country: string;
  source: string;
  downloads: number;
}

/**
 * The report for `scope` over `range`. Closed days come from listen_days; days not yet closed
 * (today, and yesterday during the grace period) are counted from their raw events by the same
 * rules, so today's downloads show as soon as their events are written.
 */
export async function listeningStats(
  db: Database,
  scope: ListenScope,
  range: StatsRange,
  now: Date,
): Promise<ListeningStats> {
  const today = utcDay(now);
  const to = range.to ?? today;
  const from = range.from ?? (await firstListenDay(db, scope)) ?? to;
  if (from > to) throw new ValidationError(`from (${from}) is after to (${to})`);
  const span = daysBetween(from, to);
  if (span > MAX_REPORT_DAYS)
    throw new ValidationError(`a report covers at most ${MAX_REPORT_DAYS} days; ${from} to ${to} is ${span}`);

  const rows: Row[] = await aggregatedDays(db, scope, from, to);
  // Days not yet closed (today, yesterday during the grace period, or more if no instance ran the
  // closing): counted from their events by the same rules.
  for (const day of await openDays(db, { scope })) {
    if (day < from || day > to) continue;
    const { downloads } = countDownloads(reclassify(await eventsOfDay(db, day, scope)));
    rows.push(...aggregateRows(day, downloads));
  }
  return summarize(db, rows, from, to, 'showId' in scope);
}

async function summarize(db: Database, rows: readonly Row[], from: string, to: string, byEpisode: boolean) {
  const perDay = new Map<string, number>();
  for (let day = from; day <= to; day = addDays(day, 1)) perDay.set(day, 0);
  const apps = new Map<string, number>();
  const countries = new Map<string, number>();
  const sources = new Map<string, number>();
  const episodes = new Map<number, number>();
  let total = 0;
  for (const row of rows) {
    total += row.downloads;
    add(perDay, row.day, row.downloads);
    add(apps, row.app, row.downloads);
    add(countries, row.country, row.downloads);
    if (row.source) add(sources, row.source, row.downloads);
    add(episodes, row.episodeId, row.downloads);
  }
  const stats: ListeningStats = {
    from,
    to,
    downloads: total,
    days: [...perDay].map(([day, downloads]) => ({ day, downloads })),
    apps: ranked(apps).map(([app, downloads]) => ({ app, downloads })),
    countries: ranked(countries).map(([country, downloads]) => ({ country: country || null, downloads })),
    sources: await describeSources(db, ranked(sources)),
  };
  if (!byEpisode) return stats;
  const titles = await episodeTitles(db, [...episodes.keys()]);
  return {
    ...stats,
    episodes: ranked(episodes).map(([id, downloads]) => ({
      id,
      title: titles.get(id) ?? `Episode ${id}`,
      downloads,
    })),
  };
}

function add<K>(map: Map<K, number>, key: K, count: number) {
  map.set(key, (map.get(key) ?? 0) + count);
}

/** Most first; ties in a stable order (by key), so every runtime answers alike. */
function ranked<K extends string | number>(map: Map<K, number>): [K, number][] {
  return [...map].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

const ARTICLE_PATH = /^\/articles\/([^/]+)$/;
const EPISODE_PATH = /^\/podcasts\/[^/]+\/([^/]+)(\/embed)?$/;

async function describeSources(db: Database, sources: [string, number][]): Promise<SourceStats[]> {
  const slugs = sources
    .map(([source]) => ARTICLE_PATH.exec(source)?.[1])
    .filter((slug): slug is string => slug !== undefined)
    .map(safeDecode);
  const titles = await articleTitlesBySlug(db, slugs);
  return sources.map(([source, downloads]): SourceStats => {
    const article = ARTICLE_PATH.exec(source);
    if (article) {
      const title = titles.get(safeDecode(article[1] as string));
      return { source, page: 'article', ...(title === undefined ? {} : { title }), downloads };
    }
    const episode = EPISODE_PATH.exec(source);
    if (episode) return { source, page: episode[2] ? 'embed' : 'episode', downloads };
    return { source, page: source.startsWith('/') ? 'other' : 'external', downloads };
  });
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
