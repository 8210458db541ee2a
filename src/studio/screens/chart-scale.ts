// A download chart's scale (pure): days grouped into bars (days, weeks or months by the range's length) and the y axis's round ticks.

export interface ChartBucket {
  /** First and last day of the bar (the same day for daily bars), `YYYY-MM-DD`. */
  readonly from: string;
  readonly to: string;
  /** Short, for the axis ("31 Oct", "Oct 2026"). */
  readonly short: string;
  /** Full, for the table ("31 Oct 2026", "26 Oct – 1 Nov 2026"). */
  readonly label: string;
  readonly downloads: number;
}

export type BucketUnit = 'day' | 'week' | 'month';

/** Up to about three months a bar per day; up to two years a bar per 7 days; beyond, per calendar month. */
export function bucketUnitFor(days: number): BucketUnit {
  return days <= 92 ? 'day' : days <= 730 ? 'week' : 'month';
}

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const fullFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const asDate = (day: string) => new Date(`${day}T00:00:00Z`);

/** "31 Oct" */
export const shortDay = (day: string) => dayFormat.format(asDate(day));
/** "31 Oct 2026" */
export const fullDay = (day: string) => fullFormat.format(asDate(day));

/** `days` (consecutive, oldest first) as the chart's bars; every download lands in exactly one. */
export function bucketDays(days: readonly { day: string; downloads: number }[]): {
  unit: BucketUnit;
  buckets: ChartBucket[];
} {
  const unit = bucketUnitFor(days.length);
  const buckets: ChartBucket[] = [];
  const keyOf = (day: string, index: number) =>
    unit === 'day' ? day : unit === 'week' ? String(Math.floor(index / 7)) : day.slice(0, 7);
  let open: { key: string; from: string; to: string; downloads: number } | undefined;
  const close = () => {
    if (!open) return;
    const { from, to, downloads } = open;
    buckets.push({ from, to, downloads, ...labels(unit, from, to) });
  };
  days.forEach(({ day, downloads }, index) => {
    const key = keyOf(day, index);
    if (open?.key === key) {
      open.to = day;
      open.downloads += downloads;
      return;
    }
    close();
    open = { key, from: day, to: day, downloads };
  });
  close();
  return { unit, buckets };
}

function labels(unit: BucketUnit, from: string, to: string): { short: string; label: string } {
  if (unit === 'day') return { short: shortDay(from), label: fullDay(from) };
  if (unit === 'month') {
    const month = monthFormat.format(asDate(from));
    return { short: month, label: month };
  }
  return { short: shortDay(from), label: from === to ? fullDay(from) : `${shortDay(from)} – ${fullDay(to)}` };
}

/** The y axis: a round top at or above `max` and 2 to 6 evenly spaced whole-number ticks from 0 to it. */
export function niceTicks(max: number): { top: number; ticks: number[] } {
  if (max <= 0) return { top: 1, ticks: [0, 1] };
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, ([1, 2, 5, 10].find((m) => m * magnitude >= rough) ?? 10) * magnitude);
  const top = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let tick = 0; tick <= top; tick += step) ticks.push(tick);
  return { top, ticks };
}
