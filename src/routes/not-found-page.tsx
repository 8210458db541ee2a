/** @jsxImportSource hono/jsx */
// The HTML answers to a browser whose request fails (a missing, deleted or malformed address): a friendly page, status intact.
import type { Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import Negotiator from 'negotiator';
import type { AppEnv } from '../deps.ts';
import { pageSecurityHeaders } from '../http/security-headers.ts';
import { BadRequestView } from '../pages/bad-request.tsx';
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

export function notFoundPage(c: Context<AppEnv>, status: 404 | 410): Promise<Response> {
  return htmlErrorPage(c, status, (chrome) => <NotFoundView chrome={chrome} gone={status === 410} />);
}

/** Any other 4xx for a browser (a bad `?page=`, say): the error's detail on a site page, not cached. */
export function badRequestPage(c: Context<AppEnv>, status: number, detail: string): Promise<Response> {
  return htmlErrorPage(
    c,
    status,
    (chrome) => <BadRequestView chrome={chrome} status={status} detail={detail} />,
    {
      cacheControl: 'no-store',
    },
  );
}

async function htmlErrorPage(
  c: Context<AppEnv>,
  status: number,
  view: (chrome: Awaited<ReturnType<typeof siteChrome>>) => JSX.Element,
  options: { cacheControl?: string } = {},
): Promise<Response> {
  const ctx = pageContext(c);
  const body = await renderHtml(view(await siteChrome(c, ctx)));
  return new Response(c.req.method === 'HEAD' ? null : body, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': options.cacheControl ?? 'no-cache',
      ...pageSecurityHeaders({ baseUrl: c.var.deps.config.baseUrl }),
    },
  });
}
