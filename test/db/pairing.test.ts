import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { liveEpisodesOfArticles, setArticleEpisodes } from '../../src/db/queries/pairing.ts';
import { ConflictError, ValidationError } from '../../src/errors.ts';
import type { LibsqlDb } from '../../src/node/libsql-db.ts';
import { insertArticle, insertEpisode, insertSection, insertShow } from '../helpers/fixtures.ts';
import { openTempDb } from '../helpers/temp-db.ts';
import { tempDirs } from '../helpers/temp-dir.ts';

const NOW = new Date('2026-06-01T00:00:00Z');

describe('article-episode pairing', () => {
  const newDir = tempDirs();
  let opened: LibsqlDb;
  let db: Database;
  beforeAll(async () => {
    opened = await openTempDb(await newDir());
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
