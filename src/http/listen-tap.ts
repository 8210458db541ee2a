// openListenTap(c, ...): the listening facts of a media request (client, User-Agent, Referer, country) for beginListen.
import type { Context } from 'hono';
import { beginListen, type ListenTap } from '../catalog/analytics/begin-listen.ts';
import type { MediaAsset } from '../catalog/media-access.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { clientAddress } from './client-address.ts';

export type { ListenTap };

/** Longer Referer paths are not attributed. */
const MAX_SOURCE = 300;

/**
 * The tap counting what this response delivers, when analytics is on and the request may count
 * as listening (see beginListen); undefined otherwise.
 */
export async function openListenTap(
  c: Context<AppEnv>,
  asset: MediaAsset,
  isPublic: boolean,
  catalogTag: string,
): Promise<ListenTap | undefined> {
  // c.get, not c.var: Hono copies every variable into a new object on each c.var.
  const deps = c.get('deps');
  const { listens, db, now, config, log } = deps;
  if (!listens || !config.analytics) return undefined;
  return beginListen(
    {
      db,
      sink: listens,
      log,
      memo: c.get('runtime').memo,
      catalogTag,
      // Not asked where a timer writes the events (Node): there Hono's getter throws, with a stack trace.
      waitUntil: listens.flushedOnTimer ? undefined : waitUntilOf(c),
    },
    {
      asset,
      isPublic,
      method: c.req.method,
      userAgent: (c.req.header('user-agent') ?? '').trim(),
      address: clientAddress(c),
      source: sourceOf(c.req.header('referer'), config.baseUrl),
      country: countryOf(c, deps),
      at: now(),
    },
  );
}

/** ISO 3166-1 alpha-2 from the runtime (Workers: request.cf.country); '' when unknown. */
function countryOf(c: Context<AppEnv>, deps: AppDeps): string {
  const country = deps.requestCountry?.(c);
  return country && /^[A-Z]{2}$/.test(country) ? country : '';
}

/**
 * The page that played the file: a path on this site from the Referer (web players on article,
 * episode and embed pages), another site's origin, or '' (podcast apps send no Referer).
 */
export function sourceOf(referer: string | undefined, baseUrl: string): string {
  if (!referer || !URL.canParse(referer)) return '';
  const url = new URL(referer);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return '';
  const base = new URL(baseUrl);
  if (url.origin !== base.origin) return url.origin;
  // Paths are kept relative to BASE_URL's own path, as the site's routes see them.
  const prefix = base.pathname.replace(/\/$/, '');
  const path =
    prefix && url.pathname.startsWith(`${prefix}/`) ? url.pathname.slice(prefix.length) : url.pathname;
  return path.length <= MAX_SOURCE ? path : '';
}

/** The runtime's waitUntil (Workers), or undefined where there is no execution context (Node). */
export function waitUntilOf(c: Context<AppEnv>): ((promise: Promise<unknown>) => void) | undefined {
  try {
    const context = c.executionCtx;
    return (promise) => context.waitUntil(promise);
  } catch {
    // Node: no execution context; the recorder's timer writes the events.
    return undefined;
  }
}
