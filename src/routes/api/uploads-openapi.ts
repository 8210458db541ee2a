// The OpenAPI description of /api/v1/uploads (tus 1.0), and the shapes uploads give and attaching takes.
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../deps.ts';
import { OFFSET_OCTET_STREAM } from '../../http/tus-protocol.ts';
import { BEARER, json } from './openapi-helpers.ts';
import { Problem } from './schemas.ts';

const tags = ['Uploads'];

export const UploadView = z
  .object({
    id: z.string(),
    kind: z.enum(['audio', 'image']),
    assetId: z.number().int(),
    url: z.string(),
    mimeType: z.string(),
    sizeBytes: z.number().int(),
    durationSeconds: z.number().nullable(),
    durationText: z.string().nullable(),
    codec: z.string().nullable(),
    bitrate: z.number().nullable(),
    sampleRate: z.number().nullable(),
    channels: z.number().nullable(),
    chapters: z.array(
      z.object({ title: z.string(), startSeconds: z.number(), endSeconds: z.number().optional() }),
    ),
    width: z.number().nullable(),
    height: z.number().nullable(),
    filename: z.string().nullable(),
    expiresAt: z.string(),
  })
  .openapi('Upload');

/** The JSON body that attaches a finished upload instead of sending the bytes again. */
export const AttachUpload = z
  .strictObject({
    upload: z
      .string()
      .min(1)
      .max(2000)
      .openapi({ description: 'The upload id, or its URL (the Location its creation answered).' }),
  })
  .openapi('AttachUpload');

const header = (description: string, type: 'integer' | 'string' = 'string') => ({
  schema: { type },
  description,
});
const TUS_RESUMABLE = { 'Tus-Resumable': header('1.0.0') };
const problem = (description: string) => ({
  content: { 'application/problem+json': { schema: Problem } },
  description,
  headers: TUS_RESUMABLE,
});
const requestHeaders = (extra: Record<string, z.ZodType> = {}) =>
  z.object({ 'tus-resumable': z.literal('1.0.0'), ...extra });
const id = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });
const COMMON = {
  401: problem('No valid bearer token.'),
  404: problem('No upload of yours has this id.'),
  410: problem('The upload expired (UPLOAD_EXPIRY_HOURS) and can no longer be continued.'),
  412: problem('Tus-Resumable is missing or not 1.0.0 (the answer carries Tus-Version).'),
};

/** Adds the upload routes to the API document (their handlers are plain routes: tus is not JSON). */
export function documentUploadsApi(api: OpenAPIHono<AppEnv>): void {
  const r = api.openAPIRegistry;
  r.register('Upload', UploadView);
  r.register('AttachUpload', AttachUpload);
  r.registerPath({
    method: 'options',
    path: '/uploads',
    tags,
    summary: 'What this tus server supports (no authentication)',
    responses: {
      204: {
        description: 'Tus-Version 1.0.0; Tus-Extension creation,termination,expiration; Tus-Max-Size.',
        headers: {
          'Tus-Version': header('1.0.0'),
          'Tus-Extension': header('creation,termination,expiration'),
          'Tus-Max-Size': header('MAX_UPLOAD_BYTES', 'integer'),
        },
      },
    },
  });
  r.registerPath({
    method: 'post',
    path: '/uploads',
    tags,
    summary: 'Create a resumable upload (tus creation); send the bytes with PATCH',
    security: BEARER,
    request: {
      headers: requestHeaders({
        'upload-length': z.string().openapi({ description: 'The size of the whole file in bytes.' }),
        'upload-metadata': z
          .string()
          .optional()
          .openapi({ description: 'Base64 pairs, such as `filename bXkubXAz,filetype YXVkaW8vbXBlZw==`.' }),
      }),
    },
    responses: {
      201: {
        description: 'Created: Location is the upload URL; Upload-Expires when it is removed if unfinished.',
        headers: {
          Location: header('The upload URL'),
          'Upload-Expires': header('HTTP date'),
          ...TUS_RESUMABLE,
        },
      },
      400: problem('Upload-Length is missing or not a number, or Upload-Metadata is malformed.'),
      413: problem('Upload-Length is larger than Tus-Max-Size (MAX_UPLOAD_BYTES).'),
      429: problem('The caller already has 20 unfinished uploads: finish or DELETE one first.'),
      ...COMMON,
    },
  });
  r.registerPath({
    method: 'head',
    path: '/uploads/{id}',
    tags,
    summary: 'How many bytes are stored (tus core): resume from Upload-Offset',
    security: BEARER,
    request: { params: id, headers: requestHeaders() },
    responses: {
      200: {
        description:
          'Upload-Offset, Upload-Length, Upload-Metadata, Upload-Expires; Cache-Control: no-store.',
        headers: {
          'Upload-Offset': header('Bytes stored', 'integer'),
          'Upload-Length': header('Size', 'integer'),
        },
      },
      ...COMMON,
    },
  });
  r.registerPath({
    method: 'patch',
    path: '/uploads/{id}',
    tags,
    summary: 'Append bytes at Upload-Offset (tus core); the last byte stores, sniffs and probes the file',
    description:
      'A body that breaks off keeps what arrived (HEAD tells how much). The PATCH that delivers the last byte ' +
      'answers once the file is stored and probed; a file that is not audio or a JPEG, PNG or WebP image is ' +
      'refused (415) and the upload removed.',
    security: BEARER,
    request: {
      params: id,
      headers: requestHeaders({ 'upload-offset': z.string() }),
      body: {
        content: { [OFFSET_OCTET_STREAM]: { schema: { type: 'string', format: 'binary' } } },
        required: true,
      },
    },
    responses: {
      204: {
        description: 'Stored: Upload-Offset is the new offset; Upload-Expires.',
        headers: { 'Upload-Offset': header('Bytes stored', 'integer'), ...TUS_RESUMABLE },
      },
      400: problem('Upload-Offset is missing or not a number.'),
      409: problem('Upload-Offset is not the current offset, or another PATCH is writing to the upload.'),
      413: problem('The body goes past Upload-Length (nothing past it is stored).'),
      415: problem(
        'Content-Type is not application/offset+octet-stream, or the file is not audio or an image.',
      ),
      422: problem('The file is audio or an image but unusable (cut short, unreadable).'),
      ...COMMON,
    },
  });
  r.registerPath({
    method: 'delete',
    path: '/uploads/{id}',
    tags,
    summary: 'Terminate an upload (tus termination): its bytes go, and its file unless something uses it',
    security: BEARER,
    request: { params: id, headers: requestHeaders() },
    responses: { 204: { description: 'Removed.' }, 409: problem('A PATCH is writing to it.'), ...COMMON },
  });
  r.registerPath({
    method: 'get',
    path: '/uploads/{id}',
    tags,
    summary: 'The stored media asset of a finished upload: attach it with {"upload": id} on a file route',
    security: BEARER,
    request: { params: id },
    responses: {
      200: json(UploadView, 'The probed file: URL, type, size, duration, codec, chapters or dimensions.'),
      409: problem('Not all bytes are in yet (Upload-Offset and Upload-Length say how many).'),
      ...COMMON,
    },
  });
}
