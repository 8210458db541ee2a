// HTTP dates (RFC 9110 §5.6.7): IMF-fixdate out; IMF-fixdate and the two obsolete forms in.

/** `Sun, 06 Nov 1994 08:49:37 GMT`: whole seconds, as Last-Modified carries them. */
export function formatHttpDate(date: Date): string {
  return date.toUTCString();
}

/** Parses an HTTP date; undefined when it is not one (a malformed validator is ignored, §13.1.3). */
export function parseHttpDate(text: string | undefined): Date | undefined {
  if (!text) return undefined;
  // IMF-fixdate, RFC 850 and asctime all end in a time and a zone or a year; Date.parse reads them.
  if (!/^[A-Za-z]{3},? |^[A-Za-z]+day, /.test(text.trim())) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/** Truncates to whole seconds, the resolution of HTTP dates. */
export function toHttpSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}
