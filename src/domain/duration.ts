// Duration display: the one place seconds become "25:36" or "1:00:01", for feeds and pages alike.

/**
 * Whole seconds, rounded to the nearest (1535.6 -> 1536), as feeds declare them in
 * `itunes:duration` and as every displayed duration is derived.
 */
export function roundSeconds(seconds: number): number {
  if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError(`not a duration: ${seconds}`);
  return Math.round(seconds);
}

/** `M:SS` under an hour, `H:MM:SS` from an hour: 1536 -> "25:36", 3601 -> "1:00:01", 0 -> "0:00". */
export function formatDuration(seconds: number): string {
  const total = roundSeconds(seconds);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = total % 60;
  const ss = String(secs).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}

/** ISO 8601 duration (`PT25M36S`) for machine-readable markup such as `<time datetime>` and JSON-LD. */
export function isoDuration(seconds: number): string {
  const total = roundSeconds(seconds);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = total % 60;
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${secs || total === 0 ? `${secs}S` : ''}`;
}
