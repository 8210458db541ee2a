// fileSource(c): what a file route was sent: the file as the raw body, or {"upload": ...} naming a finished tus upload.
import type { Context } from 'hono';
import type { FileSource } from '../../catalog/editor/attach-file.ts';
import { uploadedAsset } from '../../catalog/tus/tus-view.ts';
import type { AppEnv } from '../../deps.ts';
import { PodwireError, ValidationError } from '../../errors.ts';
import { declaredLength, editorContext } from './openapi-helpers.ts';
import { isAttachRequest } from './raw-uploads.ts';
import { AttachUpload } from './uploads-openapi.ts';

/** The OpenAPI content entry the attaching routes add beside their binary types. */
export const ATTACH_CONTENT = {
  'application/json': { schema: { $ref: '#/components/schemas/AttachUpload' } },
} as const;

export const ATTACH_DESCRIPTION =
  'Send the file as the raw request body (what it is is decided by its content, not its name or ' +
  'Content-Type), or attach a finished resumable upload without sending the bytes again: ' +
  '`Content-Type: application/json` with `{"upload": "<upload id or URL>"}`.';

export async function fileSource(c: Context<AppEnv>): Promise<FileSource> {
  if (!isAttachRequest(c)) return { body: c.req.raw.body, declaredLength: declaredLength(c) };
  let body: unknown;
  try {
    body = await c.req.json();
  } catch (error) {
    if (error instanceof PodwireError) throw error; // too large (MAX_BODY_BYTES)
    throw new ValidationError('the request body is not valid JSON');
  }
  const parsed = AttachUpload.safeParse(body);
  if (!parsed.success) {
    const errors = parsed.error.issues.map(
      (i) => `${i.path.map(String).join('.') || '(body)'}: ${i.message}`,
    );
    throw new ValidationError(`the request is not valid: ${errors.join('; ')}`, { context: { errors } });
  }
  return { asset: await uploadedAsset({ ...editorContext(c), actor: c.var.principal }, parsed.data.upload) };
}
