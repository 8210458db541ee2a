// fetchIntoStore: fetch a source file (audio, image, transcript, chapters) and store it as an upload: sniffed, probed, journalled.
import { MAX_DOCUMENT_BYTES } from '../../audio/probe-document.ts';
import { MAX_IMAGE_BYTES } from '../../audio/probe-image.ts';
import type { NewMediaAsset } from '../../db/schema.ts';
import { storeUpload, type UploadContext } from '../editor/uploads.ts';
import { closeUpload } from '../media-journal.ts';
import { ImportFailedError } from './import-errors.ts';
import type { ImportDeps } from './import-ports.ts';

export type FetchedKind = 'audio' | 'image' | 'transcript' | 'chapters';
export type StoredFile = Omit<NewMediaAsset, 'id'>;

const ACCEPT: Readonly<Record<FetchedKind, string>> = {
  audio: 'audio/*, */*;q=0.5',
  image: 'image/jpeg, image/png, image/webp, */*;q=0.5',
  transcript: 'text/vtt, application/x-subrip, application/json, text/html;q=0.8, */*;q=0.5',
  chapters: 'application/json+chapters, application/json;q=0.9, */*;q=0.5',
};

export function uploadContextOf(deps: ImportDeps): UploadContext {
  return {
    db: deps.db,
    baseUrl: deps.baseUrl,
    now: deps.now(),
    actor: deps.actor,
    media: deps.media,
    maxUploadBytes: deps.maxUploadBytes,
    instance: deps.instance,
  };
}

/**
 * Fetches `url` and stores the body under `<keyBase>-<random>.<ext>` exactly as an upload is
 * stored (storeUpload): the type comes from the bytes and audio is probed for its length, so
 * nothing the source declared (type, length, itunes:duration) is believed. Audio streams to the
 * store under MAX_UPLOAD_BYTES. The file is journalled: the caller records it (uploadCommitted in
 * its batch) or abandons it (abandonStored).
 */
/** The time cap on one audio file's download (the body included): 15 minutes. */
export const AUDIO_FETCH_MS = 15 * 60 * 1000;

export async function fetchIntoStore(
  deps: ImportDeps,
  url: string,
  kind: FetchedKind,
  keyBase: string,
): Promise<StoredFile> {
  const limit =
    kind === 'audio'
      ? deps.maxUploadBytes
      : Math.min(deps.maxUploadBytes, kind === 'image' ? MAX_IMAGE_BYTES : MAX_DOCUMENT_BYTES);
  // FETCH_TIMEOUT_MS bounds a whole fetch, body included: right for feeds and documents, too short
  // for an hour of audio from a slow host, which gets AUDIO_FETCH_MS.
  const response = await deps.fetch(url, {
    maxBytes: limit,
    accept: ACCEPT[kind],
    ...(kind === 'audio' ? { timeoutMs: AUDIO_FETCH_MS } : {}),
  });
  if (response.status < 200 || response.status > 299) {
    await response.body.cancel().catch(() => {});
    throw new ImportFailedError(`${url} answered HTTP ${response.status}`, {
      context: { url, status: response.status },
    });
  }
  const length = response.headers.get('content-length');
  return storeUpload(
    uploadContextOf(deps),
    { body: response.body, declaredLength: length && /^\d+$/.test(length) ? Number(length) : undefined },
    kind,
    keyBase,
  );
}

/** Removes a stored file that will not be recorded, then its journal entry. */
export async function abandonStored(deps: ImportDeps, file: StoredFile): Promise<void> {
  await deps.media.delete(file.key).catch(() => {});
  await closeUpload(deps.db, file.key).catch(() => {});
}

/** A failure as one line for the summary: the error's message, whatever threw it. */
export const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
