// CSRF defences for the studio: the request's origin (Origin / Sec-Fetch-Site, hono/csrf) and the session's own token.
import type { Context, MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import type { AppEnv } from '../deps.ts';
import { STUDIO_ASSETS } from '../studio/assets/studio-assets.ts';
import { constantTimeEqual } from './admin-auth.ts';
import { sitePath } from './studio-session.ts';

/** The form field every studio form carries, and the header fetch requests send instead. */
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE = /^(GET|HEAD|OPTIONS)$/;

/** This site's origins: BASE_URL's, and the request's own (a proxy may rewrite the host it is reached by). */
function allowedOrigin(origin: string, c: Context<AppEnv>): boolean {
  return origin === new URL(c.var.deps.config.baseUrl).origin || origin === new URL(c.req.url).origin;
}

/**
 * Refuses a state-changing request that a browser says came from another site. hono/csrf checks
 * form submissions (a cross-site form's Origin, or Sec-Fetch-Site); on top of it any unsafe
 * request, whatever its type, is refused when its Origin is foreign or Sec-Fetch-Site says
 * cross-site or same-site (a sibling subdomain is another site to us).
 */
export function studioOriginCheck(): MiddlewareHandler<AppEnv> {
  const forms = csrf({ origin: allowedOrigin, secFetchSite: 'same-origin' });
  return async function studioOriginCheck(c, next) {
    if (SAFE.test(c.req.method)) return next();
    const origin = c.req.header('origin');
    const site = c.req.header('sec-fetch-site');
    if (
      (origin !== undefined && !allowedOrigin(origin, c)) ||
      site === 'cross-site' ||
      site === 'same-site'
    ) {
      return csrfRefused(c, 'this request came from another site');
    }
    try {
      return await forms(c, next);
    } catch (error) {
      if ((error as { status?: number }).status === 403) {
        return csrfRefused(c, 'this form did not say which site it came from (no Origin or Sec-Fetch-Site)');
      }
      throw error;
    }
  };
}

/**
 * Refuses a state-changing request without the session's CSRF token (form field `_csrf`, or header
 * X-CSRF-Token), compared in constant time. Runs after requireStudioUser.
 */
export function requireCsrfToken(): MiddlewareHandler<AppEnv> {
  return async function requireCsrfToken(c, next) {
    if (SAFE.test(c.req.method)) return next();
    const expected = c.var.studio?.csrfToken;
    const given = c.req.header(CSRF_HEADER) ?? (await formToken(c));
    if (!expected || !given || !(await constantTimeEqual(given, expected))) {
      return csrfRefused(c, 'this form has expired or did not come from the studio');
    }
    return next();
  };
}

/** The `_csrf` field of a form body (read once; Hono keeps the parsed body for the handler). */
async function formToken(c: Context<AppEnv>): Promise<string | undefined> {
  const type = c.req.header('content-type') ?? '';
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) return undefined;
  try {
    const body = await c.req.parseBody();
    const value = body[CSRF_FIELD];
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** 403, as a short page for a browser and as a problem for a script. */
export function csrfRefused(c: Context<AppEnv>, why: string): Response {
  c.var.deps.log.warn('studio request refused (CSRF)', {
    requestId: c.var.requestId,
    path: c.req.path,
    why,
  });
  const detail = `Refused: ${why}. Reload the page and try again.`;
  if (/text\/html/.test(c.req.header('accept') ?? '')) {
    // Fixed text only (`why` is one of this file's own lines): nothing from the request is echoed.
    const base = sitePath(c);
    const page = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Refused · Studio</title><link rel="stylesheet" href="${base}${STUDIO_ASSETS.css.path}"></head><body><main id="main" class="wrap"><h1>Refused</h1><p class="alert" role="alert">${detail}</p><p><a href="${base}/studio">Back to the studio</a></p></main></body></html>`;
    return new Response(page, {
      status: 403,
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    });
  }
  return new Response(JSON.stringify({ type: 'about:blank', title: 'Forbidden', status: 403, detail }), {
    status: 403,
    headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store' },
  });
}
