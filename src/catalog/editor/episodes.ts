// Episode editing: create, edit (GUIDs fixed once published; a renamed slug redirects), delete (410), publish.
import { and, asc, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { isLive, isLiveRecord } from '../../db/queries/visibility.ts';
import {
  type Episode,
  episodeAlternates,
  episodes,
  type MediaAsset,
  mediaAssets,
  shows,
} from '../../db/schema.ts';
import type {
  EpisodeType,
  License,
  Location,
  Person,
  SocialInteract,
  Soundbite,
} from '../../domain/vocabulary.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.ts';
import type { MediaStore } from '../../media-store/media-store.ts';
import { auditStatements } from '../accounts/audit.ts';
import { releaseAssetStatements, sweepMediaJournal } from '../media-journal.ts';
import { mediaPath } from '../media-url.ts';
import { episodeSearchStatements, touchesWords } from '../search/search-index.ts';
import { EPISODE_PATH_SUFFIXES, siteUrls } from '../site-urls.ts';
import { guarded, translateConstraintError } from './constraint-errors.ts';
import type { EditorContext } from './context.ts';
import { freshWriteGuard, lostRace, STALE, writeFromFreshRead } from './fresh-write.ts';
import { creatorOf, guardedVersion, requireOwnDraft, requirePublisher } from './permissions.ts';
import { DRAFT, publicationFor } from './publication.ts';
import { expectedVersion, touched, type WriteCondition } from './record-version.ts';
import { goneStatements, redirectStatements } from './routing-records.ts';
import { checkSoundbites } from './soundbite-bounds.ts';
import { type EpisodeAssets, episodeView } from './views.ts';

export interface EpisodeFields {
  showId: number;
  slug: string;
  guid?: string;
  title: string;
  summary: string;
  contentHtml: string;
  season?: number | null;
  number?: number | null;
  type: EpisodeType;
  explicit?: boolean | null;
  block: boolean;
  persons: Person[];
  soundbites?: Soundbite[];
  socialInteract?: SocialInteract[];
  /** null: the show's licence applies. */
  license?: License | null;
  location?: Location | null;
}

export interface EpisodeRecord extends EpisodeAssets {
  readonly episode: Episode;
  readonly showSlug: string;
  readonly showType: 'episodic' | 'serial';
}

/** Every public path of an episode (page, chapters, embed): a rename redirects each, a delete makes each 410. */
const episodePaths = (show: string, slug: string) =>
  EPISODE_PATH_SUFFIXES.map((suffix) => `${siteUrls('').episode(show, slug)}${suffix}`);

/** The episode's API view, whose digest is its ETag. */
export const episodeViewOf = (ctx: EditorContext, r: EpisodeRecord) =>
  episodeView(ctx.baseUrl, r.showSlug, r.episode, r);

/**
 * Reads the episode and checks the request's If-Match against it: the version a guarded write
 * expects. A contributor may write only their own draft.
 */
export async function episodeForWrite(ctx: EditorContext, id: number, condition?: WriteCondition) {
  const record = await getEpisode(ctx, id);
  requireOwnDraft(ctx, record.episode, `episode ${id}`);
  const asked = await expectedVersion(condition, episodeViewOf(ctx, record), record.episode.version);
  return { record, expected: guardedVersion(ctx, asked, record.episode.version) };
}

/** Audit trail entries for the episode (see auditStatements). */
export const auditEpisode = (ctx: EditorContext, id: number | SQL, action: string, summary = '') =>
  auditStatements(ctx, { entity: 'episode', entityId: id, action, summary });

/** The statement that marks the episode changed (time, version), refusing the batch if If-Match no longer holds. */
export function touchEpisode(
  ctx: EditorContext,
  id: number,
  expected: number | undefined,
): BatchItem<'sqlite'> {
  return ctx.db
    .update(episodes)
    .set(touched(episodes, ctx.now, expected))
    .where(eq(episodes.id, id));
}

export async function getEpisode(ctx: EditorContext, id: number): Promise<EpisodeRecord> {
  // Three reads in one batch (one round trip on D1). The episode's files are read apart from it:
  // joined, four media_assets rows beside the episode pass D1's limit of 100 result columns.
  const [[row], files, alternates] = await ctx.db.batch([
    ctx.db
      // Named apart from the episode's own slug and type: D1's batch maps result columns by name.
      .select({
        episode: episodes,
        showSlug: sql<string>`${shows.slug}`.as('show_slug'),
        showType: sql<'episodic' | 'serial'>`${shows.type}`.as('show_type'),
      })
      .from(episodes)
      .innerJoin(shows, eq(shows.id, episodes.showId))
      .where(eq(episodes.id, id)),
    ctx.db
      .select()
      .from(mediaAssets)
      .where(
        sql`${mediaAssets.id} IN (SELECT value FROM ${episodes}, json_each(json_array(${episodes.audioAssetId},
          ${episodes.imageAssetId}, ${episodes.transcriptAssetId}, ${episodes.chaptersAssetId}))
          WHERE ${episodes.id} = ${id})`,
      ),
    ctx.db
      .select({ asset: mediaAssets, title: episodeAlternates.title })
      .from(episodeAlternates)
      .innerJoin(mediaAssets, eq(mediaAssets.id, episodeAlternates.assetId))
      .where(eq(episodeAlternates.episodeId, id))
      .orderBy(asc(episodeAlternates.position)),
  ]);
  if (!row) throw new NotFoundError(`there is no episode ${id}`);
  const file = (assetId: number | null) => files.find((f) => f.id === assetId) ?? null;
  const { episode } = row;
  return {
    ...row,
    audio: file(episode.audioAssetId),
    image: file(episode.imageAssetId),
    transcript: file(episode.transcriptAssetId),
    chapters: file(episode.chaptersAssetId),
    alternates,
  };
}

/** Whether the public may see the episode now (the one visibility rule, db/queries/visibility.ts). */
export const isLiveEpisode = (r: EpisodeRecord, now: Date) => isLiveRecord(r.episode, now);

export async function listEpisodes(
  ctx: EditorContext,
  options: { admin: boolean; showId?: number; page: number; pageSize: number },
) {
  const where = and(
    options.showId === undefined ? undefined : eq(episodes.showId, options.showId),
    options.admin ? undefined : isLive(episodes, ctx.now),
  );
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({ id: episodes.id })
      .from(episodes)
      .where(where)
      .orderBy(desc(episodes.publishedAt), desc(episodes.id))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    ctx.db.select({ n: count() }).from(episodes).where(where),
  ]);
  return { ids: rows.map((r) => r.id), total: total?.n ?? 0 };
}

export async function createEpisode(ctx: EditorContext, fields: EpisodeFields): Promise<EpisodeRecord> {
  const [show] = await ctx.db.select({ id: shows.id }).from(shows).where(eq(shows.id, fields.showId));
  if (!show) throw new ValidationError(`there is no show ${fields.showId}`);
  const guid = fields.guid ?? `urn:uuid:${crypto.randomUUID()}`;
  const [rows] = await guarded(() =>
    ctx.db.batch([
      ctx.db
        .insert(episodes)
        .values({
          ...fields,
          guid,
          status: 'draft',
          createdBy: creatorOf(ctx),
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })
        .returning({ id: episodes.id }),
      ...episodeSearchStatements(ctx.db, sql<number>`(SELECT id FROM episodes WHERE guid = ${guid})`, fields),
      ...auditEpisode(ctx, sql`(SELECT id FROM episodes WHERE guid = ${guid})`, 'create', fields.title),
    ]),
  );
  return getEpisode(ctx, rows[0]?.id as number);
}

export async function updateEpisode(
  ctx: EditorContext,
  id: number,
  patch: Partial<Omit<EpisodeFields, 'showId'>>,
  condition?: WriteCondition,
) {
  const words = touchesWords(patch, ['title', 'summary', 'contentHtml']);
  return writeFromFreshRead(async () => {
    const { record: before, expected } = await episodeForWrite(ctx, id, condition);
    checkEpisodePatch(before, patch);
    // As in updateArticle: the search text is computed from this read, so the update insists on it.
    const guard = freshWriteGuard(expected, before.episode.version, words);
    const renamed = patch.slug !== undefined && patch.slug !== before.episode.slug;
    const moves = renamed
      ? episodePaths(before.showSlug, before.episode.slug).flatMap((from, i) =>
          redirectStatements(
            ctx.db,
            from,
            episodePaths(before.showSlug, patch.slug as string)[i] as string,
            ctx.now,
          ),
        )
      : [];
    const search = words ? episodeSearchStatements(ctx.db, id, { ...before.episode, ...patch }) : [];
    try {
      await ctx.db.batch([
        ctx.db
          .update(episodes)
          .set({ ...patch, ...touched(episodes, ctx.now, guard.version) })
          .where(eq(episodes.id, id)),
        ...moves,
        ...search,
        ...auditEpisode(ctx, id, 'update', `${Object.keys(patch).join(', ') || 'nothing'} changed`),
      ]);
    } catch (error) {
      if (lostRace(guard, error)) return STALE;
      throw translateConstraintError(error);
    }
    return getEpisode(ctx, id);
  });
}

/** The rules a patch must keep for the episode as it is. */
function checkEpisodePatch(before: EpisodeRecord, patch: Partial<Omit<EpisodeFields, 'showId'>>): void {
  if (patch.guid !== undefined && patch.guid !== before.episode.guid && before.episode.status !== 'draft') {
    throw new ConflictError(
      'the GUID of a published episode never changes (podcast apps would see a new episode)',
    );
  }
  if (before.showType === 'serial' && before.episode.status !== 'draft' && patch.number === null) {
    throw new ValidationError(
      'episodes of a serial show need a number (Apple Podcasts requires itunes:episode)',
    );
  }
  checkSoundbites(patch.soundbites, before.audio?.durationSeconds);
}

/** The media files an episode holds: audio, artwork, transcript, chapters, alternates. */
function assetsOf(record: EpisodeRecord): MediaAsset[] {
  return [
    record.audio,
    record.image,
    record.transcript,
    record.chapters,
    ...record.alternates.map((a) => a.asset),
  ].filter((asset): asset is MediaAsset => asset !== null);
}

/**
 * The public paths that answer 410 Gone once the episode is deleted: its page, chapters and embed,
 * and its media files (none for a draft, never public).
 */
export function episodeGonePaths(record: EpisodeRecord): string[] {
  if (record.episode.status === 'draft') return [];
  return [...episodePaths(record.showSlug, record.episode.slug), ...assetsOf(record).map(mediaPath)];
}

/**
 * Deletes the episode, then its media files and records unless something else still uses them.
 * Its page, chapters and media URLs answer 410 Gone from now on. The records go in one batch with
 * the episode, and each file is journalled for removal there too, so a crash cannot orphan one.
 */
export async function deleteEpisode(
  ctx: EditorContext & { media: MediaStore },
  id: number,
  condition?: WriteCondition,
): Promise<{ showId: number }> {
  const { record, expected } = await episodeForWrite(ctx, id, condition);
  const { episode } = record;
  const assets = assetsOf(record);
  const gone = goneStatements(ctx.db, episodeGonePaths(record), ctx.now);
  await guarded(() =>
    ctx.db.batch([
      touchEpisode(ctx, id, expected),
      ctx.db.delete(episodes).where(eq(episodes.id, id)),
      ...gone,
      ...assets.flatMap((asset) => releaseAssetStatements(ctx.db, asset, ctx.now)),
      ...auditEpisode(ctx, id, 'delete', episode.title),
    ]),
  );
  await sweepMediaJournal(ctx.db, ctx.media, { now: ctx.now, ownerGone: () => false });
  return { showId: episode.showId };
}

/** Publishing needs audio, and a number in a serial show; a future time schedules instead. */
export async function publishEpisode(
  ctx: EditorContext,
  id: number,
  at: Date | undefined,
  condition?: WriteCondition,
) {
  requirePublisher(ctx);
  const { record, expected } = await episodeForWrite(ctx, id, condition);
  if (!record.audio) throw new ConflictError('the episode has no audio yet: upload it first (PUT .../audio)');
  if (record.showType === 'serial' && record.episode.number === null) {
    throw new ConflictError(
      'episodes of a serial show need a number before they are published (itunes:episode)',
    );
  }
  const publication = publicationFor(at, ctx.now);
  await guarded(() =>
    ctx.db.batch([
      ctx.db
        .update(episodes)
        .set({ ...publication, ...touched(episodes, ctx.now, expected) })
        .where(eq(episodes.id, id)),
      ...auditEpisode(
        ctx,
        id,
        publication.status === 'scheduled' ? 'schedule' : 'publish',
        publication.publishedAt?.toISOString(),
      ),
    ]),
  );
  return getEpisode(ctx, id);
}

export async function unpublishEpisode(ctx: EditorContext, id: number, condition?: WriteCondition) {
  requirePublisher(ctx);
  const { expected } = await episodeForWrite(ctx, id, condition);
  await guarded(() =>
    ctx.db.batch([
      ctx.db
        .update(episodes)
        .set({ ...DRAFT, ...touched(episodes, ctx.now, expected) })
        .where(eq(episodes.id, id)),
      ...auditEpisode(ctx, id, 'unpublish'),
    ]),
  );
  return getEpisode(ctx, id);
}
