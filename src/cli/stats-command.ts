// `podwire stats [--show SLUG] [--episode ID] [--days N]` and `podwire stats recount`: listening reports in a terminal.
import { parseArgs } from 'node:util';
import { isUtcDay } from '../analytics/utc-day.ts';
import { recountDays } from '../catalog/analytics/close-days.ts';
import { episodeReport, lastDays, overviewOf, showReports } from '../catalog/analytics/listening-report.ts';
import { MAX_REPORT_DAYS, type StatsRange } from '../catalog/analytics/listening-stats.ts';
import { ValidationError } from '../errors.ts';
import { type CliDatabaseEnvironment, openCliDatabase } from './cli-database.ts';
import { episodeReportText, showReportsText, topArticlesText } from './stats-text.ts';

export const STATS_USAGE = `Usage:
  podwire stats [--show SLUG] [--episode ID] [--days N|all] [--to YYYY-MM-DD] [--json]
  podwire stats [--show SLUG] [--episode ID] --from YYYY-MM-DD [--to YYYY-MM-DD] [--json]
  podwire stats recount [--from YYYY-MM-DD]
Reports downloads (IAB v2.2 rules, UTC days) of every show, one show or one episode: by day, app,
country, source page and episode. Default: every show, the last 30 days up to today.
recount counts closed days again from their raw events (kept ANALYTICS_RETENTION_DAYS days), with
the current bot and app lists.
Add --worker [--persist-to DIR] to read the local Worker's database (npm run dev:worker).`;

export interface StatsIo {
  out(text: string): void;
}

function parse(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        show: { type: 'string' },
        episode: { type: 'string' },
        days: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        json: { type: 'boolean', default: false },
        worker: { type: 'boolean', default: false },
        'persist-to': { type: 'string' },
      },
    });
  } catch (error) {
    throw new ValidationError(`${error instanceof Error ? error.message : String(error)}\n\n${STATS_USAGE}`);
  }
}

function day(name: string, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (!isUtcDay(text))
    throw new ValidationError(`--${name} must be a calendar date as YYYY-MM-DD, not "${text}"`);
  return text;
}

/** The days to report: `--from`/`--to`, or `--days` (30 by default) ending on `--to` or today. */
export function rangeOf(values: { days?: string; from?: string; to?: string }, now: Date): StatsRange {
  const from = day('from', values.from);
  const to = day('to', values.to);
  if (from !== undefined && values.days !== undefined)
    throw new ValidationError('give --days or --from, not both');
  if (from !== undefined) return { from, ...(to ? { to } : {}) };
  const text = values.days ?? '30';
  if (text === 'all') return to ? { to } : {};
  const days = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!(days >= 1 && days <= MAX_REPORT_DAYS))
    throw new ValidationError(
      `--days must be a whole number from 1 to ${MAX_REPORT_DAYS}, or all; not "${text}"`,
    );
  return lastDays(days, to ? new Date(`${to}T12:00:00Z`) : now);
}

function episodeId(text: string): number {
  if (!/^[1-9]\d{0,14}$/.test(text))
    throw new ValidationError(`--episode must be an episode id, not "${text}"`);
  return Number(text);
}

/** Runs `podwire stats ...`; returns the exit code (bad arguments are thrown as PodwireErrors: message, exit 1). */
export async function runStats(
  args: readonly string[],
  io: StatsIo,
  env: CliDatabaseEnvironment,
): Promise<number> {
  if (args[0] === 'help' || args.includes('--help')) {
    io.out(STATS_USAGE);
    return 0;
  }
  const { values, positionals } = parse(args);
  const target = { worker: values.worker === true, persistTo: values['persist-to'] };
  if (target.persistTo !== undefined && !target.worker)
    throw new ValidationError('--persist-to goes with --worker');
  const now = new Date();
  let run: (db: Parameters<typeof recountDays>[0], where: string) => Promise<void>;
  if (positionals[0] === 'recount') {
    const extra = positionals.length > 1 || ['show', 'episode', 'days', 'to'].some((o) => o in values);
    if (extra) throw new ValidationError('usage: podwire stats recount [--from YYYY-MM-DD]');
    const from = day('from', values.from);
    run = async (db, where) => {
      const { closed } = await recountDays(db, now, from);
      const result =
        closed.length === 0
          ? `no day before today${from ? ` from ${from} on` : ''} has raw events left to recount in ${where}`
          : `recounted ${closed.length} day${closed.length === 1 ? '' : 's'} (${closed[0]} to ${closed.at(-1)}) in ${where}`;
      io.out(values.json ? JSON.stringify({ recounted: closed }) : result);
    };
  } else {
    if (positionals.length > 0)
      throw new ValidationError(`unknown stats command "${positionals[0]}"\n\n${STATS_USAGE}`);
    const range = rangeOf(values, now);
    const episode = values.episode === undefined ? undefined : episodeId(values.episode);
    run = async (db) => {
      if (episode !== undefined) {
        const report = await episodeReport(db, episode, range, now);
        if (values.show !== undefined && report.episode.show.slug !== values.show)
          throw new ValidationError(
            `episode ${episode} is in the show "${report.episode.show.slug}", not "${values.show}"`,
          );
        io.out(values.json ? JSON.stringify(report, null, 2) : episodeReportText(report));
        return;
      }
      const reports = await showReports(db, range, now, values.show);
      if (values.json) {
        io.out(JSON.stringify({ shows: reports }, null, 2));
        return;
      }
      io.out(showReportsText(reports));
      if (values.show === undefined && reports.length > 0)
        io.out(
          `\n\n${topArticlesText(overviewOf(reports, range.to ?? reports[0]?.stats.to ?? '').topArticles)}`,
        );
    };
  }
  const opened = await openCliDatabase(target, env);
  try {
    await run(opened.db, opened.where);
  } finally {
    await opened.close();
  }
  return 0;
}
