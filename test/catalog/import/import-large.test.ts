import { readdir } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import { parseFeed } from 'podcast-partytime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importJobView, startImportJob } from '../../../src/catalog/import/import-jobs.ts';
import { runImportJob } from '../../../src/catalog/import/run-import.ts';
import { episodes, mediaAssets, searchTexts, shows } from '../../../src/db/schema.ts';
import { openImportDeps } from '../../helpers/import-deps.ts';
import { AUDIO_SECONDS, guidOf, type ImportSource, startImportSource } from '../../helpers/import-source.ts';
import { tempDirs } from '../../helpers/temp-dir.ts';
import { xmllint } from '../../helpers/xmllint.ts';

const EPISODES = Number(process.env.IMPORT_TEST_EPISODES ?? 1000);
const tempDir = tempDirs();
let source: ImportSource;
let opened: Awaited<ReturnType<typeof openImportDeps>>;

beforeAll(async () => {
  source = await startImportSource({ episodes: EPISODES, futureFrom: EPISODES - 2 });
  opened = await openImportDeps(await tempDir());
});
afterAll(async () => {
  await source.close();
  opened.close();
});

describe(`import of a ${EPISODES}-episode feed`, () => {
  it('creates the show and every episode, GUIDs exact, audio re-hosted and probed', async () => {
    const { deps } = opened;
    const { job } = await startImportJob(deps.db, { url: source.feedUrl }, deps.now());
    const done = await runImportJob(deps, job.id);
    const view = await importJobView(deps.db, deps.baseUrl, done);
    expect(view.failures).toEqual([]);
    expect(view).toMatchObject({
      status: 'done',
      showStatus: 'new',
      progress: { total: EPISODES, done: EPISODES },
    });
    expect(view.summary).toEqual({ new: EPISODES, updated: 0, unchanged: 0, failed: 0 });
    expect(view.warnings.join(' ')).toMatch(/Not A Category/);
    expect(view.movingSteps[0]).toContain(`${source.feedUrl} answer "301 Moved Permanently"`);

    const rows = await deps.db
      .select({ episode: episodes, audio: mediaAssets })
      .from(episodes)
      .innerJoin(mediaAssets, eq(mediaAssets.id, episodes.audioAssetId));
    expect(rows).toHaveLength(EPISODES);
    const byGuid = new Map(rows.map((r) => [r.episode.guid, r]));
    for (let i = 0; i < EPISODES; i++) {
      const row = byGuid.get(guidOf(i));
      expect(row, guidOf(i)).toBeDefined();
      // itunes:duration said 1:00:00, the enclosure claimed audio/x-wav of 999999999 bytes: never believed.
      expect(row?.audio.durationSeconds).toBeCloseTo(AUDIO_SECONDS[i % 2] as number, 1);
      expect(row?.audio.mimeType).toBe('audio/mpeg');
      expect(row?.audio.sizeBytes).toBeLessThan(20_000);
      expect(row?.episode.contentHtml).not.toMatch(/script|onclick|javascript/);
      expect(row?.episode.contentHtml).toContain(`Notes for ${i}`);
      expect(row?.episode.number).toBe(i + 1);
      expect(row?.episode.status).toBe(i >= EPISODES - 2 ? 'scheduled' : 'published');
    }
    expect(byGuid.get(guidOf(0))?.episode).toMatchObject({
      type: 'trailer',
      explicit: false,
      transcriptAssetId: expect.any(Number),
      chaptersAssetId: expect.any(Number),
    });
    expect(byGuid.get(guidOf(0))?.episode.publishedAt?.toISOString()).toBe('2020-01-01T00:00:00.000Z');
    const transcriptWords = await deps.db
      .select()
      .from(searchTexts)
      .where(eq(searchTexts.kind, 'transcript'));
    expect(transcriptWords.length).toBeGreaterThanOrEqual(Math.ceil(EPISODES / 10));
    const [show] = await deps.db.select().from(shows);
    expect(show).toMatchObject({
      title: 'The Old Host Hour',
      language: 'en-GB',
      categories: [{ category: 'News', subcategory: 'Daily News' }],
      funding: [{ url: 'https://old.example/support', title: 'Support us' }],
      ownerEmail: 'owner@old.example',
    });
    expect(show?.artworkAssetId).not.toBeNull();
  }, 120_000);

  it("serves a podcast feed that keeps the source's GUIDs and the probed lengths", async () => {
    const [show] = await opened.deps.db.select().from(shows);
    const response = await opened.app().request(`/podcasts/${show?.slug}/feed.xml`);
    expect(response.status).toBe(200);
    const xml = await response.text();
    const lint = await xmllint([{ fileName: 'imported.xml', contents: xml }]);
    expect(lint.errors).toEqual([]);
    const feed = parseFeed(xml);
    const published = feed?.items ?? [];
    expect(published.length).toBe(EPISODES - 2);
    expect(new Set(published.map((item) => item.guid))).toEqual(
      new Set(Array.from({ length: EPISODES - 2 }, (_, i) => guidOf(i))),
    );
    for (const item of published.slice(0, 20)) expect(item.duration).toBeLessThan(10);
  });

  it('changes nothing and fetches no audio when run again', async () => {
    const { deps } = opened;
    const audioHits = () =>
      [...source.hits].filter(([path]) => path.startsWith('/audio/')).reduce((n, [, c]) => n + c, 0);
    const before = audioHits();
    const files = (await readdir(opened.mediaDir, { recursive: true })).length;
    const { job } = await startImportJob(deps.db, { url: source.feedUrl }, deps.now());
    const view = await importJobView(deps.db, deps.baseUrl, await runImportJob(deps, job.id));
    expect(view.showStatus).toBe('unchanged');
    expect(view.summary).toEqual({ new: 0, updated: 0, unchanged: EPISODES, failed: 0 });
    expect(audioHits()).toBe(before);
    expect((await readdir(opened.mediaDir, { recursive: true })).length).toBe(files);
  }, 60_000);
});
