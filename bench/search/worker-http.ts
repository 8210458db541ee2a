// The search bench's workerd figure over HTTP: the Worker under `wrangler dev` on the D1 corpus, /search?format=json
// timed over loopback against the same stack answering /robots.txt (no database), so the search's own cost shows.
import { startWorker } from '../../test/helpers/worker-harness.ts';

export interface Percentiles {
  readonly p50: number;
  readonly p95: number;
}

const percentiles = (times: number[]): Percentiles => {
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] as number;
  return { p50: at(0.5), p95: at(0.95) };
};

/**
 * Starts `wrangler dev` on `state` (kept), then for each query kind times `runs` requests for the
 * JSON results, one at a time; `floor` is robots.txt through the same stack (wrangler's proxy, workerd).
 */
export async function measureWorkerSearch(
  state: string,
  kinds: readonly (readonly [string, () => string])[],
  runs: number,
): Promise<{ floor: Percentiles; kinds: { name: string; times: Percentiles }[] }> {
  const worker = await startWorker({ BASE_URL: 'https://b.example' }, { persist: state });
  try {
    const time = async (path: string) => {
      const started = performance.now();
      const response = await worker.fetch(path);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      return performance.now() - started;
    };
    for (let i = 0; i < 20; i++) await time('/robots.txt');
    const floorTimes: number[] = [];
    for (let i = 0; i < runs; i++) floorTimes.push(await time('/robots.txt'));
    const results: { name: string; times: Percentiles }[] = [];
    for (const [name, query] of kinds) {
      const search = () => time(`/search?format=json&q=${encodeURIComponent(query())}`);
      for (let i = 0; i < 10; i++) await search();
      const times: number[] = [];
      for (let i = 0; i < runs; i++) times.push(await search());
      results.push({ name, times: percentiles(times) });
    }
    return { floor: percentiles(floorTimes), kinds: results };
  } finally {
    await worker.dispose();
  }
}
