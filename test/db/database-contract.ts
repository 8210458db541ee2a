// The database contract: constraints and pairing behave the same on every database podwire runs on (libSQL, D1).
import { eq, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/analytics/utc-day.ts';
import { auditStatements, listAuditEvents } from '../../src/catalog/accounts/audit.ts';
import { recountDays } from '../../src/catalog/analytics/close-days.ts';
import { listeningStats } from '../../src/catalog/analytics/listening-stats.ts';
import { updateShow } from '../../src/catalog/editor/shows.ts';
import { releaseAssetStatements } from '../../src/catalog/media-journal.ts';
import { publishDueItems, SCHEDULE_ACTOR } from '../../src/catalog/publish-due.ts';
import type { Database } from '../../src/db/database.ts';
import { insertListenEvents } from '../../src/db/queries/listens.ts';
import { liveEpisodesOfArticles, setArticleEpisodes } from '../../src/db/queries/pairing.ts';
import {
  articleEpisodes,
  articles,
  episodes,
  listenClosedDays,
  listenDays,
  type MediaAsset,
  mediaAssets,
  mediaJournal,
  redirects,
  sections,
  shows,
} from '../../src/db/schema.ts';
import { ConflictError, ValidationError } from '../../src/errors.ts';
import {
  insertArticle,
  insertAudioAsset,
  insertEpisode,
  insertSection,
  insertShow,
} from '../helpers/fixtures.ts';

export interface OpenedDatabase {
  readonly db: Database;
  close(): void | Promise<void>;
}

const T0 = new Date('2026-01-01T00:00:00Z');
const stamps = { createdAt: T0, updatedAt: T0 };

/** Expects the write to be refused by SQLite itself (a constraint), whatever the code around it does. */
async function expectRefused(write: Promise<unknown>, constraint: RegExp) {
  const error = await write.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the database accepted the row').toBeDefined();
  const text = `${(error as Error).message} ${String((error as Error).cause ?? '')}`;
  expect(text).toMatch(constraint);
}

const NOW = new Date('2026-06-01T00:00:00Z');

/** Registers the whole contract for databases made fresh by `open`, already migrated. */
export function databaseContract(name: string, open: () => Promise<OpenedDatabase>) {
  describe(`${name}: schema constraints`, () => {
    let opened: OpenedDatabase;
    let db: Database;

    beforeAll(async () => {
      opened = await open();
      db = opened.db;
    });
    afterAll(() => opened.close());

    it('keeps article, section and show slugs unique', async () => {
      const section = await insertSection(db);
      const article = await insertArticle(db, section.id);
      await expectRefused(insertArticle(db, section.id, { slug: article.slug }), /UNIQUE.*articles\.slug/);
      await expectRefused(
        db.insert(sections).values({ slug: section.slug, name: 'Again', ...stamps }),
        /UNIQUE.*sections\.slug/,
      );
      const show = await insertShow(db);
      await expectRefused(
        db.insert(shows).values({
          slug: show.slug,
          podcastGuid: '11111111-1111-5111-8111-111111111111',
          title: 'T',
          description: 'D',
          author: 'A',
          ...stamps,
        }),
        /UNIQUE.*shows\.slug/,
      );
    });

    it('keeps episode GUIDs and podcast GUIDs unique', async () => {
      const show = await insertShow(db);
      const episode = await insertEpisode(db, show.id);
      const other = await insertShow(db);
      await expectRefused(insertEpisode(db, other.id, { guid: episode.guid }), /UNIQUE.*episodes\.guid/);
      await expectRefused(
        db.insert(shows).values({
          slug: 'another-show',
          podcastGuid: show.podcastGuid,
          title: 'T',
          description: 'D',
          author: 'A',
          ...stamps,
        }),
        /UNIQUE.*shows\.podcast_guid/,
      );
    });

    it('allows the same episode slug in two shows but not twice in one', async () => {
      const a = await insertShow(db);
      const b = await insertShow(db);
      await insertEpisode(db, a.id, { slug: 'pilot' });
      await insertEpisode(db, b.id, { slug: 'pilot' });
      await expectRefused(
        insertEpisode(db, a.id, { slug: 'pilot' }),
        /UNIQUE.*episodes\.show_id, episodes\.slug/,
      );
    });

    it('enforces foreign keys', async () => {
      await expectRefused(insertArticle(db, 999_999), /FOREIGN KEY/);
      await expectRefused(insertEpisode(db, 999_999), /FOREIGN KEY/);
      const show = await insertShow(db);
      await expectRefused(insertEpisode(db, show.id, { audioAssetId: 999_999 }), /FOREIGN KEY/);
      const section = await insertSection(db);
      await insertArticle(db, section.id);
      // a section with articles cannot be deleted out from under them
      await expectRefused(db.delete(sections).where(eq(sections.id, section.id)), /FOREIGN KEY/);
    });

    it('rejects slugs that are not lower-case words joined by hyphens', async () => {
      const section = await insertSection(db);
      for (const slug of ['Has-Capitals', 'has space', '-leading', '', 'dots.in.it', 'ünïcode']) {
        await expectRefused(insertArticle(db, section.id, { slug }), /CHECK.*articles_slug/);
      }
    });

    it('requires a publication time for anything that is not a draft', async () => {
      const section = await insertSection(db);
      await insertArticle(db, section.id, { status: 'draft', publishedAt: null });
      await expectRefused(
        insertArticle(db, section.id, { status: 'scheduled', publishedAt: null }),
        /CHECK.*articles_published_at/,
      );
      await expectRefused(
        insertArticle(db, section.id, { status: 'live' as 'draft' }),
        /CHECK.*articles_status/,
      );
    });

    it('publishes an episode only with audio, and only with positive season and episode numbers', async () => {
      const show = await insertShow(db);
      await insertEpisode(db, show.id, { status: 'draft', publishedAt: null, audioAssetId: null });
      await expectRefused(
        insertEpisode(db, show.id, { status: 'published', audioAssetId: null }),
        /CHECK.*episodes_audio/,
      );
      await expectRefused(insertEpisode(db, show.id, { season: 0 }), /CHECK.*episodes_season/);
      await expectRefused(insertEpisode(db, show.id, { number: -3 }), /CHECK.*episodes_number/);
      await expectRefused(insertEpisode(db, show.id, { type: 'teaser' as 'full' }), /CHECK.*episodes_type/);
    });

    it('refuses an audio asset without a probed duration, and keys that could escape the store', async () => {
      const base = { mimeType: 'audio/mpeg', sizeBytes: 10, sha256: 'f'.repeat(64), createdAt: T0 };
      await expectRefused(
        db.insert(mediaAssets).values({ ...base, key: 'a/no-duration.mp3' }),
        /audio_probed/,
      );
      await expectRefused(
        db.insert(mediaAssets).values({ ...base, key: '../outside.mp3', durationSeconds: 1 }),
        /media_assets_key/,
      );
      await expectRefused(
        db.insert(mediaAssets).values({ ...base, key: '/etc/passwd', durationSeconds: 1 }),
        /media_assets_key/,
      );
      await expectRefused(
        db.insert(mediaAssets).values({ ...base, key: 'ok.mp3', durationSeconds: 1, sha256: 'abc' }),
        /media_assets_sha256/,
      );
    });

    it('requires the fields a podcast feed cannot do without', async () => {
      await expectRefused(
        db.run(sql`INSERT INTO shows (slug, podcast_guid, title, author, created_at, updated_at)
                   VALUES ('no-description', '22222222-2222-5222-8222-222222222222', 'T', 'A', 0, 0)`),
        /NOT NULL.*shows\.description/,
      );
      await expectRefused(
        db.run(sql`INSERT INTO shows (slug, podcast_guid, title, description, author, created_at, updated_at)
                   VALUES ('empty-title', '33333333-3333-5333-8333-333333333333', '', 'D', 'A', 0, 0)`),
        /CHECK.*shows_title/,
      );
    });

    it('keeps one position per article in the pairing and one pairing per article and episode', async () => {
      const section = await insertSection(db);
      const article = await insertArticle(db, section.id);
      const show = await insertShow(db);
      const e1 = await insertEpisode(db, show.id);
      const e2 = await insertEpisode(db, show.id);
      await db.insert(articleEpisodes).values({ articleId: article.id, episodeId: e1.id, position: 0 });
      await expectRefused(
        db.insert(articleEpisodes).values({ articleId: article.id, episodeId: e2.id, position: 0 }),
        /UNIQUE.*article_episodes/,
      );
      await expectRefused(
        db.insert(articleEpisodes).values({ articleId: article.id, episodeId: e1.id, position: 1 }),
        /UNIQUE.*article_episodes/,
      );
    });

    it('removes pairings with their article but refuses to delete audio an episode uses', async () => {
      const section = await insertSection(db);
      const article = await insertArticle(db, section.id);
      const show = await insertShow(db);
      const episode = await insertEpisode(db, show.id);
      await db.insert(articleEpisodes).values({ articleId: article.id, episodeId: episode.id, position: 0 });
      await db.delete(articles).where(eq(articles.id, article.id));
      const left = await db.select().from(articleEpisodes).where(eq(articleEpisodes.episodeId, episode.id));
      expect(left).toEqual([]);
      await expectRefused(
        db.delete(mediaAssets).where(eq(mediaAssets.id, episode.audioAssetId ?? -1)),
        /FOREIGN KEY/,
      );
      // and the episode is still there
      expect(await db.select().from(episodes).where(eq(episodes.id, episode.id))).toHaveLength(1);
    });

    it('stores an asset duration as a real number of seconds', async () => {
      const asset = await insertAudioAsset(db, 1535.6);
      const [row] = await db.select().from(mediaAssets).where(eq(mediaAssets.id, asset.id));
      expect(row?.durationSeconds).toBe(1535.6);
    });
  });

  describe(`${name}: article-episode pairing`, () => {
    let opened: OpenedDatabase;
    let db: Database;
    beforeAll(async () => {
      opened = await open();
      db = opened.db;
    });
    afterAll(() => opened.close());

    async function setUp(episodeCount: number) {
      const section = await insertSection(db);
      const show = await insertShow(db);
      const article = await insertArticle(db, section.id);
      const episodes = [];
      for (let i = 0; i < episodeCount; i++) episodes.push(await insertEpisode(db, show.id));
      return { section, show, article, episodes };
    }

    const titlesOf = async (articleId: number) =>
      ((await liveEpisodesOfArticles(db, [articleId], NOW)).get(articleId) ?? []).map((p) => p.episode.title);

    it('returns an article’s episodes in the order they were paired, not by id or date', async () => {
      const { article, episodes } = await setUp(3);
      const [a, b, c] = episodes;
      await setArticleEpisodes(db, article.id, [c!.id, a!.id, b!.id]);
      expect(await titlesOf(article.id)).toEqual([c!.title, a!.title, b!.title]);
    });

    it('reorders and removes atomically', async () => {
      const { article, episodes } = await setUp(3);
      const [a, b, c] = episodes;
      await setArticleEpisodes(db, article.id, [a!.id, b!.id, c!.id]);
      await setArticleEpisodes(db, article.id, [b!.id, a!.id]);
      expect(await titlesOf(article.id)).toEqual([b!.title, a!.title]);
      await setArticleEpisodes(db, article.id, []);
      expect(await titlesOf(article.id)).toEqual([]);
    });

    it('pairs as many episodes as the API allows in one go (D1 binds at most 100 parameters)', async () => {
      const { article, episodes } = await setUp(50);
      await setArticleEpisodes(db, article.id, episodes.map((e) => e.id).reverse());
      expect(await titlesOf(article.id)).toEqual(episodes.map((e) => e.title).reverse());
    });

    it('lets one episode belong to several articles', async () => {
      const { section, article, episodes } = await setUp(1);
      const other = await insertArticle(db, section.id);
      await setArticleEpisodes(db, article.id, [episodes[0]!.id]);
      await setArticleEpisodes(db, other.id, [episodes[0]!.id]);
      const both = await liveEpisodesOfArticles(db, [article.id, other.id], NOW);
      expect(both.get(article.id)?.map((p) => p.episode.id)).toEqual([episodes[0]!.id]);
      expect(both.get(other.id)?.map((p) => p.episode.id)).toEqual([episodes[0]!.id]);
    });

    it('refuses the same episode twice on one article, and leaves the old pairing', async () => {
      const { article, episodes } = await setUp(2);
      await setArticleEpisodes(db, article.id, [episodes[0]!.id]);
      await expect(setArticleEpisodes(db, article.id, [episodes[1]!.id, episodes[1]!.id])).rejects.toThrow(
        ValidationError,
      );
      expect(await titlesOf(article.id)).toEqual([episodes[0]!.title]);
    });

    it('refuses an unknown episode and keeps the previous pairing intact', async () => {
      const { article, episodes } = await setUp(2);
      await setArticleEpisodes(db, article.id, [episodes[0]!.id, episodes[1]!.id]);
      await expect(setArticleEpisodes(db, article.id, [episodes[1]!.id, 987_654])).rejects.toThrow(
        ConflictError,
      );
      expect(await titlesOf(article.id)).toEqual([episodes[0]!.title, episodes[1]!.title]);
    });

    it('leaves out drafts and episodes scheduled for later, which appear once their time comes', async () => {
      const section = await insertSection(db);
      const show = await insertShow(db);
      const article = await insertArticle(db, section.id);
      const live = await insertEpisode(db, show.id);
      const draft = await insertEpisode(db, show.id, { status: 'draft', publishedAt: null });
      const later = await insertEpisode(db, show.id, {
        status: 'scheduled',
        publishedAt: new Date('2026-07-01T00:00:00Z'),
      });
      await setArticleEpisodes(db, article.id, [later.id, draft.id, live.id]);
      expect(await titlesOf(article.id)).toEqual([live.title]);
      const inJuly = await liveEpisodesOfArticles(db, [article.id], new Date('2026-07-01T00:00:00Z'));
      expect(inJuly.get(article.id)?.map((p) => p.episode.title)).toEqual([later.title, live.title]);
    });
  });

  // Statements built with raw SQL must still batch on every database (D1 cannot batch db.run with
  // parameters): the audit trail, media releases and a show's renamed episode paths.
  describe(`${name}: batched INSERT ... SELECT writes`, () => {
    let opened: OpenedDatabase;
    let db: Database;
    beforeAll(async () => {
      opened = await open();
      db = opened.db;
    });
    afterAll(() => opened.close());

    it('records audit events in a batch, only when their condition holds, with a subquery for the id', async () => {
      const section = await insertSection(db);
      const actor = { userId: null, role: 'admin' as const, label: 'ADMIN_TOKEN' };
      const ctx = { db, now: NOW, actor };
      await db.batch([
        db.update(sections).set({ name: 'Renamed' }).where(eq(sections.id, section.id)),
        ...auditStatements(ctx, {
          entity: 'section',
          entityId: sql`(SELECT id FROM sections WHERE slug = ${section.slug})`,
          action: 'update',
          summary: 'name changed',
        }),
        ...auditStatements(
          ctx,
          { entity: 'section', entityId: section.id, action: 'never' },
          { when: sql`0` },
        ),
      ]);
      const events = await listAuditEvents({ db }, { entity: 'section', entityId: section.id });
      expect(events.map((e) => [e.actor, e.action, e.summary, e.at.getTime()])).toEqual([
        ['ADMIN_TOKEN', 'update', 'name changed', NOW.getTime()],
      ]);
    });

    it('publishes due scheduled items with a history row for each, in one batch', async () => {
      const show = await insertShow(db);
      const due = await insertEpisode(db, show.id, {
        status: 'scheduled',
        publishedAt: new Date(NOW.getTime() - 1000),
      });
      expect((await publishDueItems(db, NOW)).episodes).toBeGreaterThanOrEqual(1);
      const events = await listAuditEvents({ db }, { entity: 'episode', entityId: due.id });
      expect(events.map((e) => [e.actor, e.action, e.at.getTime()])).toEqual([
        [SCHEDULE_ACTOR, 'publish', NOW.getTime()],
      ]);
      const [row] = await db.select().from(episodes).where(eq(episodes.id, due.id));
      expect(row?.status).toBe('published');
    });

    it('journals a released asset for removal, and moves its due time when released again', async () => {
      const asset = { id: 987_654, key: 'shows/contract/gone-0123abcd.mp3' } as MediaAsset;
      await db.batch(releaseAssetStatements(db, asset, new Date(5)) as [BatchItem<'sqlite'>]);
      await db.batch(releaseAssetStatements(db, asset, new Date(7)) as [BatchItem<'sqlite'>]);
      const rows = await db.select().from(mediaJournal).where(eq(mediaJournal.key, asset.key));
      expect(rows.map((r) => [r.action, r.dueAt.getTime()])).toEqual([['remove', 7]]);
    });

    it('redirects every episode page when a show is renamed', async () => {
      const show = await insertShow(db);
      const episode = await insertEpisode(db, show.id);
      await updateShow({ db, baseUrl: 'https://news.example', now: NOW }, show.id, {
        slug: `${show.slug}-renamed`,
      });
      const moved = await db
        .select()
        .from(redirects)
        .where(eq(redirects.fromPath, `/podcasts/${show.slug}/${episode.slug}`));
      expect(moved.map((r) => r.toPath)).toEqual([`/podcasts/${show.slug}-renamed/${episode.slug}`]);
    });
  });

  describe(`${name}: listening reports`, () => {
    let opened: OpenedDatabase;
    let db: Database;

    beforeAll(async () => {
      opened = await open();
      db = opened.db;
    });
    afterAll(() => opened.close());

    it('names every episode and article of a report, however many (D1 binds at most 100 parameters)', async () => {
      const show = await insertShow(db);
      const section = await insertSection(db);
      const day = '2026-05-31';
      const rows = [];
      for (let i = 0; i < 120; i++) {
        const episode = await insertEpisode(db, show.id);
        const article = await insertArticle(db, section.id);
        rows.push({
          day,
          episodeId: episode.id,
          showId: show.id,
          app: 'Apple Podcasts',
          country: '',
          source: `/articles/${article.slug}`,
          downloads: 1,
        });
      }
      for (let i = 0; i < rows.length; i += 10) await db.insert(listenDays).values(rows.slice(i, i + 10));
      await db.insert(listenClosedDays).values({ day, closedAt: NOW });
      const stats = await listeningStats(db, { showId: show.id }, { from: day, to: day }, NOW);
      expect(stats.downloads).toBe(120);
      expect(stats.episodes).toHaveLength(120);
      expect(stats.episodes?.every((e) => /^Episode \d+$/.test(e.title))).toBe(true);
      expect(
        stats.sources.filter((s) => s.page === 'article' && s.title?.startsWith('Headline ')),
      ).toHaveLength(120);
    });

    it('recounts more than 100 days at once (D1 binds at most 100 parameters)', async () => {
      const show = await insertShow(db);
      const episode = await insertEpisode(db, show.id);
      const days = Array.from({ length: 120 }, (_, i) => addDays('2026-01-01', i));
      const event = (day: string) => ({
        day,
        at: new Date(`${day}T12:00:00Z`),
        assetId: episode.audioAssetId as number,
        episodeId: episode.id,
        showId: show.id,
        listener: 'a'.repeat(32),
        address: 'b'.repeat(32),
        userAgent: 'AppleCoreMedia/1.0.0.21F90 (iPhone; U; CPU OS 17_5 like Mac OS X; en_us)',
        app: 'AppleCoreMedia',
        kind: 'app',
        country: '',
        source: '',
        rangeStart: 0,
        rangeEnd: 1000,
        threshold: 1000,
      });
      await insertListenEvents(db, days.map(event), []);
      expect((await recountDays(db, NOW)).closed).toEqual(days);
      // Counted again: the same downloads, not twice as many.
      expect((await recountDays(db, NOW)).closed).toEqual(days);
      const range = { from: days[0], to: days.at(-1) };
      expect((await listeningStats(db, { episodeId: episode.id }, range, NOW)).downloads).toBe(120);
    });
  });
}
