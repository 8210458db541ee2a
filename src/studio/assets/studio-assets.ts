// The studio's stylesheet and script under content-hashed URLs below /studio/assets/.
import { shortHash } from '../../http/short-hash.ts';
import type { StaticAsset } from '../../pages/assets/site-assets.ts';
import { LISTENING_CSS } from './listening-css.ts';
import { SCREENS_CSS } from './screens-css.ts';
import { STUDIO_CSS } from './studio-css.ts';
import { STUDIO_JS } from './studio-js.ts';

function asset(name: string, extension: string, contentType: string, body: string): StaticAsset {
  const hash = shortHash(body);
  return { path: `/studio/assets/${name}.${hash}.${extension}`, contentType, body, etag: `"${hash}"` };
}

/** Every studio asset; the layout links each by its `path` (prefix it with BASE_URL's path). */
export const STUDIO_ASSETS = {
  css: asset('studio', 'css', 'text/css; charset=utf-8', `${STUDIO_CSS}${SCREENS_CSS}${LISTENING_CSS}`),
  js: asset('studio', 'js', 'text/javascript; charset=utf-8', STUDIO_JS),
} as const;

const BY_PATH = new Map<string, StaticAsset>(Object.values(STUDIO_ASSETS).map((a) => [a.path, a]));

/** The asset at `path` (as requested, below /studio/assets/), if any. */
export function findStudioAsset(path: string): StaticAsset | undefined {
  return BY_PATH.get(path);
}
