// Show editing: create (with a podcast:guid fixed for life), edit (renames and moves redirect), delete when empty.
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { episodes, type MediaAsset, mediaAssets, redirects, type Show, shows } from '../../db/schema.ts';
import { podcastGuid } from '../../domain/podcast-guid.ts';
import { ConflictError, NotFoundError } from '../../errors.ts';
import { auditStatements } from '../accounts/audit.ts';
import { releaseAssetStatements } from '../media-journal.ts';
import { EPISODE_PATH_SUFFIXES, siteUrls } from '../site-urls.ts';
import { attachFile, type FileSource } from './attach-file.ts';
import { guarded, translateConstraintError } from './constraint-errors.ts';
import type { EditorContext } from './context.ts';
import { requireEditor } from './permissions.ts';
import { expectedVersion, nextVersion, touched, type WriteCondition } from './record-version.ts';
import { redirectStatements } from './routing-records.ts';
import { stillPointsAt, type UploadContext } from './uploads.ts';
import { showView } from './views.ts';

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
  | 'license'
  | 'location'
> & {
  link?: string | null;
  ownerName?: string | null;
  ownerEmail?: string | null;
  copyright?: string | null;
  newFeedUrl?: string | null;
  updateFrequency?: Show['updateFrequency'];
  license?: Show['license'];
  location?: Show['location'];
};

export interface ShowRecord {
  readonly show: Show;
  readonly artwork: MediaAsset | null;
}

const audit = (ctx: EditorContext, id: number | ReturnType<typeof sql>, action: string, summary = '') =>
  auditStatements(ctx, { entity: 'show', entityId: id, action, summary });

const showPaths = (slug: string) => [siteUrls('').show(slug), siteUrls('').podcastFeed(slug)];

/** The show's API view, whose digest is its ETag. */
export const showViewOf = (ctx: EditorContext, r: ShowRecord) => showView(ctx.baseUrl, r.show, r.artwork);

/** Reads the show and checks the request's If-Match: the version a guarded write expects. Editors only. */
async function showForWrite(ctx: EditorContext, id: number, condition?: WriteCondition) {
  requireEditor(ctx, 'change shows');
  const record = await getShow(ctx, id);
  const expected = await expectedVersion(condition, showViewOf(ctx, record), record.show.version);
  return { record, expected };
}

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
  requireEditor(ctx, 'create shows');
  const guid = await podcastGuid(siteUrls(ctx.baseUrl).podcastFeed(fields.slug));
  const [rows] = await guarded(() =>
    ctx.db.batch([
      ctx.db
        .insert(shows)
        .values({ ...fields, podcastGuid: guid, createdAt: ctx.now, updatedAt: ctx.now })
        .returning({ id: shows.id }),
      ...audit(ctx, sql`(SELECT id FROM shows WHERE slug = ${fields.slug})`, 'create', fields.title),
    ]),
  );
  return getShow(ctx, rows[0]?.id as number);
}

export async function updateShow(
  ctx: EditorContext,
  id: number,
  patch: Partial<ShowFields>,
  condition?: WriteCondition,
): Promise<ShowRecord> {
  const { record: before, expected } = await showForWrite(ctx, id, condition);
  const from = before.show.slug;
  const to = patch.slug;
  const moves =
    to !== undefined && to !== from
      ? [
          ...showPaths(from).flatMap((path, i) =>
            redirectStatements(ctx.db, path, showPaths(to)[i] as string, ctx.now),
          ),
          // every episode page and chapters document moves with the show, in one statement
          // (through the query builder, not db.run: D1 cannot batch db.run with parameters)
          ...EPISODE_PATH_SUFFIXES.map((suffix) =>
            ctx.db
              .insert(redirects)
              .select(
                sql`SELECT ${`/podcasts/${from}/`} || slug || ${suffix}, ${`/podcasts/${to}/`} || slug || ${suffix}, ${ctx.now.getTime()}
                  FROM ${episodes} WHERE show_id = ${id}`,
              )
              .onConflictDoUpdate({ target: redirects.fromPath, set: { toPath: sql`excluded.to_path` } }),
          ),
        ]
      : [];
  try {
    await ctx.db.batch([
      ctx.db
        .update(shows)
        .set({ ...patch, ...touched(shows, ctx.now, expected) })
        .where(eq(shows.id, id)),
      ...moves,
      ...audit(ctx, id, 'update', `${Object.keys(patch).join(', ') || 'nothing'} changed`),
    ]);
  } catch (error) {
    throw translateConstraintError(error);
  }
  return getShow(ctx, id);
}

export async function deleteShow(ctx: EditorContext, id: number, condition?: WriteCondition): Promise<void> {
  const { record, expected } = await showForWrite(ctx, id, condition);
  const [used] = await ctx.db.select({ n: count() }).from(episodes).where(eq(episodes.showId, id));
  if ((used?.n ?? 0) > 0)
    throw new ConflictError(`show ${id} still has ${used?.n} episode(s); delete them first`);
  await guarded(() =>
    ctx.db.batch([
      ctx.db
        .update(shows)
        .set({ version: nextVersion(shows.version, expected) })
        .where(eq(shows.id, id)),
      ctx.db.delete(shows).where(eq(shows.id, id)),
      ...(record.artwork ? releaseAssetStatements(ctx.db, record.artwork, ctx.now) : []),
      ...audit(ctx, id, 'delete', record.show.title),
    ]),
  );
}

/** Stores `upload` as the show's artwork (Apple's rules checked); a replaced file's URL redirects to the new one. */
export async function attachShowArtwork(
  ctx: UploadContext,
  id: number,
  source: FileSource,
  condition?: WriteCondition,
): Promise<ShowRecord> {
  const { record: before, expected } = await showForWrite(ctx, id, condition);
  await attachFile(ctx, source, 'artwork', `shows/${before.show.slug}/artwork`, before.artwork, {
    point: (assetId) => [
      ctx.db
        .update(shows)
        .set({ artworkAssetId: assetId, ...touched(shows, ctx.now, expected) })
        .where(and(eq(shows.id, id), stillPointsAt(shows.artworkAssetId, before.artwork))),
      ...audit(ctx, id, 'upload', before.artwork ? 'artwork replaced' : 'artwork added'),
    ],
    holds: (assetId) =>
      sql`EXISTS (SELECT 1 FROM ${shows} WHERE ${shows.id} = ${id} AND ${shows.artworkAssetId} = ${assetId})`,
  });
  return getShow(ctx, id);
}
