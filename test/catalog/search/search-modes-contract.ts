// How a search is bounded, on any database: very common words left out, too-broad matches ranked on titles, queries of
// only very common words listed newest first, candidates capped. Limits are set small so a few articles reach each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ArticleFields, createArticle, publishArticle } from '../../../src/catalog/editor/articles.ts';
import type { EditorContext } from '../../../src/catalog/editor/context.ts';
import { createSection } from '../../../src/catalog/editor/sections.ts';
import type { SearchLimits } from '../../../src/catalog/search/search-plan.ts';
import { siteSearch } from '../../../src/catalog/search/site-search.ts';
import type { Database } from '../../../src/db/database.ts';

const BASE = 'https://news.example';
const NOW = new Date('2026-06-01T12:00:00Z');
const day = (n: number) => new Date(Date.UTC(2026, 0, n, 9));

/** Written in this order (so with ascending ids); `day` is the publication date, none for a draft. */
const ARTICLES = [
  { slug: 'a1', day: 1, headline: 'Harbour ferry timetable', body: 'The harbour news.' },
  { slug: 'a2', day: 2, headline: 'Harbour ferry fares rise', body: 'Dearer crossings.' },
  { slug: 'a3', day: 3, headline: 'Market day', body: 'Stalls by the harbour and the ferry.' },
  { slug: 'a4', day: 4, headline: 'Council notes', body: 'Harbour dues, ferry slots, lighthouse repairs.' },
  { slug: 'a5', day: 5, headline: 'Lighthouse keeper retires', body: 'Harbour stories from the lamp room.' },
  { slug: 'a6', day: 6, headline: 'Harbour lights', body: 'A harbour at night.' },
  { slug: 'a7', day: undefined, headline: 'Harbour draft', body: 'Not yet.' },
] as const;

export function searchModesContract(
  name: string,
  open: () => Promise<{ db: Database; close(): Promise<void> | void }>,
) {
  describe(`search bounds (${name})`, () => {
    let db: Database;
    let close: () => Promise<void> | void = () => undefined;
    const search = (q: string, limits: Partial<SearchLimits>, page = 1) =>
      siteSearch({ db, baseUrl: BASE, now: NOW, limits }, q, page);
    const slugs = (page: Awaited<ReturnType<typeof search>>) =>
      page.results.map((r) => r.url.replace(`${BASE}/articles/`, ''));

    beforeAll(async () => {
      const opened = await open();
      db = opened.db;
      close = () => opened.close();
      const ctx: EditorContext = { db, baseUrl: BASE, now: NOW };
      const section = await createSection(ctx, { slug: 'port', name: 'Port', description: '', position: 1 });
      for (const a of ARTICLES) {
        const fields: ArticleFields = {
          slug: a.slug,
          headline: a.headline,
          standfirst: '',
          bodyHtml: `<p>${a.body}</p>`,
          authors: [],
          sectionId: section.id,
          tags: [],
          imageAlt: '',
        };
        const record = await createArticle(ctx, fields);
        if (a.day !== undefined) await publishArticle(ctx, record.article.id, day(a.day));
      }
    });
    afterAll(async () => {
      await close();
    });

    it('ranks every match with bm25 while there are few: exact totals', async () => {
      const page = await search('ferry', {});
      expect(slugs(page).sort()).toEqual(['a1', 'a2', 'a3', 'a4']);
      expect(slugs(page).slice(0, 2).sort()).toEqual(['a1', 'a2']); // headline matches first
      expect(page).toMatchObject({ total: 4, totalIsExact: true, terms: ['ferry'] });
      expect(page.notice).toBeUndefined();
    });

    it('ranks a match in more than rankedTexts texts on headlines and titles alone, and says so', async () => {
      const page = await search('ferry', { rankedTexts: 3 });
      expect(slugs(page).sort()).toEqual(['a1', 'a2']);
      expect(page.results[0]?.titleHtml).toMatch(/<mark>ferry<\/mark>/i);
      expect(page).toMatchObject({ total: 2, totalIsExact: false });
      expect(page.notice).toMatch(/only headlines and titles were searched/);
    });

    it('leaves a word in more than commonWordTexts texts out of a query with other words', async () => {
      const page = await search('harbour lighthouse', { commonWordTexts: 4 });
      expect(slugs(page)).toEqual(['a5', 'a4']);
      expect(page.terms).toEqual(['lighthouse']);
      expect(page.notice).toMatch(/Very common words were left out of the search: “harbour”/);
      expect(page.results[0]?.titleHtml).toBe('<mark>Lighthouse</mark> keeper retires');
    });

    it('lists a query of only very common words newest first, from the most recent matching texts', async () => {
      // "harbour" is in 7 texts; the 6 most recent (a2…a7) are looked through; a7 is a draft.
      const page = await search('harbour', { commonWordTexts: 6 });
      expect(slugs(page)).toEqual(['a6', 'a2']);
      expect(page).toMatchObject({ total: 2, totalIsExact: false, terms: ['harbour'] });
      expect(page.notice).toMatch(/newest articles and episodes with them in the headline or title/);
      const narrower = await search('harbour', { commonWordTexts: 4 });
      expect(slugs(narrower)).toEqual(['a6']);
      const past = await search('harbour', { commonWordTexts: 6 }, 3);
      expect(past).toMatchObject({ results: [], total: 2, lastPage: 1 });
    });

    it('joins at most `candidates` texts: the best ones, and the total is then a floor', async () => {
      const page = await search('ferry', { candidates: 2 });
      expect(slugs(page).sort()).toEqual(['a1', 'a2']);
      expect(page).toMatchObject({ total: 2, totalIsExact: false });
      const past = await search('ferry', { candidates: 2 }, 2);
      expect(past).toMatchObject({ results: [], total: 2, totalIsExact: false });
    });
  });
}
