// Dates in feeds: RFC 822 (RSS, with four-digit years) and RFC 3339 (Atom, JSON Feed).

/** `Fri, 16 Oct 2026 07:30:00 GMT`: RFC 822 with a four-digit year (RSS Best Practices). */
export function rfc822(date: Date): string {
  return date.toUTCString();
}

/** `2026-10-16T07:30:00Z`, with milliseconds only when there are some. */
export function rfc3339(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}
