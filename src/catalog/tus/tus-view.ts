// A finished tus upload as the API shows it (GET /api/v1/uploads/<id>), and as a file to attach elsewhere.
import { eq } from 'drizzle-orm';
import { type MediaAsset, mediaAssets } from '../../db/schema.ts';
import { formatDuration } from '../../domain/duration.ts';
import { ConflictError, PodwireError, ValidationError } from '../../errors.ts';
import type { EditorContext } from '../editor/context.ts';
import { mediaUrl } from '../media-url.ts';
import { openTusUpload, TUS_UPLOAD_ID, type TusUpload } from './tus-records.ts';

/** The JSON of a finished upload: the stored asset as episodes show their audio, plus the upload's id and kind. */
export function uploadView(baseUrl: string, upload: TusUpload, asset: MediaAsset) {
  const audio = asset.mimeType.startsWith('audio/');
  return {
    id: upload.id,
    kind: audio ? ('audio' as const) : ('image' as const),
    assetId: asset.id,
    url: mediaUrl(baseUrl, asset),
    mimeType: asset.mimeType,
    sizeBytes: asset.sizeBytes,
    durationSeconds: asset.durationSeconds,
    durationText: asset.durationSeconds === null ? null : formatDuration(asset.durationSeconds),
    codec: asset.codec,
    bitrate: asset.bitrate,
    sampleRate: asset.sampleRate,
    channels: asset.channels,
    chapters: asset.chapters,
    width: asset.width,
    height: asset.height,
    filename: upload.metadata.filename ?? null,
    expiresAt: upload.expiresAt.toISOString(),
  };
}

async function assetOf(ctx: EditorContext, upload: TusUpload): Promise<MediaAsset> {
  const [asset] =
    upload.assetId === null
      ? []
      : await ctx.db.select().from(mediaAssets).where(eq(mediaAssets.id, upload.assetId));
  if (!asset) {
    throw new ConflictError(
      `upload ${upload.id} is not complete: ${upload.offset} of ${upload.length} bytes are in; send the rest with PATCH`,
      { context: { offset: upload.offset, length: upload.length } },
    );
  }
  return asset;
}

/**
 * GET on an upload: the view of its asset once finished, undefined while bytes are missing (404
 * for others' uploads, 410 once expired).
 */
export async function finishedUpload(ctx: EditorContext, id: string) {
  const upload = await openTusUpload(ctx, id);
  if (upload.assetId === null) return { upload, view: undefined };
  return { upload, view: uploadView(ctx.baseUrl, upload, await assetOf(ctx, upload)) };
}

/**
 * The asset of the finished upload `reference` names (its id, or its URL under BASE_URL), for
 * attaching to an episode, show or article. What names no upload of the acting principal is a 400
 * on the `upload` field; an unfinished upload a 409.
 */
export async function uploadedAsset(ctx: EditorContext, reference: string): Promise<MediaAsset> {
  const prefix = `${ctx.baseUrl}/api/v1/uploads/`;
  const id = reference.startsWith(prefix) ? reference.slice(prefix.length) : reference;
  const invalid = (why: string) =>
    new ValidationError(`upload: ${why}`, { context: { errors: [`upload: ${why}`] } });
  if (!TUS_UPLOAD_ID.test(id)) {
    throw invalid(`${JSON.stringify(reference)} is neither an upload id nor an upload URL under ${prefix}`);
  }
  let upload: TusUpload;
  try {
    upload = await openTusUpload(ctx, id);
  } catch (error) {
    if (error instanceof PodwireError && (error.status === 404 || error.status === 410)) {
      throw invalid(error.message);
    }
    throw error;
  }
  return assetOf(ctx, upload);
}
