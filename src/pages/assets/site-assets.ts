// The stylesheet and script under content-hashed URLs: cached for a year, renamed when they change.
import { shortHash } from '../../http/short-hash.ts';
import { PLAYER_JS } from './player-js.ts';
import { SITE_CSS } from './site-css.ts';

export interface StaticAsset {
  /** Path under the site root, such as `/assets/site.0123456789abcdef.css`. */
  readonly path: string;
  readonly contentType: string;
  readonly body: string;
  readonly etag: string;
}

function asset(name: string, extension: string, contentType: string, body: string): StaticAsset {
  const hash = shortHash(body);
  return { path: `/assets/${name}.${hash}.${extension}`, contentType, body, etag: `"${hash}"` };
}

export const SITE_ASSETS = {
  css: asset('site', 'css', 'text/css; charset=utf-8', SITE_CSS),
  js: asset('player', 'js', 'text/javascript; charset=utf-8', PLAYER_JS),
} as const;

const BY_PATH = new Map<string, StaticAsset>(Object.values(SITE_ASSETS).map((a) => [a.path, a]));

export function findSiteAsset(path: string): StaticAsset | undefined {
  return BY_PATH.get(path);
}
