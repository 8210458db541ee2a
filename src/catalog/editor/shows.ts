// Show editing: create (with a podcast:guid fixed for life), edit (renames and moves redirect), delete when empty.
import { asc, count, eq, sql } from 'drizzle-orm';
import { episodes, type MediaAsset, mediaAssets, redirects, type Show, shows } from '../../db/schema.ts';
import { podcastGuid } from '../../domain/podcast-guid.ts';
import { ConflictError, NotFoundError } from '../../errors.ts';
import { siteUrls } from '../site-urls.ts';
import { guarded, translateConstraintError } from './constraint-errors.ts';
import type { EditorContext } from './context.ts';
import { redirectStatements } from './routing-records.ts';

export type ShowFields = Omit<
  Show,
  | 'id'
  | 'podcastGuid'
  | 'artworkAssetId'
  | 'createdAt'
  | 'updatedAt'
  | 'link'
  | 'ownerName'
  | 'ownerEmail'
  | 'copyright'
  | 'newFeedUrl'
  | 'updateFrequency'
> & {
  link?: string | null;
  ownerName?: string | null;
  ownerEmail?: string | null;
  copyright?: string | null;
  newFeedUrl?: string | null;
  updateFrequency?: Show['updateFrequency'];
};

export interface ShowRecord {
  readonly show: Show;
  readonly artwork: MediaAsset | null;
}

const showPaths = (slug: string) => [`/podcasts/${slug}`, `/podcasts/${slug}/feed.xml`];

export async function getShow(ctx: EditorContext, id: number): Promise<ShowRecord> {
  const [row] = await ctx.db
    .select({ show: shows, artwork: mediaAssets })
    .from(shows)
    .leftJoin(mediaAssets, eq(mediaAssets.id, shows.artworkAssetId))
    .where(eq(shows.id, id));
  if (!row) throw new NotFoundError(`there is no show ${id}`);
  return row;
}

export async function listShowRecords(ctx: EditorContext): Promise<ShowRecord[]> {
  return ctx.db
    .select({ show: shows, artwork: mediaAssets })
    .from(shows)
    .leftJoin(mediaAssets, eq(mediaAssets.id, shows.artworkAssetId))
    .orderBy(asc(shows.title), asc(shows.id));
}

/**
 * `podcast:guid` is the UUIDv5 of the first feed URL (Podcast Index namespace), computed here once
 * and stored: the show keeps it when its slug, domain or host changes.
 */
export async function createShow(ctx: EditorContext, fields: ShowFields): Promise<ShowRecord> {
  const guid = await podcastGuid(siteUrls(ctx.baseUrl).podcastFeed(fields.slug));
  const [row] = await guarded(() =>
    ctx.db
      .insert(shows)
      .values({ ...fields, podcastGuid: guid, createdAt: ctx.now, updatedAt: ctx.now })
      .returning({ id: shows.id }),
  );
  return getShow(ctx, row?.id as number);
}

export async function updateShow(
  ctx: EditorContext,
  id: number,
  patch: Partial<ShowFields>,
): Promise<ShowRecord> {
  const before = await getShow(ctx, id);
  const from = before.show.slug;
  const to = patch.slug;
  const moves =
    to !== undefined && to !== from
      ? [
          ...showPaths(from).flatMap((path, i) =>
            redirectStatements(ctx.db, path, showPaths(to)[i] as string, ctx.now),
          ),
          // every episode page and chapters document moves with the show, in one statement
          ...['', '/chapters.json'].map((suffix) =>
            ctx.db.run(sql`INSERT INTO ${redirects} (from_path, to_path, created_at)
              SELECT ${`/podcasts/${from}/`} || slug || ${suffix}, ${`/podcasts/${to}/`} || slug || ${suffix}, ${ctx.now.getTime()}
              FROM ${episodes} WHERE show_id = ${id}
              ON CONFLICT (from_path) DO UPDATE SET to_path = excluded.to_path`),
          ),
        ]
      : [];
  try {
    await ctx.db.batch([
      ctx.db
        .update(shows)
        .set({ ...patch, updatedAt: ctx.now })
        .where(eq(shows.id, id)),
      ...moves,
    ]);
  } catch (error) {
    throw translateConstraintError(error);
  }
  return getShow(ctx, id);
}

export async function deleteShow(ctx: EditorContext, id: number): Promise<void> {
  await getShow(ctx, id);
  const [used] = await ctx.db.select({ n: count() }).from(episodes).where(eq(episodes.showId, id));
  if ((used?.n ?? 0) > 0)
    throw new ConflictError(`show ${id} still has ${used?.n} episode(s); delete them first`);
  await ctx.db.delete(shows).where(eq(shows.id, id));
}
