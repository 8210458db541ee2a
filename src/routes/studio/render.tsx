/** @jsxImportSource hono/jsx */
// Rendering studio pages: the chrome for this request (user, CSRF token, flash line) and the HTML response.
import type { Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { AppEnv } from '../../deps.ts';
import { sitePath } from '../../http/studio-session.ts';
import type { StudioChrome } from '../../studio/chrome.ts';
import { flashMessage } from '../../studio/flash.ts';

/** The frame's data for this request: the signed-in user (if any) and `?done=` turned into its line. */
export function studioChrome(c: Context<AppEnv>): StudioChrome {
  const { config } = c.var.deps;
  return {
    sitePath: sitePath(c),
    siteTitle: config.siteTitle,
    siteLanguage: config.siteLanguage,
    timeZone: config.timeZone,
    user: c.var.studio?.user,
    csrfToken: c.var.studio?.csrfToken,
    flash: flashMessage(c.req.query('done')),
  };
}

/** An HTML answer (studioHeaders adds no-store and the security headers). */
export async function renderStudio(
  c: Context<AppEnv>,
  view: JSX.Element,
  status: 200 | 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 429 = 200,
  headers: Record<string, string> = {},
): Promise<Response> {
  const body = String(await view.toString());
  return c.html(body, status, headers);
}

/** Redirect-after-post: 303 to a studio path with a flash code, and a fragment to land on (`audio-panel`). */
export function redirectDone(c: Context<AppEnv>, path: string, done?: string, fragment?: string): Response {
  const query = done ? `${path.includes('?') ? '&' : '?'}done=${encodeURIComponent(done)}` : '';
  return c.redirect(`${sitePath(c)}/studio${path}${query}${fragment ? `#${fragment}` : ''}`, 303);
}
