import { parseFeed } from 'podcast-partytime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, AUTH } from '../helpers/admin-client.ts';
import { AUDIO_SECONDS, guidOf, type ImportSource, startImportSource } from '../helpers/import-source.ts';
import { startWorker, type WorkerHarness } from '../helpers/worker-harness.ts';

const EPISODES = 50;
let source: ImportSource;
let worker: WorkerHarness;

beforeAll(async () => {
  source = await startImportSource({ episodes: EPISODES, documentsEvery: 10 });
  // The fixture host listens on 127.0.0.1: ALLOW_PRIVATE_FETCH lets the Worker reach it.
  worker = await startWorker(
    { BASE_URL: 'https://news.example', ADMIN_TOKEN, ALLOW_PRIVATE_FETCH: 'true' },
    { seed: false, testScheduled: true },
  );
}, 180_000);
afterAll(async () => {
  await worker?.dispose();
  await source?.close();
});

interface JobView {
  id: number;
  status: string;
  showStatus: string | null;
  show: { slug: string } | null;
  progress: { total: number; done: number };
  summary: { new: number; updated: number; unchanged: number; failed: number };
  failures: unknown[];
  error: string | null;
}

const audioHits = () =>
  [...source.hits].filter(([path]) => path.startsWith('/audio/')).reduce((n, [, c]) => n + c, 0);

async function getJob(id: number): Promise<JobView> {
  return (await (await worker.fetch(`/api/v1/imports/${id}`, { headers: AUTH })).json()) as JobView;
}

/** POSTs the import, then runs the cron trigger until the job is finished; returns it and the cron runs it took. */
async function importThroughCron(): Promise<{ job: JobView; crons: number }> {
  const posted = await worker.fetch('/api/v1/imports', {
    method: 'POST',
    headers: { ...AUTH, 'content-type': 'application/json' },
    body: JSON.stringify({ url: source.feedUrl }),
  });
  expect(posted.status).toBe(202);
  const { id } = (await posted.json()) as JobView;
  let crons = 0;
  for (;;) {
    const job = await getJob(id);
    if (job.status !== 'queued' && job.status !== 'running') return { job, crons };
    expect(crons).toBeLessThan(60);
    const ran = await worker.fetch('/__scheduled?cron=*+*+*+*+*');
    expect(ran.status).toBe(200);
    crons++;
  }
}

describe('imports on Workers (cron-driven steps in workerd)', () => {
  it('imports a 50-episode show a few items per invocation, with probed durations and the GUIDs kept', async () => {
    const { job, crons } = await importThroughCron();
    expect(job).toMatchObject({ status: 'done', showStatus: 'new', error: null, failures: [] });
    expect(job.summary).toEqual({ new: EPISODES, updated: 0, unchanged: 0, failed: 0 });
    expect(job.progress).toEqual({ total: EPISODES, done: EPISODES });
    // 5 items an invocation: the POST's waitUntil and the cron runs shared the work.
    expect(crons).toBeGreaterThanOrEqual(Math.floor(EPISODES / 5) - 2);
    expect(audioHits()).toBe(EPISODES);

    const response = await worker.fetch(`/podcasts/${job.show?.slug}/feed.xml`);
    expect(response.status).toBe(200);
    const feed = parseFeed(await response.text());
    const items = feed?.items ?? [];
    expect(items.length).toBe(EPISODES);
    expect(new Set(items.map((item) => item.guid))).toEqual(
      new Set(Array.from({ length: EPISODES }, (_, i) => guidOf(i))),
    );
    // The source said 1:00:00 for every item: the durations are the probed ones.
    for (const item of items) {
      const i = Array.from({ length: EPISODES }, (_, n) => n).find((n) => guidOf(n) === item.guid) as number;
      expect(item.duration).toBe(Math.round(AUDIO_SECONDS[i % 2] as number));
    }
  }, 300_000);

  it('changes nothing and fetches no audio when imported again', async () => {
    const before = audioHits();
    const { job } = await importThroughCron();
    expect(job).toMatchObject({ status: 'done', showStatus: 'unchanged', error: null });
    expect(job.summary).toEqual({ new: 0, updated: 0, unchanged: EPISODES, failed: 0 });
    expect(audioHits()).toBe(before);
  }, 300_000);
});
