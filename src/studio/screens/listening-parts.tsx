/** @jsxImportSource hono/jsx */
// Parts of the listening screens: the period picker, and the tables of apps, countries, source pages, episodes and articles.
import type { Child } from 'hono/jsx';
import type { ArticleListening } from '../../catalog/analytics/listening-report.ts';
import type { ListeningStats, SourceStats } from '../../catalog/analytics/listening-stats.ts';
import { fullDay } from './chart-scale.ts';
import { useStudioBase } from './links.ts';

/** The periods the screens offer, as `?range=` values. */
export const LISTENING_PERIODS = ['7', '30', '90', 'all'] as const;
export type ListeningPeriod = (typeof LISTENING_PERIODS)[number];
export const DEFAULT_PERIOD: ListeningPeriod = '30';

const PERIOD_LABELS: Record<ListeningPeriod, string> = {
  '7': 'Last 7 days',
  '30': 'Last 30 days',
  '90': 'Last 90 days',
  all: 'All time',
};

/** "the last 30 days, 2 Oct to 31 Oct 2026" */
export function periodText(period: ListeningPeriod, from: string, to: string): string {
  const days = `${fullDay(from)} to ${fullDay(to)} (UTC)`;
  return period === 'all' ? `all time, ${days}` : `the last ${period} days, ${days}`;
}

/** Links to the same screen over each period (plain links: no script, bookmarkable). */
export function PeriodPicker(props: { path: string; current: ListeningPeriod }) {
  const base = useStudioBase();
  return (
    <nav aria-label="Period">
      <ul class="filters">
        {LISTENING_PERIODS.map((period) => (
          <li>
            <a
              href={`${base}${props.path}?range=${period}`}
              aria-current={period === props.current ? 'true' : undefined}
            >
              {PERIOD_LABELS[period]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A two-column table (a name, its downloads) with a caption, or a sentence when there are no rows. */
export function CountTable(props: {
  caption: string;
  name: string;
  rows: readonly { label: Child; downloads: number }[];
  empty: string;
  class?: string;
}) {
  if (props.rows.length === 0) return <p class="hint">{props.empty}</p>;
  return (
    <table class={`list counts ${props.class ?? ''}`.trim()}>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{props.name}</th>
          <th scope="col" class="number">
            Downloads
          </th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr>
            <td>{row.label}</td>
            <td class="number">{String(row.downloads)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const PAGE_KINDS: Record<SourceStats['page'], string> = {
  article: 'Article',
  episode: 'Episode page',
  embed: 'Embedded player',
  other: 'Page',
  external: 'Another site',
};

/**
 * Articles, episode pages and embeds of this site link to their page (under BASE_URL's path); any
 * other source is shown as text: it comes from a Referer header, which a client may forge (a path
 * such as `//elsewhere.example` would otherwise be a link to another site).
 */
function PageLink(props: { sitePath: string; source: string; page: SourceStats['page']; title?: string }) {
  const linkable = props.page === 'article' || props.page === 'episode' || props.page === 'embed';
  if (!linkable) return <span>{props.source}</span>;
  return <a href={`${props.sitePath}${props.source}`}>{props.title ?? props.source}</a>;
}

/** Apps, countries (when the runtime tells them) and the pages that played the audio. */
export function BreakdownTables(props: { stats: ListeningStats; sitePath: string; period: string }) {
  const { stats, sitePath, period } = props;
  return (
    <>
      <h2>Apps</h2>
      <CountTable
        caption={`Downloads by app, ${period}`}
        name="App"
        rows={stats.apps.map((a) => ({ label: a.app, downloads: a.downloads }))}
        empty="No downloads in this period."
      />
      {stats.countries.some((c) => c.country !== null) ? (
        <>
          <h2>Countries</h2>
          <CountTable
            caption={`Downloads by country, ${period}`}
            name="Country"
            rows={stats.countries.map((c) => ({ label: c.country ?? 'Unknown', downloads: c.downloads }))}
            empty=""
          />
        </>
      ) : null}
      <h2>Pages that played it</h2>
      <CountTable
        caption={`Web plays by page, ${period}`}
        name="Page"
        class="sources"
        rows={stats.sources.map((s) => ({
          label: (
            <>
              <span class="hint">{PAGE_KINDS[s.page]}: </span>
              <PageLink sitePath={sitePath} source={s.source} page={s.page} title={s.title} />
            </>
          ),
          downloads: s.downloads,
        }))}
        empty="No plays from web pages in this period (podcast apps name no page)."
      />
    </>
  );
}

/** The site's articles whose players were played most. */
export function TopArticles(props: {
  articles: readonly ArticleListening[];
  sitePath: string;
  period: string;
}) {
  return (
    <CountTable
      caption={`Top articles by listening, ${props.period}`}
      name="Article"
      class="top-articles"
      rows={props.articles.map((a) => ({
        label: <PageLink sitePath={props.sitePath} source={a.source} page="article" title={a.title} />,
        downloads: a.downloads,
      }))}
      empty="No plays from article pages in this period."
    />
  );
}
