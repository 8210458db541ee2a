// The demo site in a libSQL file, and a long archive of episodes for its show: the big feeds benches need.
import { eq } from 'drizzle-orm';
import { seedDemo } from '../src/catalog/seed.ts';
import type { Database } from '../src/db/database.ts';
import { episodes, mediaAssets, shows } from '../src/db/schema.ts';
import { createFsMediaStore } from '../src/node/fs-media-store.ts';
import { createLibsqlDb } from '../src/node/libsql-db.ts';
import { migrateDatabase } from '../src/node/migrate.ts';
import { BUNDLED_MEDIA_DIR } from '../src/node/server.ts';

/** A migrated libSQL file at `path` with the demo seeded; close it when done. */
export async function openDemoDatabase(path: string) {
  const opened = await createLibsqlDb(`file:${path}`);
  await migrateDatabase(opened.db, opened.location);
  await seedDemo({
    db: opened.db,
    media: await createFsMediaStore({ root: BUNDLED_MEDIA_DIR }),
    now: () => new Date(),
  });
  return opened;
}

export interface ArchiveOptions {
  readonly count: number;
  /** Each episode's GUID is this plus its index. */
  readonly guidPrefix: string;
  readonly text: (i: number) => { title: string; summary: string; contentHtml: string };
  /** Rows per INSERT (D1 binds at most 100 parameters per statement). */
  readonly rowsPerInsert: number;
}

/** Published episodes of the demo show, one a day from 2000, all playing the first demo file. */
export async function addArchiveEpisodes(db: Database, options: ArchiveOptions): Promise<void> {
  const [show] = await db.select().from(shows).where(eq(shows.slug, 'courier-conversations'));
  const [audio] = await db
    .select()
    .from(mediaAssets)
    .where(eq(mediaAssets.key, 'demo/briefing-01-tide-mill-people.mp3'));
  if (!show || !audio) throw new Error('the demo is not seeded');
  const at = new Date('2026-01-01T00:00:00Z');
  const rows = Array.from({ length: options.count }, (_, i) => ({
    showId: show.id,
    guid: `${options.guidPrefix}${i}`,
    slug: `archive-${i}`,
    ...options.text(i),
    status: 'published' as const,
    publishedAt: new Date(Date.UTC(2000, 0, 1) + i * 86_400_000),
    number: i + 3,
    season: 1,
    audioAssetId: audio.id,
    createdAt: at,
    updatedAt: at,
  }));
  for (let i = 0; i < rows.length; i += options.rowsPerInsert) {
    await db.insert(episodes).values(rows.slice(i, i + options.rowsPerInsert));
  }
}
