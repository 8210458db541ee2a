/** @jsxImportSource hono/jsx */
// The HTML answer to a browser asking for a missing or deleted page: the friendly page, status intact.
import type { Context } from 'hono';
import Negotiator from 'negotiator';
import type { AppEnv } from '../deps.ts';
import { pageSecurityHeaders } from '../http/security-headers.ts';
import { NotFoundView } from '../pages/not-found.tsx';
import { pageContext, renderHtml, siteChrome } from './pages.tsx';

/** True when the client prefers HTML to problem+json: a browser, not an API client or a feed reader. */
export function wantsHtml(c: Context<AppEnv>): boolean {
  const accept = c.req.header('accept');
  if (!accept) return false;
  const preferred = new Negotiator({ headers: { accept } }).mediaType([
    'application/problem+json',
    'text/html',
  ]);
  return preferred === 'text/html';
}

export async function notFoundPage(c: Context<AppEnv>, status: 404 | 410): Promise<Response> {
  const ctx = pageContext(c);
  const chrome = await siteChrome(c, ctx);
  const body = await renderHtml(<NotFoundView chrome={chrome} gone={status === 410} />);
  return new Response(c.req.method === 'HEAD' ? null : body, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-cache',
      ...pageSecurityHeaders({ baseUrl: c.var.deps.config.baseUrl }),
    },
  });
}
