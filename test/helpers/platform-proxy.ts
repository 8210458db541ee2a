// Local D1 and R2 bindings from wrangler's platform proxy (Miniflare/workerd), persisted in a temp folder.
import type { D1Database, R2Bucket } from '@cloudflare/workers-types';
import { getPlatformProxy } from 'wrangler';
import { OFFLINE_WRANGLER_ENV } from '../../src/cli/offline-wrangler.ts';
import { REPO_ROOT } from './spawn-podwire.ts';

export interface LocalBindings {
  readonly DB: D1Database;
  readonly MEDIA: R2Bucket;
}

/** Starts workerd with the bindings of wrangler.toml, state kept under `dir`. Dispose when done. */
export async function openLocalBindings(dir: string) {
  Object.assign(process.env, OFFLINE_WRANGLER_ENV);
  return getPlatformProxy<LocalBindings>({
    configPath: `${REPO_ROOT}/wrangler.toml`,
    persist: { path: dir },
  });
}
