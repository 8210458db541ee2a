// `npm run dev:worker`: migrate local D1, seed the demo into local D1 and R2, then run `wrangler dev` offline.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { D1Database, R2Bucket } from '@cloudflare/workers-types';
import { getPlatformProxy } from 'wrangler';
import { seedDemo } from '../catalog/seed.ts';
import { createFsMediaStore } from '../node/fs-media-store.ts';
import { createNodeSha256 } from '../node/node-hash.ts';
import { BUNDLED_MEDIA_DIR } from '../node/server.ts';
import { createD1Db } from '../worker/d1-db.ts';
import { createR2MediaStore } from '../worker/r2-media-store.ts';
import { OFFLINE_WRANGLER_ENV } from './offline-wrangler.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WRANGLER = fileURLToPath(new URL('../../node_modules/wrangler/bin/wrangler.js', import.meta.url));

const env = { ...process.env, ...OFFLINE_WRANGLER_ENV };

function wranglerSync(args: string[]): void {
  const result = spawnSync(process.execPath, [WRANGLER, ...args], { cwd: ROOT, env, stdio: 'inherit' });
  if (result.status !== 0)
    throw new Error(`wrangler ${args.join(' ')} failed with exit code ${result.status}`);
}

/** The folder given with `--persist-to DIR` or `--persist-to=DIR`, if any. */
function persistDir(args: readonly string[]): string | undefined {
  for (const [i, arg] of args.entries()) {
    if (arg === '--persist-to') return args[i + 1];
    if (arg.startsWith('--persist-to=')) return arg.slice('--persist-to='.length);
  }
  return undefined;
}

/** Seeds the demo into the local D1 and R2 that `wrangler dev` uses (wrangler keeps them in `<dir>/v3`). */
async function seedLocalWorker(persistTo?: string): Promise<void> {
  Object.assign(process.env, OFFLINE_WRANGLER_ENV);
  const proxy = await getPlatformProxy<{ DB: D1Database; MEDIA: R2Bucket }>({
    configPath: `${ROOT}/wrangler.toml`,
    ...(persistTo ? { persist: { path: `${persistTo}/v3` } } : {}),
  });
  try {
    const report = await seedDemo({
      db: createD1Db(proxy.env.DB),
      media: createR2MediaStore(proxy.env.MEDIA, { createHash: createNodeSha256 }),
      demoSource: await createFsMediaStore({ root: BUNDLED_MEDIA_DIR }),
      now: () => new Date(),
    });
    process.stdout.write(`local D1/R2 demo seed: ${JSON.stringify(report)}\n`);
  } finally {
    await proxy.dispose();
  }
}

async function main(args: string[]): Promise<void> {
  const persistTo = persistDir(args);
  wranglerSync([
    'd1',
    'migrations',
    'apply',
    'DB',
    '--local',
    ...(persistTo ? ['--persist-to', persistTo] : []),
  ]);
  await seedLocalWorker(persistTo);
  const dev = spawn(process.execPath, [WRANGLER, 'dev', ...args], { cwd: ROOT, env, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => dev.kill(signal));
  dev.on('exit', (code) => process.exit(code ?? 0));
}

await main(process.argv.slice(2));
