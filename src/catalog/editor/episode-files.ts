// An episode's files: upload or replace its audio, artwork, transcript or chapters; add and remove alternate encodings.
import { and, eq, max, sql } from 'drizzle-orm';
import { episodeAlternates, episodes } from '../../db/schema.ts';
import { NotFoundError } from '../../errors.ts';
import { releaseAssetStatements, SUPERSEDED_GRACE_MS } from '../media-journal.ts';
import { transcriptSearchStatements } from '../search/search-index.ts';
import { readTranscriptText } from '../search/transcript-text.ts';
import { attachFile, type FileSource } from './attach-file.ts';
import { guarded } from './constraint-errors.ts';
import type { EditorContext } from './context.ts';
import { auditEpisode, type EpisodeRecord, episodeForWrite, getEpisode, touchEpisode } from './episodes.ts';
import { touched, type WriteCondition } from './record-version.ts';
import {
  publishUpload,
  stillPointsAt,
  storeUpload,
  type Upload,
  type UploadContext,
  type UploadKind,
} from './uploads.ts';

/** The files an episode has one of: what each must be, and where it is recorded. */
export const EPISODE_FILE_SLOTS = {
  audio: { kind: 'audio', column: 'audioAssetId', keySuffix: '' },
  image: { kind: 'artwork', column: 'imageAssetId', keySuffix: '-image' },
  transcript: { kind: 'transcript', column: 'transcriptAssetId', keySuffix: '-transcript' },
  chapters: { kind: 'chapters', column: 'chaptersAssetId', keySuffix: '-chapters' },
} as const satisfies Record<
  string,
  { kind: UploadKind; column: keyof typeof episodes.$inferInsert; keySuffix: string }
>;

export type EpisodeFileSlot = keyof typeof EPISODE_FILE_SLOTS;

/**
 * Gives the episode the file from `source` in `slot` (the GUID stays; audio is probed for size, type
 * and length, or was when its tus upload finished). The same bytes again change nothing. A replaced
 * file's URL redirects to the new one.
 */
export async function attachEpisodeFile(
  ctx: UploadContext,
  id: number,
  slot: EpisodeFileSlot,
  source: FileSource,
  condition?: WriteCondition,
): Promise<{ record: EpisodeRecord; changed: boolean }> {
  const { record: before, expected } = await episodeForWrite(ctx, id, condition);
  const spec = EPISODE_FILE_SLOTS[slot];
  const column = episodes[spec.column];
  const keyBase = `shows/${before.showSlug}/${before.episode.slug}${spec.keySuffix}`;
  const { changed } = await attachFile(ctx, source, spec.kind, keyBase, before[slot], {
    point: (assetId) => [
      ctx.db
        .update(episodes)
        .set({ [spec.column]: assetId, ...touched(episodes, ctx.now, expected) })
        .where(and(eq(episodes.id, id), stillPointsAt(column, before[slot]))),
      ...auditEpisode(ctx, id, 'upload', `${slot} ${before[slot] ? 'replaced' : 'added'}`),
    ],
    holds: (assetId) =>
      sql`EXISTS (SELECT 1 FROM ${episodes} WHERE ${episodes.id} = ${id} AND ${column} = ${assetId})`,
    // A transcript's words go into the search index in the batch that gives the episode the file.
    derived:
      slot === 'transcript'
        ? async (asset) => transcriptSearchStatements(ctx.db, id, await readTranscriptText(ctx.media, asset))
        : undefined,
  });
  return { record: await getEpisode(ctx, id), changed };
}

/** Adds another encoding of the audio (`podcast:alternateEnclosure`), after the ones it has. */
export async function addEpisodeAlternate(
  ctx: UploadContext,
  id: number,
  title: string,
  upload: Upload,
  condition?: WriteCondition,
): Promise<EpisodeRecord> {
  const { record: before, expected } = await episodeForWrite(ctx, id, condition);
  const asset = await storeUpload(
    ctx,
    upload,
    'audio',
    `shows/${before.showSlug}/${before.episode.slug}-alt`,
  );
  const [last] = await ctx.db
    .select({ n: max(episodeAlternates.position) })
    .from(episodeAlternates)
    .where(eq(episodeAlternates.episodeId, id));
  await publishUpload(ctx, asset, null, (assetId) => [
    touchEpisode(ctx, id, expected),
    ctx.db.insert(episodeAlternates).values({
      episodeId: id,
      assetId,
      position: (last?.n ?? -1) + 1,
      title,
    }),
    ...auditEpisode(ctx, id, 'upload', `alternate "${title}" added`),
  ]);
  return getEpisode(ctx, id);
}

/** Removes an alternate encoding; its file goes after the grace period unless something else uses it. */
export async function removeEpisodeAlternate(
  ctx: EditorContext,
  id: number,
  assetId: number,
  condition?: WriteCondition,
): Promise<EpisodeRecord> {
  const { record, expected } = await episodeForWrite(ctx, id, condition);
  const alternate = record.alternates.find((a) => a.asset.id === assetId);
  if (!alternate) throw new NotFoundError(`episode ${id} has no alternate ${assetId}`);
  await guarded(() =>
    ctx.db.batch([
      touchEpisode(ctx, id, expected),
      ctx.db
        .delete(episodeAlternates)
        .where(and(eq(episodeAlternates.episodeId, id), eq(episodeAlternates.assetId, assetId))),
      ...releaseAssetStatements(ctx.db, alternate.asset, new Date(ctx.now.getTime() + SUPERSEDED_GRACE_MS)),
      ...auditEpisode(ctx, id, 'update', `alternate "${alternate.title}" removed`),
    ]),
  );
  return getEpisode(ctx, id);
}
