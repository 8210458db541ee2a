/** @jsxImportSource hono/jsx */
// The downloads chart: an SVG bar chart drawn on the server (days on x, downloads on y), named and described for assistive technology, with its table.
import { bucketDays, type ChartBucket, fullDay, niceTicks } from './chart-scale.ts';

/** The drawing's coordinate system (the SVG scales to the column's width). */
const WIDTH = 720;
const HEIGHT = 260;
const LEFT = 60;
const RIGHT = 12;
const TOP = 14;
const BOTTOM = 44;
const PLOT_W = WIDTH - LEFT - RIGHT;
const PLOT_H = HEIGHT - TOP - BOTTOM;
/** At most this many x labels, so they never overlap. */
const MAX_X_LABELS = 8;

const UNIT_WORDS = { day: 'day', week: '7 days', month: 'month' } as const;
const round = (n: number) => Math.round(n * 100) / 100;
const plural = (n: number) => (n === 1 ? '1 download' : `${n} downloads`);

/** What the chart shows, in words: its accessible description. */
export function chartSummary(buckets: readonly ChartBucket[], unit: keyof typeof UNIT_WORDS): string {
  const total = buckets.reduce((sum, b) => sum + b.downloads, 0);
  if (total === 0) return 'No downloads in this period.';
  const best = buckets.reduce((a, b) => (b.downloads > a.downloads ? b : a));
  const active = buckets.filter((b) => b.downloads > 0).length;
  const per = UNIT_WORDS[unit];
  return `${plural(total)} in total; the busiest ${per} was ${best.label} with ${plural(best.downloads)}; ${active} of ${buckets.length} bars (one per ${per}) have downloads. The table below lists them all.`;
}

export function ListeningChart(props: {
  /** Prefix of the chart's element ids (unique on the page). */
  id: string;
  days: readonly { day: string; downloads: number }[];
}) {
  const { unit, buckets } = bucketDays(props.days);
  const first = props.days[0]?.day;
  const last = props.days.at(-1)?.day;
  const period = first && last ? `${fullDay(first)} to ${fullDay(last)}` : '';
  const per = UNIT_WORDS[unit];
  const title = `Downloads per ${per}, ${period} (UTC)`;
  const { top, ticks } = niceTicks(Math.max(0, ...buckets.map((b) => b.downloads)));
  const slot = PLOT_W / Math.max(1, buckets.length);
  const barWidth = Math.max(1, slot * 0.8);
  const y = (value: number) => round(TOP + PLOT_H - (value / top) * PLOT_H);
  const labelEvery = Math.ceil(buckets.length / MAX_X_LABELS);
  const ids = { title: `${props.id}-title`, desc: `${props.id}-desc`, table: `${props.id}-table` };
  return (
    <figure class="chart" id={props.id}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${ids.title} ${ids.desc}`}
        preserveAspectRatio="xMidYMid meet"
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id={ids.title}>{title}</title>
        <desc id={ids.desc}>{chartSummary(buckets, unit)}</desc>
        <g class="chart-y-axis">
          {ticks.map((tick) => (
            <g class="chart-tick" data-value={String(tick)}>
              <line class="chart-grid" x1={LEFT} x2={WIDTH - RIGHT} y1={y(tick)} y2={y(tick)} />
              <text x={LEFT - 10} y={y(tick)} dy="0.35em" text-anchor="end">
                {String(tick)}
              </text>
            </g>
          ))}
          <text
            class="chart-axis-title"
            x={12}
            y={TOP + PLOT_H / 2}
            text-anchor="middle"
            transform={`rotate(-90 12 ${TOP + PLOT_H / 2})`}
          >
            Downloads
          </text>
        </g>
        <g class="chart-bars">
          {buckets.map((bucket, i) => {
            const height = round((bucket.downloads / top) * PLOT_H);
            return (
              <rect
                class="chart-bar"
                x={round(LEFT + i * slot + (slot - barWidth) / 2)}
                y={round(TOP + PLOT_H - height)}
                width={round(barWidth)}
                height={height}
                data-from={bucket.from}
              >
                <title>{`${bucket.label}: ${plural(bucket.downloads)}`}</title>
              </rect>
            );
          })}
        </g>
        <line class="chart-axis" x1={LEFT} x2={WIDTH - RIGHT} y1={TOP + PLOT_H} y2={TOP + PLOT_H} />
        <g class="chart-x-axis">
          {buckets.map((bucket, i) =>
            i % labelEvery === 0 ? (
              <text
                // Every other label gives way on narrow screens, where the text is drawn larger.
                class={(i / labelEvery) % 2 === 1 ? 'chart-x-alt' : undefined}
                x={round(LEFT + (i + 0.5) * slot)}
                y={TOP + PLOT_H + 18}
                dy="0.35em"
                text-anchor="middle"
              >
                {bucket.short}
              </text>
            ) : null,
          )}
          <text class="chart-axis-title" x={LEFT + PLOT_W / 2} y={HEIGHT - 4} text-anchor="middle">
            {unit === 'day' ? 'Day (UTC)' : unit === 'week' ? '7 days from (UTC)' : 'Month (UTC)'}
          </text>
        </g>
      </svg>
      <figcaption>
        <details>
          <summary>Table of the chart’s numbers</summary>
          <table class="list chart-table" id={ids.table}>
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{unit === 'day' ? 'Day' : unit === 'week' ? '7 days' : 'Month'}</th>
                <th scope="col">Downloads</th>
              </tr>
            </thead>
            <tbody>
              {buckets.map((bucket) => (
                <tr>
                  <th scope="row">
                    <time datetime={bucket.from}>{bucket.label}</time>
                  </th>
                  <td>{String(bucket.downloads)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
}
