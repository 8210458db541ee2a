// /api/v1/uploads: resumable uploads over tus 1.0 (core, creation, termination, expiration), and GET of a finished one.
import type { Context } from 'hono';
import {
  createTusUpload,
  openTusUpload,
  removeTusUpload,
  type TusContext,
} from '../../catalog/tus/tus-records.ts';
import { finishedUpload } from '../../catalog/tus/tus-view.ts';
import { writeToUpload } from '../../catalog/tus/tus-write.ts';
import type { AppEnv } from '../../deps.ts';
import { ConflictError, UnsupportedMediaError, ValidationError } from '../../errors.ts';
import { formatHttpDate } from '../../http/http-date.ts';
import { problemResponse } from '../../http/problem.ts';
import {
  byteCountHeader,
  formatUploadMetadata,
  OFFSET_OCTET_STREAM,
  parseUploadMetadata,
  requireTusVersion,
  TUS_EXTENSIONS,
  TUS_VERSION,
} from '../../http/tus-protocol.ts';
import { apiRouter, declaredLength } from './openapi-helpers.ts';
import { documentUploadsApi } from './uploads-openapi.ts';

type C = Context<AppEnv>;

/** The use-case context of a tus request; undefined when nobody is signed in. */
function tusContext(c: C): TusContext | undefined {
  const { db, config, now, media, instance } = c.var.deps;
  const actor = c.var.principal;
  if (!actor) return undefined;
  return {
    db,
    baseUrl: config.baseUrl,
    now: now(),
    actor,
    media,
    maxUploadBytes: config.maxUploadBytes,
    expiryMs: config.uploadExpiryHours * 60 * 60 * 1000,
    instance: instance ?? 'app',
    clock: now,
  };
}

/** Every method but OPTIONS needs a principal (the auth middleware lets reads through unsigned). */
function unauthorized(c: C): Response {
  return problemResponse(
    {
      title: 'Unauthorized',
      status: 401,
      requestId: c.var.requestId,
      detail: 'Uploads need the header Authorization: Bearer <token>.',
    },
    { 'www-authenticate': 'Bearer realm="podwire admin"' },
  );
}

const uploadUrl = (c: C, id: string) => `${c.var.deps.config.baseUrl}/api/v1/uploads/${id}`;

function options(c: C): Response {
  c.header('Tus-Extension', TUS_EXTENSIONS);
  c.header('Tus-Max-Size', String(c.var.deps.config.maxUploadBytes));
  c.header('Tus-Version', TUS_VERSION);
  return c.body(null, 204);
}

async function create(c: C): Promise<Response> {
  const ctx = tusContext(c);
  if (!ctx) return unauthorized(c);
  requireTusVersion(c);
  if (c.req.header('upload-defer-length') !== undefined) {
    throw new ValidationError(
      'Upload-Defer-Length is not supported: send Upload-Length, the size of the file',
    );
  }
  const length = byteCountHeader(c, 'upload-length');
  if (length === undefined)
    throw new ValidationError('send Upload-Length: the size of the whole file in bytes');
  const sent = declaredLength(c);
  const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
  if ((sent !== undefined && sent > 0) || type === OFFSET_OCTET_STREAM || c.req.header('transfer-encoding')) {
    throw new ValidationError(
      'creation-with-upload is not supported: create the upload empty, then PATCH it',
    );
  }
  const upload = await createTusUpload(ctx, {
    length,
    metadata: parseUploadMetadata(c.req.header('upload-metadata')),
  });
  c.header('Location', uploadUrl(c, upload.id));
  c.header('Upload-Expires', formatHttpDate(upload.expiresAt));
  return c.body(null, 201);
}

/** HEAD (tus: the offset) and GET (the stored asset as JSON) share a URL; Hono routes both to GET. */
const read = (c: C) => (c.req.method === 'HEAD' ? head(c) : get(c));

async function head(c: C): Promise<Response> {
  const ctx = tusContext(c);
  if (!ctx) return unauthorized(c);
  requireTusVersion(c);
  const upload = await openTusUpload(ctx, c.req.param('id') as string);
  // tus §HEAD: never cached; the offset even when 0 or complete; the metadata as created.
  c.header('Cache-Control', 'no-store');
  c.header('Upload-Offset', String(upload.offset));
  c.header('Upload-Length', String(upload.length));
  c.header('Upload-Expires', formatHttpDate(upload.expiresAt));
  const metadata = formatUploadMetadata(upload.metadata);
  if (metadata) c.header('Upload-Metadata', metadata);
  return c.body(null, 200);
}

async function get(c: C): Promise<Response> {
  const ctx = tusContext(c);
  if (!ctx) return unauthorized(c);
  c.header('Cache-Control', 'no-store');
  const { upload, view } = await finishedUpload(ctx, c.req.param('id') as string);
  if (!view) {
    return problemResponse(
      {
        title: 'Conflict',
        status: 409,
        requestId: c.var.requestId,
        detail: `the upload is not complete: ${upload.offset} of ${upload.length} bytes are in; send the rest with PATCH`,
      },
      {
        'upload-offset': String(upload.offset),
        'upload-length': String(upload.length),
        'cache-control': 'no-store',
      },
    );
  }
  return c.json(view, 200);
}

async function patch(c: C): Promise<Response> {
  const ctx = tusContext(c);
  if (!ctx) return unauthorized(c);
  requireTusVersion(c);
  const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== OFFSET_OCTET_STREAM) {
    throw new UnsupportedMediaError(`a tus PATCH sends Content-Type: ${OFFSET_OCTET_STREAM}`);
  }
  const offset = byteCountHeader(c, 'upload-offset');
  if (offset === undefined) throw new ValidationError('send Upload-Offset: the offset this body starts at');
  const writing = writeToUpload(ctx, c.req.param('id') as string, offset, c.req.raw.body, declaredLength(c));
  // Workers: finish recording what arrived even if the client hangs up and the request is cancelled.
  keepRunning(c, writing);
  const outcome = await writing;
  c.header('Upload-Offset', String(outcome.offset));
  c.header('Upload-Expires', formatHttpDate(outcome.expiresAt));
  return c.body(null, 204);
}

async function terminate(c: C): Promise<Response> {
  const ctx = tusContext(c);
  if (!ctx) return unauthorized(c);
  requireTusVersion(c);
  const upload = await openTusUpload(ctx, c.req.param('id') as string, { expired: 'allow' });
  if (!(await removeTusUpload(ctx, upload))) {
    throw new ConflictError('a PATCH is writing to this upload: terminate it once that request ends');
  }
  return c.body(null, 204);
}

/** tus §X-HTTP-Method-Override: the header is the method, for clients that cannot send PATCH or DELETE. */
async function overridden(c: C): Promise<Response> {
  const method = c.req.header('x-http-method-override')?.trim().toUpperCase();
  if (method === 'PATCH') return patch(c);
  if (method === 'DELETE') return terminate(c);
  if (method === 'HEAD') return head(c);
  throw new ValidationError('POST to an upload URL needs X-HTTP-Method-Override: PATCH, DELETE or HEAD');
}

function keepRunning(c: C, work: Promise<unknown>): void {
  let context: { waitUntil(promise: Promise<unknown>): void } | undefined;
  try {
    context = c.executionCtx;
  } catch {
    return; // Node: the handler runs to its end whatever the client does
  }
  context.waitUntil(work.catch(() => {}));
}

export function uploadsApi() {
  const api = apiRouter();
  api.options('/uploads', options);
  api.options('/uploads/:id', options);
  api.post('/uploads', create);
  api.get('/uploads/:id', read);
  api.patch('/uploads/:id', patch);
  api.delete('/uploads/:id', terminate);
  api.post('/uploads/:id', overridden);
  documentUploadsApi(api);
  return api;
}
