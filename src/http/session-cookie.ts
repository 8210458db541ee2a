// The studio's session cookie: its name and attributes (HttpOnly, SameSite=Lax, Secure and __Host- under https).
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../deps.ts';

const NAME = 'podwire_session';

/** Whether cookies must be Secure: the site is served over https (BASE_URL). */
const isSecure = (baseUrl: string) => baseUrl.startsWith('https:');

/**
 * `__Host-podwire_session` under https: the prefix makes browsers refuse it unless Secure, Path=/
 * and without Domain, so no other host or path can plant one (RFC 6265bis §4.1.3.2). Plain
 * `podwire_session` over http, where the prefix would make browsers drop it.
 */
export function sessionCookieName(baseUrl: string): string {
  return isSecure(baseUrl) ? `__Host-${NAME}` : NAME;
}

/** The session secret the request's cookie holds, if any. */
export function readSessionCookie(c: Context<AppEnv>): string | undefined {
  return getCookie(c, sessionCookieName(c.var.deps.config.baseUrl)) || undefined;
}

/**
 * A session cookie: no Max-Age, so it ends with the browser too; the server's idle and absolute
 * expiry end it sooner. SameSite=Lax: sent on top-level navigations from other sites (a link to
 * the studio works), never on their cross-site POSTs.
 */
export function writeSessionCookie(c: Context<AppEnv>, secret: string): void {
  const { baseUrl } = c.var.deps.config;
  setCookie(c, sessionCookieName(baseUrl), secret, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: isSecure(baseUrl),
  });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  const { baseUrl } = c.var.deps.config;
  deleteCookie(c, sessionCookieName(baseUrl), {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: isSecure(baseUrl),
  });
}
