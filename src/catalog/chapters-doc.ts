// buildChaptersDocument: an episode's chapters as Podcasting 2.0 JSON chapters, from the chapters in its audio.
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { isLive } from '../db/queries/visibility.ts';
import { episodes, mediaAssets, shows } from '../db/schema.ts';
import { NotFoundError } from '../errors.ts';

/** https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/examples/chapters/jsonChapters.md */
export interface ChaptersDocument {
  readonly version: '1.2.0';
  readonly chapters: readonly {
    readonly startTime: number;
    readonly endTime?: number;
    readonly title: string;
  }[];
}

/** Throws NotFoundError unless the episode is live and its audio has chapters. */
export async function buildChaptersDocument(
  db: Database,
  showSlug: string,
  episodeSlug: string,
  now: Date,
): Promise<ChaptersDocument> {
  const [row] = await db
    .select({ chapters: mediaAssets.chapters })
    .from(episodes)
    .innerJoin(shows, eq(shows.id, episodes.showId))
    .innerJoin(mediaAssets, eq(mediaAssets.id, episodes.audioAssetId))
    .where(and(eq(shows.slug, showSlug), eq(episodes.slug, episodeSlug), isLive(episodes, now)));
  if (!row || row.chapters.length === 0)
    throw new NotFoundError(`no chapters for ${showSlug}/${episodeSlug}`);
  const round = (seconds: number) => Math.round(seconds * 1000) / 1000;
  return {
    version: '1.2.0',
    chapters: row.chapters.map((c) => ({
      startTime: round(c.startSeconds),
      endTime: c.endSeconds === undefined ? undefined : round(c.endSeconds),
      title: c.title,
    })),
  };
}
