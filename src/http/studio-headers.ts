// studioHeaders(): every studio answer is private and never stored (Cache-Control: no-store) and carries the pages' security headers.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../deps.ts';
import { pageSecurityHeaders } from './security-headers.ts';

/**
 * After the handler: `Cache-Control: no-store` (pages show drafts and a CSRF token: no cache,
 * shared or not, may keep them, RFC 9111 §5.2.2.5) and the CSP and other headers of the public
 * pages (script and style from this site only; no framing).
 */
export function studioHeaders(): MiddlewareHandler<AppEnv> {
  return async function studioHeaders(c, next) {
    await next();
    const headers = pageSecurityHeaders({ baseUrl: c.var.deps.config.baseUrl });
    for (const [name, value] of Object.entries(headers)) {
      if (!c.res.headers.has(name)) c.res.headers.set(name, value);
    }
    c.res.headers.set('cache-control', 'no-store');
  };
}
