// The file a no-script upload form posted (field `file`), as an Upload; none when no file or an empty one was chosen.
import type { Upload } from '../../../catalog/editor/uploads.ts';

/** The `file` field of a posted multipart form as an Upload, or undefined when nothing (or 0 bytes) was sent. */
export function postedFile(form: FormData): Upload | undefined {
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0) return undefined;
  return { body: file.stream(), declaredLength: file.size };
}
