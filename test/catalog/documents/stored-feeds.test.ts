import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  documentKey,
  type FeedDocument,
  NEWS_FORMATS,
  renderFeedDocument,
} from '../../../src/catalog/documents/feed-documents.ts';
import { createDocumentPipeline } from '../../../src/catalog/documents/pipeline.ts';
import { findServableFeed, warmDocuments } from '../../../src/catalog/documents/store-documents.ts';
import { parseConfig } from '../../../src/config.ts';
import { createSqlDocumentBodies } from '../../../src/db/queries/rendered-documents.ts';
import { listSectionSlugs } from '../../../src/db/queries/sections.ts';
import { listShowSlugs } from '../../../src/db/queries/shows.ts';
import { NotFoundError } from '../../../src/errors.ts';
import { ADMIN_TOKEN, AUTH, audioFixture, BASE } from '../../helpers/admin-client.ts';
import { DEMO_NOW, openDemoApp } from '../../helpers/demo-app.ts';
import { tempDirs } from '../../helpers/temp-dir.ts';

const sha256 = async (text: string) =>
  Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');

/** One write an editor could make, picked at random. */
type Op =
  | { op: 'newEpisode'; title: string; publish: boolean; schedule: boolean }
  | { op: 'editEpisode'; pick: number; title: string }
  | { op: 'unpublishEpisode'; pick: number }
  | { op: 'deleteEpisode'; pick: number }
  | { op: 'editShow'; subtitle: string }
  | { op: 'renameShow'; slug: string }
  | { op: 'newArticle'; headline: string; section: number }
  | { op: 'editArticle'; pick: number; standfirst: string }
  | { op: 'pair'; pick: number; episodes: number[] }
  | { op: 'renameSection'; pick: number; slug: string }
  | { op: 'tick'; minutes: number };

const words = fc.stringMatching(/^[A-Za-z][A-Za-z <&>"']{0,20}$/);
const slug = fc.stringMatching(/^[a-z][a-z0-9-]{2,12}$/);
const pick = fc.nat(50);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('newEpisode'), title: words, publish: fc.boolean(), schedule: fc.boolean() }),
  fc.record({ op: fc.constant('editEpisode'), pick, title: words }),
  fc.record({ op: fc.constant('unpublishEpisode'), pick }),
  fc.record({ op: fc.constant('deleteEpisode'), pick }),
  fc.record({ op: fc.constant('editShow'), subtitle: words }),
  fc.record({ op: fc.constant('renameShow'), slug }),
  fc.record({ op: fc.constant('newArticle'), headline: words, section: fc.nat(2) }),
  fc.record({ op: fc.constant('editArticle'), pick, standfirst: words }),
  fc.record({ op: fc.constant('pair'), pick, episodes: fc.array(pick, { maxLength: 3 }) }),
  fc.record({ op: fc.constant('renameSection'), pick, slug }),
  fc.record({ op: fc.constant('tick'), minutes: fc.integer({ min: 1, max: 90 }) }),
) as fc.Arbitrary<Op>;

describe('feeds rendered at write time', () => {
  const newDir = tempDirs();
  const opened: { close(): void }[] = [];
  afterAll(() => {
    for (const o of opened) o.close();
  });

  async function openApp() {
    const clock = { at: DEMO_NOW.getTime() };
    let bodies: ReturnType<typeof createSqlDocumentBodies> | undefined;
    const demo = await openDemoApp(
      await newDir(),
      {
        config: parseConfig({ BASE_URL: BASE, ADMIN_TOKEN, FEED_PAGE_SIZE: '2' }),
        now: () => new Date(clock.at),
      },
      { writableMedia: true, documentBodies: (db) => (bodies = createSqlDocumentBodies(db)) },
    );
    opened.push(demo);
    const pipeline = createDocumentPipeline({
      db: demo.deps.db,
      bodies: bodies as NonNullable<typeof bodies>,
      config: demo.deps.config,
      now: () => new Date(clock.at),
    });
    await warmDocuments(pipeline);
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await demo.app.request(`/api/v1${path}`, {
        method,
        headers: { ...AUTH, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return {
        status: response.status,
        json: response.status < 300 && response.status !== 204 ? await response.json() : undefined,
      };
    };
    return { demo, clock, pipeline, call };
  }

  /** Every feed there is now: each show's, and each news feed's first two pages in every format. */
  async function everyFeed(app: Awaited<ReturnType<typeof openApp>>): Promise<FeedDocument[]> {
    const db = app.demo.deps.db;
    const shows = (await listShowSlugs(db)).map((show): FeedDocument => ({ kind: 'podcast', show }));
    const sections = [undefined, ...(await listSectionSlugs(db))];
    const news = sections.flatMap((section) =>
      NEWS_FORMATS.flatMap((format) =>
        [1, 2].map((page): FeedDocument => ({ kind: 'news', ...(section ? { section } : {}), format, page })),
      ),
    );
    return [...shows, ...news];
  }

  async function fresh(app: Awaited<ReturnType<typeof openApp>>, doc: FeedDocument) {
    try {
      const { config, db } = app.demo.deps;
      return await renderFeedDocument(
        { db, config, sanitize: app.pipeline.sanitize, now: new Date(app.clock.at) },
        doc,
      );
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }

  it('keeps every stored feed equal to a fresh full render, whatever editors do (property)', async () => {
    const app = await openApp();
    const audio = await audioFixture('mp3-cbr-info.mp3');
    const episodes: number[] = [];
    const articles: number[] = [];
    let showSlug = 'courier-conversations';
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 6 }), async (ops) => {
        for (const op of ops) {
          const at = <T>(list: T[], i: number) => list[i % Math.max(1, list.length)];
          switch (op.op) {
            case 'newEpisode': {
              const made = await app.call('POST', '/episodes', {
                showId: 1,
                slug: `e${episodes.length}-${app.clock.at}`,
                title: op.title,
                number: 1,
              });
              const id = made.json.id as number;
              episodes.push(id);
              await app.demo.app.request(`/api/v1/episodes/${id}/audio`, {
                method: 'PUT',
                headers: AUTH,
                body: audio as Uint8Array<ArrayBuffer>,
              });
              if (op.publish) {
                const when = op.schedule ? { at: new Date(app.clock.at + 30 * 60_000).toISOString() } : {};
                await app.call('POST', `/episodes/${id}/publish`, when);
              }
              break;
            }
            case 'editEpisode':
              if (episodes.length)
                await app.call('PATCH', `/episodes/${at(episodes, op.pick)}`, { title: op.title });
              break;
            case 'unpublishEpisode':
              if (episodes.length) await app.call('POST', `/episodes/${at(episodes, op.pick)}/unpublish`);
              break;
            case 'deleteEpisode':
              if (episodes.length) {
                const id = at(episodes, op.pick) as number;
                await app.call('DELETE', `/episodes/${id}`);
                episodes.splice(episodes.indexOf(id), 1);
              }
              break;
            case 'editShow':
              await app.call('PATCH', '/shows/1', { subtitle: op.subtitle });
              break;
            case 'renameShow':
              if ((await app.call('PATCH', '/shows/1', { slug: op.slug })).status === 200) showSlug = op.slug;
              break;
            case 'newArticle': {
              const made = await app.call('POST', '/articles', {
                slug: `a${articles.length}-${app.clock.at}`,
                headline: op.headline,
                sectionId: op.section + 1,
              });
              articles.push(made.json.id);
              await app.call('POST', `/articles/${made.json.id}/publish`, {});
              break;
            }
            case 'editArticle':
              if (articles.length)
                await app.call('PATCH', `/articles/${at(articles, op.pick)}`, { standfirst: op.standfirst });
              break;
            case 'pair':
              if (articles.length && episodes.length)
                await app.call('PUT', `/articles/${at(articles, op.pick)}/episodes`, {
                  episodeIds: [...new Set(op.episodes.map((i) => at(episodes, i)))],
                });
              break;
            case 'renameSection':
              await app.call('PATCH', `/sections/${(op.pick % 3) + 1}`, { slug: op.slug });
              break;
            case 'tick':
              app.clock.at += op.minutes * 60_000;
              break;
          }
        }
        // Every feed a reader can ask for: served bytes equal a fresh render, and each feed stored
        // before (rendered when written, not when read) already holds exactly those bytes.
        for (const doc of await everyFeed(app)) {
          const expected = await fresh(app, doc);
          const stored = await findServableFeed(app.pipeline, doc);
          if (stored && expected) expect(stored.hash, documentKey(doc)).toBe(await sha256(expected.body));
          const path =
            doc.kind === 'podcast'
              ? `/podcasts/${doc.show}/feed.xml`
              : `${doc.section ? `/sections/${doc.section}` : ''}/feed.${{ rss: 'xml', atom: 'atom', json: 'json' }[doc.format]}${doc.page > 1 ? `?page=${doc.page}` : ''}`;
          const response = await app.demo.app.request(path, { redirect: 'manual' });
          if (!expected) {
            expect(response.status, path).toBe(404);
            continue;
          }
          expect(response.status, path).toBe(expected.status);
          expect(await response.text(), path).toBe(expected.body);
        }
        // the feeds readers read most are rendered at write time: stored before anyone reads them
        expect(
          await findServableFeed(app.pipeline, { kind: 'podcast', show: showSlug }),
          showSlug,
        ).toBeDefined();
      }),
      { numRuns: 25, seed: 2026 },
    );
  });
});
