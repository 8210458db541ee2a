// Studio form bodies: one that cannot be parsed (a broken multipart body) is a 400, one of another type a 415, never a 500 in a handler.
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../deps.ts';
import { UnsupportedMediaError, ValidationError } from '../errors.ts';

const FORM = /^(application\/x-www-form-urlencoded|multipart\/form-data)/i;

/** Whether the request says its body is a form (URL-encoded or multipart). */
export const isFormBody = (c: Context<AppEnv>): boolean => FORM.test(c.req.header('content-type') ?? '');

/**
 * The request's form, for a handler that reads one: a body of another type (JSON, text, none) is a
 * 415 (RFC 9110 §15.5.16), as `c.req.formData()` would otherwise throw a TypeError.
 */
export async function studioFormData(c: Context<AppEnv>): Promise<FormData> {
  if (!isFormBody(c)) {
    throw new UnsupportedMediaError(
      'studio forms are sent as application/x-www-form-urlencoded or multipart/form-data',
    );
  }
  return c.req.formData();
}

/**
 * Parses a form body up front. Hono keeps the parsed body (or the failed parse) for later reads, so
 * handlers' `c.req.parseBody()` would otherwise throw a TypeError mid-handler; here it becomes one
 * 400 for every studio form, shown as a page to a browser by the app's onError.
 */
export function readableForms(): MiddlewareHandler<AppEnv> {
  return async function readableForms(c, next) {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    if (!isFormBody(c)) return next();
    try {
      await c.req.parseBody();
    } catch (error) {
      throw new ValidationError(
        'the form could not be read (its body is not well-formed form data): reload the page and send it again',
        { cause: error },
      );
    }
    return next();
  };
}
