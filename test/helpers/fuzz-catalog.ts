// Catalogue rows with generated text in every field an editor types: a section with two articles, a show
// with two episodes (one with show notes, alternates and chapters), the first article paired with both.
import { eq } from 'drizzle-orm';
import type { Database } from '../../src/db/database.ts';
import { articleEpisodes, episodeAlternates, mediaAssets, sections, shows } from '../../src/db/schema.ts';
import { insertArticle, insertAudioAsset, insertEpisode, insertSection, insertShow } from './fixtures.ts';
import type { Texts } from './fuzz-feed-models.ts';

/** `t` for text that may be empty, `name` for text the schema requires to be non-empty. */
export async function insertHostileCatalog(
  db: Database,
  t: Texts,
  name: Texts,
  html: readonly [string, string],
) {
  const section = await insertSection(db);
  await db
    .update(sections)
    .set({ name: name(0), description: t(1) })
    .where(eq(sections.id, section.id));
  const article = await insertArticle(db, section.id, {
    headline: name(2),
    standfirst: t(3),
    bodyHtml: html[0],
    authors: [{ name: t(4), url: t(5), email: t(6) }],
    tags: [t(7), t(8)],
    imageAlt: t(9),
  });
  const bare = await insertArticle(db, section.id, { headline: name(10), standfirst: '', bodyHtml: html[1] });

  const show = await insertShow(db);
  await db
    .update(shows)
    .set({
      title: name(11),
      subtitle: t(12),
      description: name(13),
      author: name(14),
      ownerName: t(15),
      ownerEmail: t(16),
      copyright: t(17),
      categories: [{ category: t(18), subcategory: t(19) }],
      funding: [{ url: `https://news.example/fund?${t(20)}`, title: t(21) }],
      persons: [{ name: t(22), role: t(23), group: t(24), url: t(25) }],
      txt: [{ value: t(26), purpose: t(27) }],
      podroll: [{ feedGuid: t(28) }],
      updateFrequency: { rrule: t(29), label: t(30) },
    })
    .where(eq(shows.id, show.id));
  const audio = await insertAudioAsset(db);
  await db
    .update(mediaAssets)
    .set({
      chapters: [
        { title: t(31), startSeconds: 0 },
        { title: t(32), startSeconds: 30 },
      ],
    })
    .where(eq(mediaAssets.id, audio.id));
  const notes = await insertEpisode(db, show.id, {
    audioAssetId: audio.id,
    title: name(33),
    summary: t(34),
    contentHtml: html[1],
    persons: [{ name: t(35), role: t(36) }],
    number: 1,
  });
  const smaller = await insertAudioAsset(db);
  await db
    .insert(episodeAlternates)
    .values({ episodeId: notes.id, assetId: smaller.id, position: 0, title: t(37) });
  const plain = await insertEpisode(db, show.id, {
    title: name(38),
    summary: t(39),
    contentHtml: '',
    number: 2,
  });
  await db.insert(articleEpisodes).values([
    { articleId: article.id, episodeId: notes.id, position: 0 },
    { articleId: article.id, episodeId: plain.id, position: 1 },
  ]);
  return { section, article, bare, show, episodes: [notes, plain] as const };
}
