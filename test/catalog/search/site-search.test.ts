// Site search over a real demo database: what is found, where a transcript hit links, ranking, visibility, paging.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ArticleFields,
  createArticle,
  deleteArticle,
  publishArticle,
  unpublishArticle,
  updateArticle,
} from '../../../src/catalog/editor/articles.ts';
import { attachEpisodeFile } from '../../../src/catalog/editor/episode-files.ts';
import { updateEpisode } from '../../../src/catalog/editor/episodes.ts';
import type { UploadContext } from '../../../src/catalog/editor/uploads.ts';
import { publishDueItems } from '../../../src/catalog/publish-due.ts';
import { reindexSearch } from '../../../src/catalog/search/reindex.ts';
import { SEARCH_RESULTS_PER_PAGE, siteSearch } from '../../../src/catalog/search/site-search.ts';
import { DEMO_NOW, openDemoApp } from '../../helpers/demo-app.ts';
import { tempDirs } from '../../helpers/temp-dir.ts';

const BASE = 'https://news.example';
const EPISODE_1 = `${BASE}/podcasts/courier-conversations/tide-mill-part-1-the-people`;

describe('siteSearch', () => {
  const newDir = tempDirs();
  let demo: Awaited<ReturnType<typeof openDemoApp>>;
  let ctx: UploadContext;
  const search = (q: string, page = 1, now = DEMO_NOW) =>
    siteSearch({ db: demo.deps.db, baseUrl: BASE, now }, q, page);
  let sectionId: number;

  const article = (fields: Partial<ArticleFields>): ArticleFields => ({
    slug: `a-${crypto.randomUUID().slice(0, 8)}`,
    headline: 'Untitled',
    standfirst: '',
    bodyHtml: '',
    authors: [],
    sectionId,
    tags: [],
    imageAlt: '',
    ...fields,
  });
  /** A published article, live at DEMO_NOW. */
  async function published(fields: Partial<ArticleFields>) {
    const record = await createArticle(ctx, article(fields));
    return publishArticle(ctx, record.article.id, undefined);
  }
  const vtt = (text: string) => ({ body: new Response(text).body, declaredLength: text.length });

  beforeAll(async () => {
    demo = await openDemoApp(await newDir(), {}, { writableMedia: true });
    ctx = {
      db: demo.deps.db,
      baseUrl: BASE,
      now: DEMO_NOW,
      media: demo.deps.media,
      maxUploadBytes: 10_000_000,
      instance: 'test',
    };
    const [row] = await demo.deps.db.all<{ id: number }>(sql`SELECT id FROM sections WHERE slug = 'town'`);
    sectionId = row?.id as number;
  });
  afterAll(() => demo.close());

  it('finds the demo articles and episodes by their words, with the words marked in escaped snippets', async () => {
    const page = await search('tide mill');
    const urls = page.results.map((r) => r.url);
    expect(urls).toContain(`${BASE}/articles/tide-mill-turns-again`);
    expect(urls).toContain(EPISODE_1);
    const hit = page.results.find((r) => r.url === `${BASE}/articles/tide-mill-turns-again`);
    expect(hit?.titleHtml).toBe('The <mark>tide</mark> <mark>mill</mark> on Saltings Creek turns again');
  });

  it('links a transcript hit to the episode at the second its cue starts', async () => {
    // "The last miller, Agnes Rowe, ..." is the cue at 00:05:00.000 in the demo transcript.
    const page = await search('Agnes Rowe');
    const hit = page.results.find((r) => r.kind === 'transcript');
    expect(hit?.url).toBe(`${EPISODE_1}?t=300`);
    expect(hit?.startText).toBe('5:00');
    expect(hit?.snippetHtml).toContain('<mark>Agnes</mark> <mark>Rowe</mark>');
  });

  it('indexes an uploaded transcript in the batch that attaches it, and forgets the words it replaced', async () => {
    const [row] = await demo.deps.db.all<{ id: number }>(
      sql`SELECT id FROM episodes WHERE slug = 'tide-mill-part-2-the-machine'`,
    );
    const id = row?.id as number;
    await attachEpisodeFile(
      ctx,
      id,
      'transcript',
      vtt(
        'WEBVTT\n\n00:13:27.600 --> 00:13:31.000\nThe quernstone came from <b>Brittany</b> &amp; France.\n',
      ),
    );
    const found = await search('quernstone');
    expect(found.results.map((r) => r.url)).toEqual([
      `${BASE}/podcasts/courier-conversations/tide-mill-part-2-the-machine?t=807`,
    ]);
    expect(found.results[0]?.snippet).toBe('The quernstone came from Brittany & France.');
    await attachEpisodeFile(
      ctx,
      id,
      'transcript',
      vtt('WEBVTT\n\n00:00:02.000 --> 00:00:04.000\nA new sluice gate.\n'),
    );
    expect((await search('quernstone')).total).toBe(0);
    expect((await search('sluice gate')).results.some((r) => r.url.endsWith('-machine?t=2'))).toBe(true);
  });

  it('indexes every cue of a long transcript, and an HTML transcript as untimed text', async () => {
    const [row] = await demo.deps.db.all<{ id: number }>(
      sql`SELECT id FROM episodes WHERE slug = 'tide-mill-part-2-the-machine'`,
    );
    const id = row?.id as number;
    const clock = (s: number) =>
      `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.000`;
    // 3,000 cues of ~150 characters: more JSON than one insert statement carries.
    const cues = Array.from(
      { length: 3000 },
      (_, i) =>
        `${clock(i)} --> ${clock(i + 1)}\nCue ${i} ${'of the long programme about the estuary '.repeat(3)}`,
    );
    cues[2999] = `${clock(2999)} --> ${clock(3000)}\nThe very last cue mentions a bittern.`;
    await attachEpisodeFile(ctx, id, 'transcript', vtt(`WEBVTT\n\n${cues.join('\n\n')}\n`));
    const [count] = await demo.deps.db.all<{ n: number }>(
      sql`SELECT count(*) AS n FROM search_texts WHERE episode_id = ${id} AND kind = 'transcript'`,
    );
    expect(count?.n).toBe(3000);
    expect((await search('bittern')).results[0]?.url).toMatch(/-machine\?t=2999$/);
    const html = `<!DOCTYPE html><html><body><p>An untimed transcript about <b>avocets</b>.</p>${'<p>More words here.</p>'.repeat(300)}</body></html>`;
    await attachEpisodeFile(ctx, id, 'transcript', {
      body: new Response(html).body,
      declaredLength: html.length,
    });
    const found = await search('avocets');
    expect(found.results.map((r) => [r.kind, r.url])).toEqual([
      ['transcript', `${BASE}/podcasts/courier-conversations/tide-mill-part-2-the-machine`],
    ]);
    expect((await search('bittern')).total).toBe(0);
  });

  it('reads article bodies as text: tag names and link targets are not words of the article', async () => {
    await published({
      headline: 'Keeper of the light',
      bodyHtml:
        '<p>The <strong>lighthouse</strong> keeper <a href="https://zanzibar.example/">wrote</a> a&nbsp;log&hellip;</p><script>xylophone()</script>',
    });
    expect((await search('lighthouse')).total).toBe(1);
    for (const word of ['strong', 'zanzibar', 'href', 'xylophone', 'nbsp']) {
      expect((await search(word)).total, word).toBe(0);
    }
  });

  it('ranks a headline match above a passing mention in a long body', async () => {
    const filler = '<p>The harbour master walked the quay at dawn and counted the boats.</p>'.repeat(20);
    await published({ headline: 'Old harbour news', bodyHtml: `${filler}<p>A kelp farm was mentioned.</p>` });
    await published({
      headline: 'Kelp farm opens off the point',
      bodyHtml: '<p>Seaweed, grown on ropes.</p>',
    });
    const page = await search('kelp');
    expect(page.results.map((r) => r.title)).toEqual(['Kelp farm opens off the point', 'Old harbour news']);
  });

  it('finds only what is live: not drafts, not scheduled items before their time, not unpublished or deleted ones', async () => {
    const draft = await createArticle(ctx, article({ headline: 'Narwhal sighted (draft)' }));
    expect((await search('narwhal')).total).toBe(0);
    const later = new Date(DEMO_NOW.getTime() + 3_600_000);
    await publishArticle(ctx, draft.article.id, later);
    expect((await search('narwhal')).total).toBe(0);
    expect((await search('narwhal', 1, later)).total).toBe(1);
    // The schedule's own run changes nothing in the index: visibility is read at search time.
    await publishDueItems(demo.deps.db, later);
    expect((await search('narwhal', 1, later)).total).toBe(1);
    await unpublishArticle({ ...ctx, now: later }, draft.article.id);
    expect((await search('narwhal', 1, later)).total).toBe(0);
    await deleteArticle({ ...ctx, now: later }, draft.article.id);
    const [left] = await demo.deps.db.all<{ n: number }>(
      sql`SELECT count(*) AS n FROM search_texts WHERE article_id = ${draft.article.id}`,
    );
    expect(left?.n).toBe(0);
  });

  it('follows edits: a new headline is found, the old one no longer', async () => {
    const record = await published({ headline: 'Walrus on the slipway' });
    await updateArticle(ctx, record.article.id, { headline: 'Seal on the slipway' });
    expect((await search('walrus')).total).toBe(0);
    expect((await search('seal slipway')).results[0]?.title).toBe('Seal on the slipway');
    const [episode] = await demo.deps.db.all<{ id: number }>(
      sql`SELECT id FROM episodes WHERE slug = 'tide-mill-part-1-the-people'`,
    );
    await updateEpisode(ctx, episode?.id as number, {
      contentHtml: '<p>Thanks to the <em>cormorant</em> club.</p>',
    });
    expect((await search('cormorant')).results.map((r) => r.url)).toEqual([EPISODE_1]);
  });

  it('pages through results without overlap, and counts them all', async () => {
    for (let i = 0; i < 25; i++) await published({ headline: `Puffin count, colony ${i}` });
    const first = await search('puffin');
    const second = await search('puffin', 2);
    expect(first.total).toBe(25);
    expect(first.results).toHaveLength(SEARCH_RESULTS_PER_PAGE);
    expect(second.results).toHaveLength(5);
    expect(new Set([...first.results, ...second.results].map((r) => r.url)).size).toBe(25);
    const past = await search('puffin', 3);
    expect(past.results).toEqual([]);
    expect(past.total).toBe(25);
    expect(first.pageUrl(2)).toBe(`${BASE}/search?q=puffin&page=2`);
  });

  it('is rebuilt whole by reindexSearch', async () => {
    const before = await search('tide mill');
    await demo.deps.db.run(sql`DELETE FROM search_texts`);
    expect((await search('tide mill')).total).toBe(0);
    const report = await reindexSearch(demo.deps.db, demo.deps.media);
    expect(report.transcripts).toBe(2);
    const after = await search('tide mill');
    expect(after.results.map((r) => r.url)).toEqual(before.results.map((r) => r.url));
    expect((await search('Agnes')).results[0]?.url).toBe(`${EPISODE_1}?t=300`);
  });
});
