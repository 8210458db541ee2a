// translateConstraintError: SQLite's constraint failures, told as what an editor did wrong (409 or 400).
import { ConflictError, PodwireError, PreconditionFailedError, ValidationError } from '../../errors.ts';
import { isStaleWrite } from './record-version.ts';

const UNIQUE_FIELDS: readonly [RegExp, string][] = [
  [/articles\.slug/, 'an article with this slug already exists'],
  [/articles\.guid/, 'an article with this GUID already exists'],
  [/sections\.slug/, 'a section with this slug already exists'],
  [/shows\.slug/, 'a show with this slug already exists'],
  [/shows\.podcast_guid/, 'a show with this podcast GUID already exists'],
  [/episodes\.guid/, 'an episode with this GUID already exists (GUIDs are unique across all shows)'],
  [/episodes\.show_id, episodes\.slug/, 'this show already has an episode with this slug'],
  [/media_assets\.key/, 'a media file with this key already exists'],
  [/live_items\.guid/, 'a live item with this GUID already exists'],
];

function chainText(error: unknown): string {
  const parts: string[] = [];
  for (let e = error, depth = 0; e instanceof Error && depth < 5; depth++, e = e.cause) parts.push(e.message);
  return parts.join(' ');
}

/** Whether a database error is a version guard refusing a stale write (see nextVersion). */
export const isStaleWriteError = (error: unknown) => isStaleWrite(chainText(error));

/** Maps UNIQUE, FOREIGN KEY and CHECK failures; anything else is returned unchanged. */
export function translateConstraintError(error: unknown): unknown {
  if (error instanceof PodwireError) return error;
  const text = chainText(error);
  if (isStaleWrite(text)) {
    return new PreconditionFailedError(
      'the record changed while this write was applied (If-Match): read it again and reapply your change',
      { cause: error },
    );
  }
  // The guard in publishUpload: the owner of an upload was deleted, or given another file, meanwhile.
  if (/NOT NULL constraint failed: media_assets\.sha256/i.test(text)) {
    return new ConflictError(
      'the record was deleted, or given another file by a concurrent upload, while this file was stored: nothing was changed; read it again and send the file again',
      { cause: error },
    );
  }
  if (/UNIQUE constraint failed/i.test(text)) {
    const known = UNIQUE_FIELDS.find(([pattern]) => pattern.test(text));
    return new ConflictError(known?.[1] ?? 'this conflicts with an existing record', { cause: error });
  }
  if (/FOREIGN KEY constraint failed/i.test(text)) {
    return new ConflictError('a referenced record does not exist, or others still depend on this one', {
      cause: error,
    });
  }
  const check = /CHECK constraint failed: (\w+)/i.exec(text);
  if (check) return new ValidationError(`the record breaks the rule ${check[1]}`, { cause: error });
  return error;
}

/** Runs a write, translating constraint failures. */
export async function guarded<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw translateConstraintError(error);
  }
}
