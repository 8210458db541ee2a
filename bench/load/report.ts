// Printing the load bench's results: per-class rates and latencies against the baseline, memory and its trend.
import type { LoadResult } from './client.ts';
import { createHistogram, type LatencySummary } from './histogram.ts';
import { type MemorySample, mb, rssSlope } from './memory.ts';

const CLASSES = ['pages', 'feeds', 'media', 'writes'] as const;

const ms = (value: number) =>
  value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0);
const num = (value: number) => Math.round(value).toLocaleString('en-US');

interface Row {
  readonly rps: number;
  readonly latency: LatencySummary;
  readonly statuses: string;
  readonly bytes: number;
}

function rowsOf(result: LoadResult): Map<string, Row> {
  const rows = new Map<string, Row>();
  const all = createHistogram();
  let requests = 0;
  let bytes = 0;
  for (const kind of CLASSES) {
    const stats = result.classes.get(kind);
    if (!stats) continue;
    all.add(stats.latency);
    requests += stats.requests;
    bytes += stats.bytes;
    const statuses = [...stats.statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${num(n)}`);
    rows.set(kind, {
      rps: stats.requests / result.seconds,
      latency: stats.latency.summary(),
      statuses: statuses.join(', '),
      bytes: stats.bytes,
    });
  }
  rows.set('all', { rps: requests / result.seconds, latency: all.summary(), statuses: '', bytes });
  return rows;
}

/** One line per class: podwire's rate and latencies (ms), the baseline's rate and p99, and the rate ratio. */
export function printClasses(ours: LoadResult, baseline: LoadResult): void {
  const a = rowsOf(ours);
  const b = rowsOf(baseline);
  console.log(
    `  ${'class'.padEnd(7)}${'req/s'.padStart(8)}${'p50'.padStart(8)}${'p90'.padStart(8)}${'p99'.padStart(8)}${'max'.padStart(8)}  |${'base req/s'.padStart(11)}${'base p99'.padStart(9)}${'ratio'.padStart(7)}  statuses`,
  );
  for (const [kind, row] of a) {
    const base = b.get(kind);
    const { p50, p90, p99, max } = row.latency;
    console.log(
      `  ${kind.padEnd(7)}${num(row.rps).padStart(8)}${ms(p50).padStart(8)}${ms(p90).padStart(8)}${ms(p99).padStart(8)}${ms(max).padStart(8)}  |${num(base?.rps ?? 0).padStart(11)}${ms(base?.latency.p99 ?? 0).padStart(9)}${`${(row.rps / (base?.rps ?? Number.NaN)).toFixed(2)}x`.padStart(7)}  ${row.statuses}`,
    );
  }
  const transfer = (r: Row | undefined, s: number) => `${((r?.bytes ?? 0) / s / 1048576).toFixed(0)} MB/s`;
  console.log(
    `  (latencies in ms; received ${transfer(a.get('all'), ours.seconds)} from podwire, ${transfer(b.get('all'), baseline.seconds)} from the baseline)`,
  );
}

/** Unexpected answers, socket errors and timeouts, grouped, with one example each. */
export function printErrors(label: string, result: LoadResult): void {
  if (result.errorCount === 0) {
    console.log(`  ${label}: no unexpected answers, socket errors or timeouts`);
    return;
  }
  console.log(`  ${label}: ${num(result.errorCount)} UNEXPECTED`);
  for (const [what, { count, example }] of result.errors) {
    console.log(`    ${num(count)} x ${what}\n      e.g. ${example.replaceAll('\n', ' ')}`);
  }
}

export interface Trend {
  readonly atOneMinute: MemorySample;
  readonly end: MemorySample;
  /** Bytes per minute over the second half of the run. */
  readonly slope: number;
  readonly growing: boolean;
}

/**
 * Resident memory grows if, over the second half of the run, it rises by more than `slopeLimit`
 * bytes a minute *and* ends more than `riseLimit` above the one-minute mark. Both: a heap still
 * settling after the first minute rises once and levels off (no slope); GC noise swings both ways.
 */
export function memoryTrend(
  samples: readonly MemorySample[],
  limits = { slope: 1048576, rise: 16 * 1048576 },
): Trend | undefined {
  const last = samples.at(-1);
  if (!last || last.at < 120) return undefined;
  const atOneMinute = samples.reduce((best, s) => (Math.abs(s.at - 60) < Math.abs(best.at - 60) ? s : best));
  const secondHalf = samples.filter((s) => s.at >= last.at / 2);
  const slope = rssSlope(secondHalf) * 60;
  const growing = slope > limits.slope && last.rss - atOneMinute.rss > limits.rise;
  return { atOneMinute, end: last, slope, growing };
}

export function printTrend(trend: Trend, every: number): void {
  const rise = trend.end.rss - trend.atOneMinute.rss;
  console.log(
    `  soak: RSS sampled every ${every} s; at 1 min ${mb(trend.atOneMinute.rss)}, at ${Math.round(trend.end.at)} s ${mb(trend.end.rss)} (${rise >= 0 ? '+' : ''}${mb(rise)}); ` +
      `slope over the second half ${(trend.slope / 1048576).toFixed(2)} MB/min: ${trend.growing ? 'MEMORY GROWS' : 'no growth'}`,
  );
}
