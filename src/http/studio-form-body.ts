// readableForms(): a studio form body that cannot be parsed (a broken multipart body, say) is a 400, not a 500 in its handler.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../deps.ts';
import { ValidationError } from '../errors.ts';

const FORM = /^(application\/x-www-form-urlencoded|multipart\/form-data)/i;

/**
 * Parses a form body up front. Hono keeps the parsed body (or the failed parse) for later reads, so
 * handlers' `c.req.parseBody()` would otherwise throw a TypeError mid-handler; here it becomes one
 * 400 for every studio form, shown as a page to a browser by the app's onError.
 */
export function readableForms(): MiddlewareHandler<AppEnv> {
  return async function readableForms(c, next) {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    if (!FORM.test(c.req.header('content-type') ?? '')) return next();
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
