// adminAuth(): every write (and every read of unpublished content) needs `Authorization: Bearer <ADMIN_TOKEN>`.
import type { MiddlewareHandler } from 'hono';
import { OPERATOR } from '../auth/principal.ts';
import type { AppEnv } from '../deps.ts';
import { problemResponse } from './problem.ts';

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

/** Whether the request carries the admin token. False when no token is configured. */
export async function isAdmin(
  authorization: string | undefined,
  token: string | undefined,
): Promise<boolean> {
  if (!token || !authorization) return false;
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization);
  return match !== null && (await constantTimeEqual(match[1] as string, token));
}

/**
 * Guards writes. No token configured: 403 (the write API is off, never open). Missing or wrong
 * token, or another scheme such as Basic: 401 with `WWW-Authenticate: Bearer` (RFC 6750) and a
 * detail saying which. Reads pass; they filter drafts themselves.
 */
export function adminAuth(): MiddlewareHandler<AppEnv> {
  return async function adminAuth(c, next) {
    const token = c.var.deps.config.adminToken;
    const admin = await isAdmin(c.req.header('authorization'), token);
    c.set('admin', admin);
    if (admin) c.set('principal', OPERATOR);
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return next();
    if (!token) {
      return problemResponse({
        title: 'Write API disabled',
        status: 403,
        requestId: c.var.requestId,
        detail:
          'No ADMIN_TOKEN is configured on this server, so the admin API accepts no writes. Set ADMIN_TOKEN and restart.',
      });
    }
    if (!admin) {
      const { detail, error } = whyNotAdmin(c.req.header('authorization'));
      return problemResponse(
        { title: 'Unauthorized', status: 401, requestId: c.var.requestId, detail },
        { 'www-authenticate': `Bearer realm="podwire admin"${error ? `, error="${error}"` : ''}` },
      );
    }
    return next();
  };
}

const HOW = 'send the header Authorization: Bearer <ADMIN_TOKEN>';

/**
 * What is wrong with a request's credentials. RFC 6750 §3: a client that sent none, or used another
 * authentication method (Basic, say), gets no error code; a bearer token that does not match gets
 * `invalid_token`.
 */
function whyNotAdmin(given: string | undefined): { detail: string; error?: string } {
  if (!given) return { detail: `This request needs the header Authorization: Bearer <ADMIN_TOKEN>.` };
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
  if (credentials === undefined)
    return { detail: `The Authorization header has no token after Bearer: ${HOW}.` };
  return { detail: 'The bearer token is not the admin token.', error: 'invalid_token' };
}
