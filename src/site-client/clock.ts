// Times as listeners read them ("12:40", "1:02:03") and the `?t=` start a shared link carries.

/** 760 → "12:40"; 3723 → "1:02:03" (the pages print lengths the same way). */
export function clock(value: number): string {
  const s = Math.max(0, Math.floor(Number.isFinite(value) ? value : 0));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/**
 * The start a link asks for: `?t=807` (whole seconds, as the share button writes) or `?t=13:27`.
 * Anything else, or a time at or past the end, is ignored: a bad link plays from the start.
 */
export function parseStart(text: string | null, duration: number): number | undefined {
  if (text === null || !/^\d{1,6}(?::\d{1,2}){0,2}$/.test(text)) return undefined;
  const seconds = text.split(':').reduce((total, part) => total * 60 + Number(part), 0);
  return seconds > 0 && seconds < duration ? seconds : undefined;
}
