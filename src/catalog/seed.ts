// seedDemo: puts the demo site (sections, articles, the show and its two episodes) into a database, idempotently.
import { sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { articleEpisodes, articles, episodes, sections, shows } from '../db/schema.ts';
import { NotFoundError } from '../errors.ts';
import type { MediaStore } from '../media-store/media-store.ts';
import {
  DEMO_ARTICLES,
  DEMO_EPISODES,
  DEMO_MEDIA,
  DEMO_SECTIONS,
  DEMO_SHOW,
  DEMO_STORED_AT,
} from './demo-content.ts';
import { registerMediaAsset } from './register-asset.ts';
import { reindexSearch } from './search/reindex.ts';

export interface SeedDeps {
  readonly db: Database;
  /** The store the site serves media from. */
  readonly media: MediaStore;
  /** Where the demo files come from when `media` lacks them (the repository's media/ folder). */
  readonly demoSource?: MediaStore;
  readonly now: () => Date;
}

export interface SeedReport {
  readonly sections: number;
  readonly articles: number;
  readonly shows: number;
  readonly episodes: number;
  readonly pairings: number;
  readonly mediaProbed: number;
}

const idOf = (table: string, column: string, value: string) =>
  sql`(SELECT id FROM ${sql.identifier(table)} WHERE ${sql.identifier(column)} = ${value})`;

/**
 * Seeds the demo. Existing rows (matched by slug, GUID or key) are left as they are, so running it
 * again changes nothing and never overwrites an editor's work. The rows go in one atomic batch.
 * Returns how many rows of each kind were added.
 */
export async function seedDemo(deps: SeedDeps): Promise<SeedReport> {
  const { db, media } = deps;
  let mediaProbed = 0;
  for (const file of DEMO_MEDIA) {
    await copyIfMissing(media, deps.demoSource, file.key);
    const { changed } = await registerMediaAsset(db, media, file.key, {
      kind: file.kind,
      storedAt: DEMO_STORED_AT,
      now: DEMO_STORED_AT,
    });
    if (changed) mediaProbed++;
  }

  const { artworkKey, ...show } = DEMO_SHOW;
  const [sectionRows, showRows, episodeRows, articleRows, pairingRows] = await db.batch([
    db
      .insert(sections)
      .values([...DEMO_SECTIONS])
      .onConflictDoNothing()
      .returning({ id: sections.id }),
    db
      .insert(shows)
      .values({ ...show, artworkAssetId: idOf('media_assets', 'key', artworkKey) })
      .onConflictDoNothing()
      .returning({ id: shows.id }),
    db
      .insert(episodes)
      .values(
        DEMO_EPISODES.map(({ audioKey, transcriptKey, ...episode }) => ({
          ...episode,
          showId: idOf('shows', 'slug', show.slug),
          audioAssetId: idOf('media_assets', 'key', audioKey),
          transcriptAssetId: idOf('media_assets', 'key', transcriptKey),
        })),
      )
      .onConflictDoNothing()
      .returning({ id: episodes.id }),
    db
      .insert(articles)
      .values(
        DEMO_ARTICLES.map(({ sectionSlug, episodeGuids: _pairs, ...article }) => ({
          ...article,
          sectionId: idOf('sections', 'slug', sectionSlug),
        })),
      )
      .onConflictDoNothing()
      .returning({ id: articles.id }),
    db
      .insert(articleEpisodes)
      .values(
        DEMO_ARTICLES.flatMap((article) =>
          (article.episodeGuids ?? []).map((guid, position) => ({
            articleId: idOf('articles', 'slug', article.slug),
            episodeId: idOf('episodes', 'guid', guid),
            position,
          })),
        ),
      )
      .onConflictDoNothing()
      .returning({ articleId: articleEpisodes.articleId }),
  ]);
  // The demo's words, show notes and transcripts, for search (only items not indexed yet: safe to repeat).
  await reindexSearch(db, media, { missingOnly: true });
  return {
    sections: sectionRows.length,
    shows: showRows.length,
    episodes: episodeRows.length,
    articles: articleRows.length,
    pairings: pairingRows.length,
    mediaProbed,
  };
}

async function copyIfMissing(media: MediaStore, source: MediaStore | undefined, key: string): Promise<void> {
  if (await media.stat(key)) return;
  const original = source && (await source.get(key));
  if (!original) {
    throw new NotFoundError(`demo media file ${key} is missing from the media store`, { context: { key } });
  }
  await media.put(key, original.body);
}
