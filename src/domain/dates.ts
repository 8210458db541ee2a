// Date display for pages: one format everywhere, in the site's time zone, identical on Node and Workers.

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The wall-clock time of `date` in `timeZone`. Only Intl's numeric parts are used, and the words
 * come from this file, so output does not depend on the runtime's locale data.
 */
export function wallClock(date: Date, timeZone: string): WallClock {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(date)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
  };
}

/** "16 October 2026" */
export function formatDate(date: Date, timeZone: string): string {
  const t = wallClock(date, timeZone);
  return `${t.day} ${MONTHS[t.month - 1]} ${t.year}`;
}

/** "16 October 2026, 07:30" */
export function formatDateTime(date: Date, timeZone: string): string {
  const t = wallClock(date, timeZone);
  return `${formatDate(date, timeZone)}, ${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
}
