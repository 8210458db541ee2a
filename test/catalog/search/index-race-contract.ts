// The search index under concurrent edits without If-Match, for any database: after parallel PATCHes of one record
// (app.request, the admin API), the index must hold the text the row holds, whichever PATCH committed last.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanText, plainTextOfHtml } from '../../../src/catalog/search/plain-text.ts';
import { reindexSearch } from '../../../src/catalog/search/reindex.ts';
import type { Database } from '../../../src/db/database.ts';
import { createSqlDocumentBodies } from '../../../src/db/queries/rendered-documents.ts';
import type { MediaStore } from '../../../src/media-store/media-store.ts';
import { type AdminApp, openAdminApp } from '../../helpers/admin-client.ts';
import { tempDirs } from '../../helpers/temp-dir.ts';

/** Rounds of parallel PATCHes; each is a fresh chance for one request's read to fall before another's write. */
const ROUNDS = 4;

export function searchIndexRaceContract(
  name: string,
  open: () => Promise<{ db: Database; close(): Promise<void> | void }>,
) {
  describe(`the search index under concurrent PATCHes without If-Match (${name})`, () => {
    const newDir = tempDirs();
    let api: AdminApp;
    let db: Database;
    let close: () => Promise<void> | void = () => undefined;

    beforeAll(async () => {
      const opened = await open();
      db = opened.db;
      close = () => opened.close();
      api = await openAdminApp(await newDir(), {}, { db, documentBodies: createSqlDocumentBodies(db) });
    });
    afterAll(async () => {
      api?.demo.close();
      await close();
    });

    /** A new show with the fields the API requires. */
    const newShow = async (slug: string): Promise<{ id: number }> =>
      (
        await api.call('POST', '/shows', {
          slug,
          title: `Show ${slug}`,
          description: 'A show.',
          language: 'en',
          author: 'Newsroom',
          categories: [{ category: 'News' }],
        })
      ).json();

    /** Sends every patch at once; each must be applied (200), none refused as a conflict. */
    async function patchAtOnce(path: string, patches: readonly object[]) {
      const responses = await Promise.all(patches.map((patch) => api.call('PATCH', path, patch)));
      for (const response of responses) expect(response.status, await response.text()).toBe(200);
    }

    const searchText = (title: string, first: string, html: string) => ({
      title: cleanText(title),
      body: `${cleanText(first)} ${plainTextOfHtml(html)}`,
    });

    it('ends with the article text the row holds', async () => {
      const section = await (await api.call('POST', '/sections', { slug: 'race', name: 'Race' })).json();
      const created = await api.call('POST', '/articles', {
        slug: 'race-article',
        headline: 'Start headline',
        standfirst: 'Start standfirst',
        bodyHtml: '<p>Start body</p>',
        sectionId: section.id,
      });
      expect(created.status).toBe(201);
      const { id } = await created.json();
      for (let round = 0; round < ROUNDS; round++) {
        await patchAtOnce(`/articles/${id}`, [
          { headline: `Headline ${round} quillon` },
          { standfirst: `Standfirst ${round} vambrace` },
          { bodyHtml: `<p>Body ${round} <b>gorget</b></p>` },
          { tags: [`tag-${round}`] },
        ]);
        const [row] = await db.all<{ headline: string; standfirst: string; body_html: string }>(
          sql`SELECT headline, standfirst, body_html FROM articles WHERE id = ${id}`,
        );
        expect(row).toMatchObject({
          headline: `Headline ${round} quillon`,
          standfirst: `Standfirst ${round} vambrace`,
        });
        const texts = await db.all(sql`SELECT title, body FROM search_texts WHERE article_id = ${id}`);
        expect(texts, `round ${round}`).toEqual([
          searchText(row?.headline ?? '', row?.standfirst ?? '', row?.body_html ?? ''),
        ]);
      }
    });

    it('keeps an edit that lands while a reindex reads a transcript (between its read and its write)', async () => {
      const show = await newShow('reindexed-show');
      const created = await api.call('POST', '/episodes', {
        showId: show.id,
        slug: 'reindexed-episode',
        title: 'Before the reindex',
      });
      const { id } = await created.json();
      const vtt = 'WEBVTT\n\n00:00.000 --> 00:01.000\nWords of the transcript.\n';
      const uploaded = await api.upload(`/episodes/${id}/transcript`, new TextEncoder().encode(vtt), {
        'content-type': 'text/vtt',
      });
      expect(uploaded.status).toBe(200);
      // The real media folder, but the editor's PATCH is sent the first time the reindex reads a
      // transcript: after it read the episode's row, before it writes the episode's search text.
      const media = api.demo.deps.media;
      let editing: Promise<Response> | undefined;
      const reading: MediaStore = {
        ...media,
        async get(key, window) {
          editing ??= Promise.resolve(
            api.call('PATCH', `/episodes/${id}`, { title: 'Edited during the reindex' }),
          );
          expect((await editing).status).toBe(200);
          return media.get(key, window);
        },
      };
      await reindexSearch(db, reading);
      const texts = await db.all(
        sql`SELECT title FROM search_texts WHERE episode_id = ${id} AND kind = 'episode'`,
      );
      expect(texts).toEqual([{ title: 'Edited during the reindex' }]);
    });

    it('ends with the episode text the row holds', async () => {
      const show = await newShow('race-show');
      const created = await api.call('POST', '/episodes', {
        showId: show.id,
        slug: 'race-episode',
        title: 'Start title',
        summary: 'Start summary',
        contentHtml: '<p>Start notes</p>',
      });
      expect(created.status).toBe(201);
      const { id } = await created.json();
      for (let round = 0; round < ROUNDS; round++) {
        await patchAtOnce(`/episodes/${id}`, [
          { title: `Title ${round} pauldron` },
          { summary: `Summary ${round} greave` },
          { contentHtml: `<p>Notes ${round} <i>cuirass</i></p>` },
          { number: round + 1 },
        ]);
        const [row] = await db.all<{ title: string; summary: string; content_html: string }>(
          sql`SELECT title, summary, content_html FROM episodes WHERE id = ${id}`,
        );
        expect(row).toMatchObject({ title: `Title ${round} pauldron`, summary: `Summary ${round} greave` });
        const texts = await db.all(
          sql`SELECT title, body FROM search_texts WHERE episode_id = ${id} AND kind = 'episode'`,
        );
        expect(texts, `round ${round}`).toEqual([
          searchText(row?.title ?? '', row?.summary ?? '', row?.content_html ?? ''),
        ]);
      }
    });
  });
}
