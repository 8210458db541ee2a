// Minimal valid rows for database tests; each call gives fresh, unique slugs and GUIDs.
import type { Database } from '../../src/db/database.ts';
import { articles, episodes, mediaAssets, sections, shows } from '../../src/db/schema.ts';

let counter = 0;
const next = () => ++counter;
const T0 = new Date('2026-01-01T00:00:00Z');

export async function insertSection(db: Database) {
  const n = next();
  const [row] = await db
    .insert(sections)
    .values({ slug: `section-${n}`, name: `Section ${n}`, createdAt: T0, updatedAt: T0 })
    .returning();
  return row!;
}

export async function insertAudioAsset(db: Database, durationSeconds = 60) {
  const n = next();
  const [row] = await db
    .insert(mediaAssets)
    .values({
      key: `audio/episode-${n}.mp3`,
      mimeType: 'audio/mpeg',
      sizeBytes: 1000 + n,
      sha256: n.toString(16).padStart(64, '0'),
      durationSeconds,
      createdAt: T0,
    })
    .returning();
  return row!;
}

export async function insertShow(db: Database) {
  const n = next();
  const [row] = await db
    .insert(shows)
    .values({
      slug: `show-${n}`,
      podcastGuid: `00000000-0000-5000-8000-${String(n).padStart(12, '0')}`,
      title: `Show ${n}`,
      description: 'About things.',
      author: 'Someone',
      createdAt: T0,
      updatedAt: T0,
    })
    .returning();
  return row!;
}

export async function insertEpisode(
  db: Database,
  showId: number,
  values: Partial<typeof episodes.$inferInsert> = {},
) {
  const n = next();
  const audio = values.audioAssetId === undefined ? await insertAudioAsset(db) : undefined;
  const [row] = await db
    .insert(episodes)
    .values({
      showId,
      guid: `episode-guid-${n}`,
      slug: `episode-${n}`,
      title: `Episode ${n}`,
      status: 'published',
      publishedAt: T0,
      audioAssetId: audio?.id,
      createdAt: T0,
      updatedAt: T0,
      ...values,
    })
    .returning();
  return row!;
}

export async function insertArticle(
  db: Database,
  sectionId: number,
  values: Partial<typeof articles.$inferInsert> = {},
) {
  const n = next();
  const [row] = await db
    .insert(articles)
    .values({
      slug: `article-${n}`,
      guid: `urn:test:article-${n}`,
      headline: `Headline ${n}`,
      sectionId,
      status: 'published',
      publishedAt: T0,
      createdAt: T0,
      updatedAt: T0,
      ...values,
    })
    .returning();
  return row!;
}
