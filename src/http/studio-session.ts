// requireStudioUser(): the studio's session middleware: the signed-in user in c.var.studio and c.var.principal, or off to sign in.
import type { Context, MiddlewareHandler } from 'hono';
import { DEFAULT_PASSWORD_POLICY } from '../auth/password.ts';
import type { Principal } from '../auth/principal.ts';
import type { AccountContext } from '../catalog/accounts/context.ts';
import { sessionPolicyOf } from '../catalog/accounts/context.ts';
import { type ActiveSession, resolveSession } from '../catalog/accounts/sessions.ts';
import type { AppEnv, StudioSession } from '../deps.ts';
import { problemResponse } from './problem.ts';
import { clearSessionCookie, readSessionCookie } from './session-cookie.ts';

/** The account use cases' context for this request: the actor is the request's principal, if any. */
export function accountContext(c: Context<AppEnv>): AccountContext {
  const { db, now, passwords, log } = c.var.deps;
  return {
    db,
    now: now(),
    passwords: passwords ?? DEFAULT_PASSWORD_POLICY,
    actor: c.var.principal,
    log,
  };
}

/** The principal a studio user acts as: their id and role, labelled with their e-mail. */
export const principalOf = (user: { id: number; role: Principal['role']; email: string }): Principal => ({
  userId: user.id,
  role: user.role,
  label: user.email,
});

/**
 * The session the request's cookie names, if still valid (idle and absolute expiry checked). A
 * cookie naming no valid session is cleared.
 */
export async function findStudioSession(c: Context<AppEnv>): Promise<ActiveSession | undefined> {
  const secret = readSessionCookie(c);
  if (!secret) return undefined;
  const { db, now, config } = c.var.deps;
  const session = await resolveSession({ db, now: now() }, secret, sessionPolicyOf(config));
  if (!session) clearSessionCookie(c);
  return session;
}

/** Makes `session` the request's actor: c.var.studio and c.var.principal. */
export function adoptSession(c: Context<AppEnv>, session: ActiveSession): void {
  c.set('studio', { user: session.user, csrfToken: session.csrfToken, sessionHash: session.idHash });
  c.set('principal', principalOf(session.user));
}

/** The signed-in user of a route behind requireStudioUser (a bug if called elsewhere). */
export function studioOf(c: Context<AppEnv>): StudioSession {
  const studio = c.var.studio;
  if (!studio) throw new Error('studioOf() on a route without requireStudioUser()');
  return studio;
}

/** BASE_URL's path (`''` or `/news`): prefixed to every studio link and redirect, which stay on the browser's host. */
export function sitePath(c: Context<AppEnv>): string {
  return new URL(c.var.deps.config.baseUrl).pathname.replace(/\/$/, '');
}

/** `<BASE_URL path>/studio/sign-in?next=<where the browser was going>`, a path on this site. */
export function signInLocation(c: Context<AppEnv>, next?: string): string {
  const query = next ? `?${new URLSearchParams({ next })}` : '';
  return `${sitePath(c)}/studio/sign-in${query}`;
}

/**
 * Where to go after signing in: `next` when it is a studio path on this site (never another
 * host: `//evil.example`, `/\evil.example` and absolute URLs are refused), else the dashboard.
 */
export function safeNext(c: Context<AppEnv>, next: string | undefined): string {
  const home = `${sitePath(c)}/studio`;
  if (!next || next.length > 2000 || !/^\/[^/\\]/.test(next)) return home;
  const url = new URL(next, 'http://studio.invalid');
  if (url.host !== 'studio.invalid') return home;
  const path = `${url.pathname}${url.search}`;
  return path === home || path.startsWith(`${home}/`) || path.startsWith(`${home}?`) ? path : home;
}

/**
 * Lets the request through only with a valid session. Without one, a browser's GET is redirected
 * (303) to the sign-in page with `?next=` set to where it was going; a form POST is sent there too
 * (its data is lost: the session expired); anything else (fetch, API clients) gets 401.
 */
export function requireStudioUser(): MiddlewareHandler<AppEnv> {
  return async function requireStudioUser(c, next) {
    const session = await findStudioSession(c);
    if (session) {
      adoptSession(c, session);
      return next();
    }
    const url = new URL(c.req.url);
    const reading = c.req.method === 'GET' || c.req.method === 'HEAD';
    const fromForm = /^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(
      c.req.header('content-type') ?? '',
    );
    if (reading || fromForm) {
      const going = reading ? `${sitePath(c)}${url.pathname}${url.search}` : undefined;
      return c.redirect(signInLocation(c, going), 303);
    }
    return problemResponse({
      title: 'Unauthorized',
      status: 401,
      requestId: c.var.requestId,
      detail: 'Sign in to the studio first: this session has ended or never began.',
    });
  };
}
