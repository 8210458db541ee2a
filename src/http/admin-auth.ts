// adminAuth(): who calls the API (ADMIN_TOKEN, a user's API token, or a studio session with its CSRF header); writes need someone.
import type { Context, MiddlewareHandler } from 'hono';
import { OPERATOR, type Principal } from '../auth/principal.ts';
import { principalForApiToken, TOKEN_PREFIX } from '../catalog/accounts/api-tokens.ts';
import { hasUsers } from '../catalog/accounts/users.ts';
import type { AppEnv } from '../deps.ts';
import { problemResponse } from './problem.ts';
import { adoptSession, findStudioSession } from './studio-session.ts';

const encoder = new TextEncoder();

/**
 * Compares in time independent of where the strings differ: both sides are hashed first (so the
 * lengths match too), then compared in full.
 */
export async function constantTimeEqual(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([
    crypto.subtle.digest('SHA-256', encoder.encode(a)),
    crypto.subtle.digest('SHA-256', encoder.encode(b)),
  ]);
  const left = new Uint8Array(x);
  const right = new Uint8Array(y);
  let difference = 0;
  for (let i = 0; i < left.length; i++) difference |= (left[i] as number) ^ (right[i] as number);
  return difference === 0;
}

export type Authentication =
  | { readonly kind: 'principal'; readonly principal: Principal; readonly via: 'admin-token' | 'api-token' }
  /** A studio session cookie: writes must also carry its CSRF token in X-CSRF-Token. */
  | {
      readonly kind: 'principal';
      readonly principal: Principal;
      readonly via: 'session';
      readonly csrfToken: string;
    }
  /** Credentials that name nobody: a wrong token, or another scheme (RFC 6750 §3 says which). */
  | { readonly kind: 'refused'; readonly detail: string; readonly error?: string }
  | { readonly kind: 'anonymous' };

/**
 * Who the request comes from. `Authorization: Bearer` with ADMIN_TOKEN is the operator; with a
 * `pw_` token, that token's user at their current role. Without an Authorization header, a valid
 * studio session cookie (same-origin fetches from the studio) is its user.
 */
export async function authenticate(c: Context<AppEnv>): Promise<Authentication> {
  const given = c.req.header('authorization');
  if (given === undefined) {
    const session = await findStudioSession(c);
    if (!session) return { kind: 'anonymous' };
    adoptSession(c, session);
    return {
      kind: 'principal',
      principal: c.var.principal as Principal,
      via: 'session',
      csrfToken: session.csrfToken,
    };
  }
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(given);
  if (!match) return { kind: 'refused', ...whyRefused(given) };
  const token = match[1] as string;
  const { adminToken } = c.var.deps.config;
  if (adminToken && (await constantTimeEqual(token, adminToken))) {
    return { kind: 'principal', principal: OPERATOR, via: 'admin-token' };
  }
  if (token.startsWith(TOKEN_PREFIX)) {
    const { db, now } = c.var.deps;
    const principal = await principalForApiToken({ db, now: now() }, token);
    if (principal) return { kind: 'principal', principal, via: 'api-token' };
  }
  return {
    kind: 'refused',
    detail: 'The bearer token is neither the admin token nor an API token in use (it may have been revoked).',
    error: 'invalid_token',
  };
}

/**
 * Guards the API. Reads pass (they filter drafts themselves: `c.var.admin` is true for anyone
 * signed in). A write needs a principal: missing or wrong credentials get 401 with
 * `WWW-Authenticate: Bearer` (RFC 6750) and a detail saying which; a session cookie without the
 * session's X-CSRF-Token gets 403. With neither ADMIN_TOKEN nor any user, writes are off: 403.
 */
export function adminAuth(): MiddlewareHandler<AppEnv> {
  return async function adminAuth(c, next) {
    const auth = await authenticate(c);
    if (auth.kind === 'principal') c.set('principal', auth.principal);
    c.set('admin', auth.kind === 'principal');
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return next();
    if (auth.kind === 'principal') {
      if (auth.via === 'session') {
        const header = c.req.header('x-csrf-token');
        if (!header || !(await constantTimeEqual(header, auth.csrfToken))) {
          return problemResponse({
            title: 'Forbidden',
            status: 403,
            requestId: c.var.requestId,
            detail:
              'A write with the studio session cookie must send the session’s CSRF token in the X-CSRF-Token header (or use Authorization: Bearer).',
          });
        }
      }
      return next();
    }
    if (!c.var.deps.config.adminToken && !(await hasUsers({ db: c.var.deps.db }))) {
      return problemResponse({
        title: 'Write API disabled',
        status: 403,
        requestId: c.var.requestId,
        detail:
          'No ADMIN_TOKEN is configured on this server and no studio user exists, so the admin API accepts no writes. Set ADMIN_TOKEN and restart, or add a user (podwire user add) and create an API token in the studio.',
      });
    }
    return unauthorized(c, auth);
  };
}

/**
 * For API reads that are never public (listening reports): any signed-in principal may read them,
 * anyone else gets the same 401 as an unauthenticated write. Mount after adminAuth.
 */
export function requirePrincipal(): MiddlewareHandler<AppEnv> {
  return async function requirePrincipal(c, next) {
    if (c.var.principal) return next();
    return unauthorized(c, await authenticate(c));
  };
}

function unauthorized(c: Context<AppEnv>, auth: Awaited<ReturnType<typeof authenticate>>) {
  const { detail, error } =
    auth.kind === 'refused'
      ? auth
      : {
          detail: `This request needs the header Authorization: Bearer <token>: ${HOW}.`,
          error: undefined,
        };
  return problemResponse(
    { title: 'Unauthorized', status: 401, requestId: c.var.requestId, detail },
    { 'www-authenticate': `Bearer realm="podwire admin"${error ? `, error="${error}"` : ''}` },
  );
}

const HOW = 'send the header Authorization: Bearer <ADMIN_TOKEN> (or an API token made in the studio)';

/**
 * What is wrong with an Authorization header that is not a bearer token. RFC 6750 §3: a client
 * that used another authentication method (Basic, say) gets no error code.
 */
function whyRefused(given: string): { detail: string } {
  const [scheme = '', credentials] = given.trim().split(/\s+/, 2);
  if (scheme.toLowerCase() !== 'bearer') {
    // RFC 9110 §11.1: a scheme is a token; anything else is not echoed back.
    const what =
      credentials === undefined
        ? 'The Authorization header names no scheme'
        : /^[\w!#$%&'*+.^`|~-]{1,20}$/.test(scheme)
          ? `${scheme} authentication is not accepted`
          : 'That authentication scheme is not accepted';
    return { detail: `${what}: the admin API takes only bearer tokens; ${HOW}.` };
  }
  return { detail: `The Authorization header has no token after Bearer: ${HOW}.` };
}
