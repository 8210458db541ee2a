// A latency histogram in constant memory: log-spaced buckets 1% wide, so a 10-minute soak needs no sample list.

const GROWTH = 1.01;
const LOG_GROWTH = Math.log(GROWTH);
/** Bucket 0 holds everything up to 1 µs; the last bucket everything past about 2 minutes. */
const BUCKETS = Math.ceil(Math.log(120e6) / LOG_GROWTH) + 1;

export interface LatencySummary {
  readonly count: number;
  /** Milliseconds. */
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
}

export interface Histogram {
  /** Records one latency in milliseconds. */
  record(ms: number): void;
  /** Adds another histogram's counts to this one. */
  add(other: Histogram): void;
  summary(): LatencySummary;
  readonly counts: Uint32Array;
}

/** Percentiles are read as the upper edge of their bucket: at most 1% above the true value. */
export function createHistogram(): Histogram {
  const counts = new Uint32Array(BUCKETS);
  let total = 0;
  let max = 0;
  const quantile = (q: number) => {
    if (total === 0) return 0;
    const rank = Math.ceil(q * total);
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += counts[i] as number;
      if (seen >= rank) return Math.min(GROWTH ** i / 1000, max);
    }
    return max;
  };
  return {
    counts,
    record(ms) {
      const us = Math.max(ms * 1000, 1);
      const index = Math.min(Math.ceil(Math.log(us) / LOG_GROWTH), BUCKETS - 1);
      counts[index] = (counts[index] as number) + 1;
      total++;
      if (ms > max) max = ms;
    },
    add(other) {
      const summary = other.summary();
      for (let i = 0; i < BUCKETS; i++) counts[i] = (counts[i] as number) + (other.counts[i] as number);
      total += summary.count;
      if (summary.max > max) max = summary.max;
    },
    summary() {
      return { count: total, p50: quantile(0.5), p90: quantile(0.9), p99: quantile(0.99), max };
    },
  };
}
