// Byte spans [start, end) of a file: merged into disjoint spans, so repeated or overlapping ranges count once.

export interface ByteSpan {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
}

/** The spans merged: sorted, disjoint, touching spans joined. Empty spans are dropped. */
export function mergeSpans(spans: readonly ByteSpan[]): ByteSpan[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: ByteSpan[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) {
      if (span.end > last.end) merged[merged.length - 1] = { start: last.start, end: span.end };
    } else merged.push(span);
  }
  return merged;
}

/** Distinct bytes the spans cover: a thousand tiny or repeated ranges add up to no more than they hold. */
export function coveredBytes(spans: readonly ByteSpan[]): number {
  let total = 0;
  for (const span of mergeSpans(spans)) total += span.end - span.start;
  return total;
}
