// Resident memory of a process from /proc/<pid>/status, and the trend of a series of samples.
import { readFile } from 'node:fs/promises';

export interface MemorySample {
  /** Seconds since the load started. */
  readonly at: number;
  /** VmRSS: resident now, in bytes. */
  readonly rss: number;
  /** VmHWM: the most it was ever resident, in bytes. */
  readonly peak: number;
}

/** Reads VmRSS and VmHWM (proc(5)); `at` is given by the caller. */
export async function readMemory(pid: number, at: number): Promise<MemorySample> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
  return { at, rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/** Least-squares slope of rss over time, in bytes per second (0 with fewer than two samples). */
export function rssSlope(samples: readonly MemorySample[]): number {
  const n = samples.length;
  if (n < 2) return 0;
  const meanT = samples.reduce((s, x) => s + x.at, 0) / n;
  const meanR = samples.reduce((s, x) => s + x.rss, 0) / n;
  let num = 0;
  let den = 0;
  for (const { at, rss } of samples) {
    num += (at - meanT) * (rss - meanR);
    den += (at - meanT) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

export const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
