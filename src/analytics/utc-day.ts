// utcDay(date): the UTC calendar day a download is counted in, as `YYYY-MM-DD` (oDL's window).

const DAY_MS = 86_400_000;

/** The last day named, and its first and last millisecond + 1: every counted download asks. */
let last = { day: '', from: 0, to: 0 };

/** The UTC calendar day of `date`, such as `2026-12-01`. */
export function utcDay(date: Date): string {
  const time = date.getTime();
  if (time >= last.from && time < last.to) return last.day;
  const day = date.toISOString().slice(0, 10);
  const from = time - (((time % DAY_MS) + DAY_MS) % DAY_MS);
  last = { day, from, to: from + DAY_MS };
  return day;
}

/** The day `days` after `day` (negative: before), both `YYYY-MM-DD`. */
export function addDays(day: string, days: number): string {
  return utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
}

/**
 * Whether `text` names a real calendar day as `YYYY-MM-DD` (2026-02-30 does not), in the years
 * 1000 to 8999: ten years (a report's longest span) either side of such a day is still written
 * `YYYY-MM-DD`, whereas the day after 9999-12-31 is `+010000-01`, on which day-by-day loops never end.
 */
export function isUtcDay(text: string): boolean {
  if (!/^[1-8]\d{3}-\d{2}-\d{2}$/.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(time) && utcDay(new Date(time)) === text;
}

/** Days from `from` to `to`, both included (empty when `to` is before `from`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}
