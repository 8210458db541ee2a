import { createServer } from 'node:http';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importJobView, startImportJob } from '../../../src/catalog/import/import-jobs.ts';
import { planImport } from '../../../src/catalog/import/import-plan.ts';
import type { ImportDeps } from '../../../src/catalog/import/import-ports.ts';
import { runImportJob, runImportStep } from '../../../src/catalog/import/run-import.ts';
import { parseConfig } from '../../../src/config.ts';
import { episodes, importItems, mediaJournal } from '../../../src/db/schema.ts';
import { UnsafeXmlError } from '../../../src/feeds-in/feed-errors.ts';
import { readPodcastRss } from '../../../src/feeds-in/read-podcast-rss.ts';
import { createNodeSafeFetch } from '../../../src/node/node-fetch-port.ts';
import { openImportDeps } from '../../helpers/import-deps.ts';
import { guidOf, type ImportSource, startImportSource } from '../../helpers/import-source.ts';
import { tempDirs } from '../../helpers/temp-dir.ts';

const tempDir = tempDirs();
let source: ImportSource;
const opened: Awaited<ReturnType<typeof openImportDeps>>[] = [];

beforeAll(async () => {
  source = await startImportSource({ episodes: 6, documentsEvery: 2 });
});
afterAll(async () => {
  await source.close();
  for (const o of opened) o.close();
});

async function freshDeps(overrides: Partial<ImportDeps> = {}) {
  const o = await openImportDeps(await tempDir(), overrides);
  opened.push(o);
  return o.deps;
}

async function importOnce(deps: ImportDeps, request: Parameters<typeof startImportJob>[1]) {
  const { job } = await startImportJob(deps.db, request, deps.now());
  return importJobView(deps.db, deps.baseUrl, await runImportJob(deps, job.id));
}

const encode = (xml: string) => new TextEncoder().encode(xml);

describe('import safety', () => {
  it('refuses a DOCTYPE at once: XXE and entity bombs are never expanded', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><title>&x;</title></channel></rss>`;
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><rss><channel><title>&lol2;</title></channel></rss>`;
    for (const xml of [xxe, bomb, '<!doctype rss><rss/>']) {
      expect(() => readPodcastRss(encode(xml), 'http://x/feed')).toThrow(UnsafeXmlError);
      expect(() => readPodcastRss(encode(xml), 'http://x/feed')).toThrow(
        /DOCTYPE.*refuses documents with DTDs/,
      );
    }
  });

  it('leaves undeclared entities as text and refuses absurd nesting', () => {
    const feed = readPodcastRss(
      encode('<rss><channel><title>A &foo; B &amp; C</title></channel></rss>'),
      'http://x/',
    );
    expect(feed.show.title).toBe('A &foo; B & C');
    const deep = `<rss><channel><title>t</title>${'<a>'.repeat(100)}${'</a>'.repeat(100)}</channel></rss>`;
    expect(() => readPodcastRss(encode(deep), 'http://x/')).toThrow(/nests elements more than 64 deep/);
  });

  it('refuses a feed document over IMPORT_MAX_FEED_BYTES, and the job says why', async () => {
    const deps = await freshDeps({ maxFeedBytes: 2_000 });
    const view = await importOnce(deps, { url: source.feedUrl });
    expect(view.status).toBe('refused');
    expect(view.error).toMatch(/larger than IMPORT_MAX_FEED_BYTES \(2000 bytes\)/);
    expect(await deps.db.select().from(episodes)).toEqual([]);
  });

  it('refuses an entity bomb served as a feed, writing nothing', async () => {
    source.routes.set('/bomb.xml', {
      status: 200,
      body: '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><rss><channel><title>&b;</title></channel></rss>',
    });
    const deps = await freshDeps();
    const view = await importOnce(deps, { url: `${source.url}/bomb.xml` });
    expect(view).toMatchObject({ status: 'refused', show: null });
    expect(view.error).toMatch(/DOCTYPE/);
  });

  it('follows itunes:new-feed-url and refuses a loop of them', async () => {
    const feed = (to: string) =>
      `<rss xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>Loop</title><itunes:new-feed-url>${to}</itunes:new-feed-url></channel></rss>`;
    source.routes.set('/a.xml', { status: 200, body: feed(`${source.url}/b.xml`) });
    source.routes.set('/b.xml', { status: 200, body: feed(`${source.url}/a.xml`) });
    const deps = await freshDeps();
    const view = await importOnce(deps, { url: `${source.url}/a.xml` });
    expect(view.status).toBe('refused');
    expect(view.error).toBe(
      `the feed's addresses loop: ${source.url}/a.xml → ${source.url}/b.xml → ${source.url}/a.xml`,
    );
    source.routes.set('/moved.xml', { status: 200, body: feed(source.feedUrl) });
    const moved = await planImport(deps, { url: `${source.url}/moved.xml` });
    expect(moved.feedUrl).toBe(source.feedUrl);
  });

  it('adopts a permanent redirect as the feed URL, not a temporary one', async () => {
    source.routes.set('/old.xml', { status: 301, location: '/feed.xml' });
    source.routes.set('/tmp.xml', { status: 302, location: '/feed.xml' });
    const deps = await freshDeps();
    expect((await planImport(deps, { url: `${source.url}/old.xml` })).feedUrl).toBe(source.feedUrl);
    expect((await planImport(deps, { url: `${source.url}/tmp.xml` })).feedUrl).toBe(`${source.url}/tmp.xml`);
  });

  it('refuses a podcast:locked feed unless the owner confirms', async () => {
    source.options = { ...source.options, lockedBy: 'boss@old.example' };
    try {
      const deps = await freshDeps();
      const refused = await importOnce(deps, { url: source.feedUrl });
      expect(refused.status).toBe('refused');
      expect(refused.error).toMatch(/locked \(podcast:locked yes\).*--owner-email/);
      const wrong = await importOnce(deps, { url: source.feedUrl, ownerEmail: 'me@else.example' });
      expect(wrong.error).toMatch(/me@else.example is not its owner's email/);
      await expect(planImport(deps, { url: source.feedUrl })).rejects.toThrow(/locked/);
      const owner = await importOnce(deps, { url: source.feedUrl, ownerEmail: 'BOSS@old.example' });
      expect(owner).toMatchObject({ status: 'done', summary: { new: 6 } });
      const other = await freshDeps();
      expect(await importOnce(other, { url: source.feedUrl, iOwnThisFeed: true })).toMatchObject({
        status: 'done',
      });
    } finally {
      source.options = { ...source.options, lockedBy: undefined };
    }
  });

  it('reports an episode whose audio fails, creates nothing for it, and imports it on the next run', async () => {
    source.options = { ...source.options, failingAudio: new Set([2]) };
    const deps = await freshDeps();
    try {
      const first = await importOnce(deps, { url: source.feedUrl });
      expect(first).toMatchObject({ status: 'done', summary: { new: 5, failed: 1 } });
      expect(first.failures).toEqual([
        {
          guid: guidOf(2),
          title: 'Episode 2: the & sign',
          reason: expect.stringMatching(/audio .*\/audio\/2\.mp3: .*answered HTTP 500/),
        },
      ]);
      expect(
        await deps.db
          .select()
          .from(episodes)
          .where(eq(episodes.guid, guidOf(2))),
      ).toEqual([]);
      expect(await deps.db.select().from(mediaJournal)).toEqual([]);
    } finally {
      source.options = { ...source.options, failingAudio: undefined };
    }
    const second = await importOnce(deps, { url: source.feedUrl });
    expect(second).toMatchObject({ status: 'done', summary: { new: 1, unchanged: 5, failed: 0 } });
  });

  it('finishes an interrupted import on the next run', async () => {
    const deps = await freshDeps();
    const { job } = await startImportJob(deps.db, { url: source.feedUrl }, deps.now());
    await runImportStep(deps, job.id, { maxItems: 2 }); // the feed
    await runImportStep(deps, job.id, { maxItems: 2 }); // two items, then the process "dies"
    const again = await startImportJob(deps.db, { url: source.feedUrl }, deps.now());
    expect(again).toMatchObject({ resumed: true, job: { id: job.id } });
    const view = await importJobView(deps.db, deps.baseUrl, await runImportJob(deps, job.id));
    expect(view).toMatchObject({ status: 'done', summary: { new: 6, failed: 0 } });
    const items = await deps.db.select().from(importItems).where(eq(importItems.jobId, job.id));
    expect(items.every((item) => item.status === 'new')).toBe(true);
  });

  it('plans without writing (--dry-run)', async () => {
    const deps = await freshDeps();
    const plan = await planImport(deps, { url: source.feedUrl });
    expect(plan.show.action).toBe('create');
    expect(plan.episodes.map((e) => e.action)).toEqual(Array(6).fill('create'));
    expect(await deps.db.select().from(episodes)).toEqual([]);
    await importOnce(deps, { url: source.feedUrl });
    const after = await planImport(deps, { url: source.feedUrl });
    expect(after.show.action).toBe('unchanged');
    expect(after.episodes.every((e) => e.action === 'unchanged')).toBe(true);
  });

  it('refuses a URL that is not http(s)', async () => {
    const deps = await freshDeps();
    await expect(startImportJob(deps.db, { url: 'file:///etc/passwd' }, deps.now())).rejects.toThrow(
      /not an http\(s\) URL/,
    );
    await expect(startImportJob(deps.db, { url: 'feed.xml' }, deps.now())).rejects.toThrow(
      /not an absolute URL/,
    );
  });
});

describe('import safety through the real SSRF-safe fetch', () => {
  it('refuses a feed on a private address unless ALLOW_PRIVATE_FETCH, naming the address and the rule', async () => {
    const deps = await freshDeps({ fetch: createNodeSafeFetch(parseConfig({})) });
    const view = await importOnce(deps, { url: source.feedUrl });
    expect(view.status).toBe('refused');
    expect(view.error).toMatch(/127\.0\.0\.1 is a loopback address/);
    expect(view.error).toMatch(/ALLOW_PRIVATE_FETCH=true/);
    expect(await deps.db.select().from(episodes)).toHaveLength(0);
  });

  it('refuses a redirect loop at the source, and a redirect into the metadata service', async () => {
    source.routes.set('/loop-a.xml', { status: 302, location: '/loop-b.xml' });
    source.routes.set('/loop-b.xml', { status: 302, location: '/loop-a.xml' });
    source.routes.set('/to-metadata.xml', {
      status: 301,
      location: 'http://169.254.169.254/latest/meta-data/',
    });
    const deps = await freshDeps();
    const loop = await importOnce(deps, { url: `${source.url}/loop-a.xml` });
    expect(loop.status).toBe('refused');
    expect(loop.error).toMatch(/loop/i);
    const metadata = await importOnce(deps, { url: `${source.url}/to-metadata.xml` });
    expect(metadata.status).toBe('refused');
    expect(metadata.error).toMatch(/169\.254\.169\.254/);
  });

  it('cuts an endless feed document off at IMPORT_MAX_FEED_BYTES', async () => {
    const endless = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<rss><channel>');
      const chunk = '<item><title>again</title></item>'.repeat(1000);
      const pump = () => {
        while (res.write(chunk)) {}
        res.once('drain', pump);
      };
      pump();
      res.on('close', () => res.removeAllListeners('drain'));
    });
    await new Promise<void>((resolve) => endless.listen(0, '127.0.0.1', resolve));
    const { port } = endless.address() as { port: number };
    try {
      const deps = await freshDeps({ maxFeedBytes: 1_000_000 });
      const view = await importOnce(deps, { url: `http://127.0.0.1:${port}/feed.xml` });
      expect(view.status).toBe('refused');
      expect(view.error).toMatch(/larger than IMPORT_MAX_FEED_BYTES \(1000000 bytes\)/);
    } finally {
      endless.closeAllConnections();
      endless.close();
    }
  });

  it('reports audio larger than MAX_UPLOAD_BYTES as a failed episode, storing nothing of it', async () => {
    const deps = await freshDeps({ maxUploadBytes: 2_048 });
    const view = await importOnce(deps, { url: source.feedUrl });
    expect(view.status).toBe('done');
    const failed = await deps.db.select().from(importItems).where(eq(importItems.status, 'failed'));
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]?.error).toMatch(/larger than/);
    expect(await deps.db.select().from(episodes)).toHaveLength(0);
    expect(await deps.db.select().from(mediaJournal)).toHaveLength(0);
  });
});
