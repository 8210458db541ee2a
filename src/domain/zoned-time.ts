// Wall-clock times in the site's time zone for datetime-local inputs: "2026-12-01T06:00" in TIME_ZONE ↔ an instant.
import { wallClock } from './dates.ts';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;

const DAY_MS = 86_400_000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The value of an `<input type="datetime-local">` showing `date` in `timeZone` ("2026-12-01T06:00"). */
export function toDateTimeLocal(date: Date, timeZone: string): string {
  const t = wallClock(date, timeZone);
  return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}`;
}

/** The zone's offset from UTC at `instant`, in milliseconds (Europe/London in summer: +3 600 000). */
function offsetAt(instant: number, timeZone: string): number {
  const t = wallClock(new Date(instant), timeZone);
  const asUtc = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute);
  // wallClock has minute precision: compare with the instant truncated the same way.
  return asUtc - Math.floor(instant / 60_000) * 60_000;
}

/**
 * The instant a datetime-local value names in `timeZone`, or undefined when the text is not such a
 * value (or not a real date, such as 31 February). A wall-clock time skipped by a DST change
 * (01:30 on the night clocks go forward) is read with the offset before the change, so it lands
 * just after it; a repeated one (clocks going back) is the first of the two.
 */
export function fromDateTimeLocal(text: string, timeZone: string): Date | undefined {
  const m = LOCAL.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute] = m.slice(1, 6).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59)
    return undefined;
  // Zones change offset at most once a day: the offsets a day either side give every reading.
  const candidates = [offsetAt(wall - DAY_MS, timeZone), offsetAt(wall + DAY_MS, timeZone)].map(
    (offset) => wall - offset,
  );
  const wanted = toDateTimeLocal(new Date(wall), 'UTC');
  const valid = candidates.filter((instant) => toDateTimeLocal(new Date(instant), timeZone) === wanted);
  return new Date(valid.length > 0 ? Math.min(...valid) : (candidates[0] as number));
}
