/** @jsxImportSource hono/jsx */
// The listening screens: every show with the site's top articles, one show (with its episodes), one episode; each with its chart.
import type { ListeningOverview, ReportShow } from '../../catalog/analytics/listening-report.ts';
import type { ListeningStats } from '../../catalog/analytics/listening-stats.ts';
import { Crumbs } from './common.tsx';
import { useStudioBase } from './links.ts';
import { ListeningChart } from './listening-chart.tsx';
import {
  BreakdownTables,
  CountTable,
  type ListeningPeriod,
  PeriodPicker,
  periodText,
  TopArticles,
} from './listening-parts.tsx';

const count = (n: number) => (n === 1 ? '1 download' : `${n} downloads`);

function Method() {
  return (
    <p class="hint">
      Downloads as the IAB Podcast Measurement Technical Guidelines (v2.2) count them, from the audio this
      site delivered: one per listener, episode and UTC day, once a minute of audio was received; bots and
      previews are left out. Today’s downloads appear within seconds.
    </p>
  );
}

export function ListeningOverviewScreen(props: {
  overview: ListeningOverview;
  period: ListeningPeriod;
  sitePath: string;
}) {
  const base = useStudioBase();
  const { overview } = props;
  const period = periodText(props.period, overview.from, overview.to);
  return (
    <div class="screen listening">
      <h1>Listening</h1>
      <p>
        {count(overview.downloads)} of every show, {period}.
      </p>
      <PeriodPicker path="/listening" current={props.period} />
      <ListeningChart id="listening-chart" days={overview.days} />
      <h2>Shows</h2>
      <CountTable
        caption={`Downloads by show, ${period}`}
        name="Show"
        class="shows"
        rows={overview.shows.map((show) => ({
          label: <a href={`${base}/listening/shows/${show.id}?range=${props.period}`}>{show.title}</a>,
          downloads: show.downloads,
        }))}
        empty="No shows yet."
      />
      <h2>Top articles by listening</h2>
      <TopArticles articles={overview.topArticles} sitePath={props.sitePath} period={period} />
      <Method />
    </div>
  );
}

export function ShowListeningScreen(props: {
  show: ReportShow;
  stats: ListeningStats;
  period: ListeningPeriod;
  sitePath: string;
}) {
  const base = useStudioBase();
  const { show, stats } = props;
  const period = periodText(props.period, stats.from, stats.to);
  return (
    <div class="screen listening">
      <Crumbs trail={[['Listening', `/listening?range=${props.period}`]]} />
      <h1>Listening: {show.title}</h1>
      <p>
        {count(stats.downloads)}, {period}. <a href={`${base}/shows/${show.id}`}>Edit the show</a>
      </p>
      <PeriodPicker path={`/listening/shows/${show.id}`} current={props.period} />
      <ListeningChart id="listening-chart" days={stats.days} />
      <h2>Episodes</h2>
      <CountTable
        caption={`Downloads by episode, ${period}`}
        name="Episode"
        class="episodes"
        rows={(stats.episodes ?? []).map((e) => ({
          label: <a href={`${base}/listening/episodes/${e.id}?range=${props.period}`}>{e.title}</a>,
          downloads: e.downloads,
        }))}
        empty="No episode was downloaded in this period."
      />
      <BreakdownTables stats={stats} sitePath={props.sitePath} period={period} />
      <Method />
    </div>
  );
}

export function EpisodeListeningScreen(props: {
  episode: { id: number; title: string; show: ReportShow };
  stats: ListeningStats;
  period: ListeningPeriod;
  sitePath: string;
}) {
  const base = useStudioBase();
  const { episode, stats } = props;
  const period = periodText(props.period, stats.from, stats.to);
  return (
    <div class="screen listening">
      <Crumbs
        trail={[
          ['Listening', `/listening?range=${props.period}`],
          [episode.show.title, `/listening/shows/${episode.show.id}?range=${props.period}`],
        ]}
      />
      <h1>Listening: {episode.title}</h1>
      <p>
        {count(stats.downloads)}, {period}. <a href={`${base}/episodes/${episode.id}`}>Edit the episode</a>
      </p>
      <PeriodPicker path={`/listening/episodes/${episode.id}`} current={props.period} />
      <ListeningChart id="listening-chart" days={stats.days} />
      <BreakdownTables stats={stats} sitePath={props.sitePath} period={period} />
      <Method />
    </div>
  );
}
