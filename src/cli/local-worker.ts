// The local Worker's state (the D1 and R2 `wrangler dev` uses), for CLI commands: migrate it, open its bindings.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { D1Database, R2Bucket } from '@cloudflare/workers-types';
import { getPlatformProxy } from 'wrangler';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const WRANGLER = fileURLToPath(
  new URL('../../node_modules/wrangler/bin/wrangler.js', import.meta.url),
);

/** The folder given with `--persist-to DIR` or `--persist-to=DIR`, if any. */
export function persistDir(args: readonly string[]): string | undefined {
  for (const [i, arg] of args.entries()) {
    if (arg === '--persist-to') return args[i + 1];
    if (arg.startsWith('--persist-to=')) return arg.slice('--persist-to='.length);
  }
  return undefined;
}

/** Runs wrangler with `args` (its output shown, or hidden with `quiet`); throws if it fails. */
export function wranglerSync(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  options: { quiet?: boolean } = {},
): void {
  const result = spawnSync(process.execPath, [WRANGLER, ...args], {
    cwd: ROOT,
    env,
    stdio: options.quiet ? ['ignore', 'ignore', 'pipe'] : 'inherit',
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    const detail =
      options.quiet && result.stderr ? `: ${result.stderr.trim().split('\n').slice(-3).join(' ')}` : '';
    throw new Error(`wrangler ${args.join(' ')} failed with exit code ${result.status}${detail}`);
  }
}

/** Applies drizzle/ to the local D1 (`wrangler d1 migrations apply DB --local`), as `npm run dev:worker` does. */
export function migrateLocalD1(persistTo: string | undefined, env: NodeJS.ProcessEnv, quiet = false): void {
  wranglerSync(
    ['d1', 'migrations', 'apply', 'DB', '--local', ...(persistTo ? ['--persist-to', persistTo] : [])],
    env,
    { quiet },
  );
}

/**
 * The local Worker's D1 and R2 bindings through wrangler's platform proxy (workerd). Wrangler keeps
 * them in `<persistTo>/v3`, or .wrangler/state/v3 by default. Dispose when done.
 */
export function openLocalWorkerBindings(persistTo: string | undefined) {
  return getPlatformProxy<{ DB: D1Database; MEDIA: R2Bucket }>({
    configPath: `${ROOT}/wrangler.toml`,
    ...(persistTo ? { persist: { path: `${persistTo}/v3` } } : {}),
  });
}
