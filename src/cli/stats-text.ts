// The listening reports as text for a terminal: per show or episode, downloads by day, app, country, source page and episode.
import type { ArticleListening, EpisodeReport, ShowReport } from '../catalog/analytics/listening-report.ts';
import type { ListeningStats, SourceStats } from '../catalog/analytics/listening-stats.ts';
import { textBar, textTable } from './text-table.ts';

/** Apps, countries and source pages shown per report (the JSON has them all). */
const TOP = 10;

const count = (n: number) => (n === 1 ? '1 download' : `${n} downloads`);

/** The show reports, one after another. */
export function showReportsText(reports: readonly ShowReport[]): string {
  if (reports.length === 0) return 'No shows yet.';
  const parts = reports.map(({ show, stats }) =>
    [
      `${show.title} (${show.slug}): ${count(stats.downloads)}, ${stats.from} to ${stats.to} (UTC)`,
      statsText(stats),
    ].join('\n\n'),
  );
  return parts.join('\n\n\n');
}

/** The articles whose players were played most, across every show. */
export function topArticlesText(articles: readonly ArticleListening[]): string {
  if (articles.length === 0) return 'Top articles by listening: none yet.';
  return `Top articles by listening, all shows:\n\n${textTable(
    [{ title: 'Article' }, { title: 'Downloads', align: 'right' }],
    articles.map((a) => [a.title ? `${a.title} (${a.source})` : a.source, String(a.downloads)]),
  )}`;
}

export function episodeReportText({ episode, stats }: EpisodeReport): string {
  const heading = `Episode ${episode.id}, ${episode.title} (${episode.show.title}): ${count(stats.downloads)}, ${stats.from} to ${stats.to} (UTC)`;
  return [heading, statsText(stats)].join('\n\n');
}

function statsText(stats: ListeningStats): string {
  const max = Math.max(0, ...stats.days.map((d) => d.downloads));
  const sections = [
    textTable(
      [{ title: 'Day' }, { title: 'Downloads', align: 'right' }, { title: '' }],
      stats.days.map((d) => [d.day, String(d.downloads), textBar(d.downloads, max)]),
    ),
  ];
  if (stats.downloads === 0) return sections[0] as string;
  sections.push(
    textTable(
      [{ title: 'App' }, { title: 'Downloads', align: 'right' }],
      stats.apps.slice(0, TOP).map((a) => [a.app, String(a.downloads)]),
    ),
  );
  if (stats.countries.some((c) => c.country !== null)) {
    sections.push(
      textTable(
        [{ title: 'Country' }, { title: 'Downloads', align: 'right' }],
        stats.countries.slice(0, TOP).map((c) => [c.country ?? 'unknown', String(c.downloads)]),
      ),
    );
  }
  sections.push(
    stats.sources.length === 0
      ? '  No plays from web pages (podcast apps send no page).'
      : textTable(
          [{ title: 'Source page' }, { title: 'Downloads', align: 'right' }],
          stats.sources.slice(0, TOP).map((s) => [sourceLabel(s), String(s.downloads)]),
        ),
  );
  if (stats.episodes) {
    sections.push(
      textTable(
        [{ title: 'Id', align: 'right' }, { title: 'Episode' }, { title: 'Downloads', align: 'right' }],
        stats.episodes.map((e) => [String(e.id), e.title, String(e.downloads)]),
      ),
    );
  }
  return sections.join('\n\n');
}

const PAGE_LABELS: Record<SourceStats['page'], string> = {
  article: 'article',
  episode: 'episode page',
  embed: 'embedded player',
  other: 'page',
  external: 'another site',
};

/** "Article: Title (/articles/slug)", or the kind of page and its address. */
export function sourceLabel(source: SourceStats): string {
  const kind = PAGE_LABELS[source.page];
  return source.title ? `${kind}: ${source.title} (${source.source})` : `${kind}: ${source.source}`;
}
