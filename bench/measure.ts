// Timing helpers for bench scripts: warm up, run for a fixed time, report operations per second.

export interface Measurement {
  readonly name: string;
  readonly opsPerSecond: number;
  readonly iterations: number;
}

/** Runs `op` repeatedly for `seconds` after a warm-up and reports its rate. */
export async function measure(name: string, op: () => Promise<unknown>, seconds = 2): Promise<Measurement> {
  const warmUntil = performance.now() + 300;
  while (performance.now() < warmUntil) await op();
  let iterations = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  while (performance.now() < until) {
    await op();
    iterations++;
  }
  const elapsed = (performance.now() - started) / 1000;
  return { name, opsPerSecond: iterations / elapsed, iterations };
}

/** Prints each measurement with its ratio to `baseline` (higher is faster). */
export function printTable(title: string, baseline: Measurement, others: readonly Measurement[]): void {
  console.log(`\n${title}`);
  for (const m of [baseline, ...others]) {
    const ratio = m.opsPerSecond / baseline.opsPerSecond;
    console.log(
      `  ${m.name.padEnd(40)} ${m.opsPerSecond.toFixed(0).padStart(9)} ops/s  ${ratio.toFixed(2).padStart(6)}x baseline`,
    );
  }
}
