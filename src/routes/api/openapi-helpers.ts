// Small helpers for the admin API's route definitions: JSON bodies, responses, problems, context.
import { OpenAPIHono, type z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { type RefreshScope, refreshAfterWrite } from '../../catalog/documents/store-documents.ts';
import type { EditorContext } from '../../catalog/editor/context.ts';
import { viewEtag, type WriteCondition } from '../../catalog/editor/record-version.ts';
import type { UploadContext } from '../../catalog/editor/uploads.ts';
import type { AppEnv } from '../../deps.ts';
import { ValidationError } from '../../errors.ts';
import { listedTags } from '../../http/conditional.ts';
import { Problem } from './schemas.ts';

/** A router whose request validation failures become 400 problems listing each field at fault. */
export function apiRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const errors = result.error.issues.map((issue) => ({
          path: issue.path.map(String).join('.') || '(body)',
          message: issue.message,
        }));
        throw new ValidationError(
          `the request is not valid: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
          { context: { errors: errors.map((e) => `${e.path}: ${e.message}`) } },
        );
      }
    },
  });
}

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

const problem = (description: string) => ({
  content: { 'application/problem+json': { schema: Problem } },
  description,
});

/** The error responses every write can give. */
export const WRITE_PROBLEMS = {
  400: problem('The request is malformed or a field is invalid; `errors` lists each.'),
  401: problem('The Authorization header is missing or holds no valid token (ADMIN_TOKEN or an API token).'),
  403: problem(
    'The role does not allow this (contributors cannot publish), a session cookie came without X-CSRF-Token, or the write API is disabled.',
  ),
  404: problem('No record has this id.'),
  409: problem('A unique slug or GUID is taken, or the change conflicts with the current state.'),
  412: problem('If-Match does not name the current ETag: the record changed since it was read.'),
  413: problem('The body is larger than MAX_BODY_BYTES (uploads: MAX_UPLOAD_BYTES).'),
} as const;

export const READ_PROBLEMS = {
  304: { description: 'Not modified: If-None-Match names the current ETag.' },
  404: problem('No record has this id (or it is not published).'),
} as const;

export const UPLOAD_PROBLEMS = {
  ...WRITE_PROBLEMS,
  415: problem('The content is not what this endpoint takes (whatever its name or declared type).'),
  422: problem('The file is of the right kind but unusable (cut short, wrong artwork size).'),
} as const;

export const BEARER = [{ bearer: [] }];

export function editorContext(c: Context<AppEnv>): EditorContext {
  const { db, config, now } = c.var.deps;
  return { db, baseUrl: config.baseUrl, now: now(), actor: c.var.principal };
}

export function uploadContext(c: Context<AppEnv>, maxUploadBytes: number): UploadContext {
  return {
    ...editorContext(c),
    media: c.var.deps.media,
    maxUploadBytes,
    instance: c.var.deps.instance ?? 'app',
  };
}

/** A write that changes articles or sections: news feeds only. */
export const NEWS_CHANGED: RefreshScope = { shows: [], news: true };

/**
 * After a successful write: feeds and pages see it at once. The stored feeds it may have changed
 * are rendered again before the answer goes out, so the editor (and every reader after) reads the
 * new version; a failure there is logged and those feeds dropped, to be rendered on their next read.
 * `notices` records further notices the write owes (a live item's Podping) once feeds are rendered,
 * before delivery is started; a failure there is logged, never fails the write.
 */
export async function changed(
  c: Context<AppEnv>,
  scope: RefreshScope,
  notices?: () => Promise<void>,
): Promise<void> {
  c.var.runtime.versions.invalidate();
  const pipeline = c.var.runtime.documents;
  if (pipeline) await refreshAfterWrite(pipeline, scope, c.var.deps.log, c.var.requestId);
  if (notices) {
    await notices().catch((error: unknown) =>
      c.var.deps.log.error('recording feed notices failed', { requestId: c.var.requestId, error }),
    );
  }
  c.var.deps.pings?.afterWrite(c);
}

/** Content-Length of the request, when present and numeric. */
export function declaredLength(c: Context<AppEnv>): number | undefined {
  const value = c.req.header('content-length');
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

/** The request's conditions on the record it writes (If-Match; absent: the write applies as is). */
export function writeCondition(c: Context<AppEnv>): WriteCondition {
  const ifMatch = c.req.header('if-match');
  return ifMatch === undefined ? {} : { ifMatch };
}

/**
 * Sets the record's ETag (the digest of `view`, RFC 9110 §8.8.3) on the response and answers 304
 * to a read whose If-None-Match already names it.
 */
export async function tagRecord(c: Context<AppEnv>, view: unknown): Promise<'fresh' | 'not-modified'> {
  const etag = await viewEtag(view);
  c.header('etag', etag);
  c.header('cache-control', 'private, no-cache');
  const ifNoneMatch = c.req.header('if-none-match');
  const reading = c.req.method === 'GET' || c.req.method === 'HEAD';
  if (!reading || ifNoneMatch === undefined) return 'fresh';
  const tags = listedTags(ifNoneMatch);
  // Weak comparison for If-None-Match (RFC 9110 §13.1.2).
  const known = tags.includes('*') || tags.some((tag) => opaqueTag(tag) === opaqueTag(etag));
  return known ? 'not-modified' : 'fresh';
}

const opaqueTag = (tag: string) => tag.replace(/^W\//, '');

/** A 200 answer to a write: the record's new view, with its new ETag. */
export async function written<T extends object>(c: Context<AppEnv>, view: T) {
  await tagRecord(c, view);
  return c.json(view, 200);
}
