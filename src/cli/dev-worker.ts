// `npm run dev:worker`: migrate local D1, seed the demo into local D1 and R2, then run `wrangler dev` offline.
import { spawn } from 'node:child_process';
import { seedDemo } from '../catalog/seed.ts';
import { createFsMediaStore } from '../node/fs-media-store.ts';
import { createNodeSha256 } from '../node/node-hash.ts';
import { BUNDLED_MEDIA_DIR } from '../node/server.ts';
import { createD1Db } from '../worker/d1-db.ts';
import { createR2MediaStore } from '../worker/r2-media-store.ts';
import { migrateLocalD1, openLocalWorkerBindings, persistDir, ROOT, WRANGLER } from './local-worker.ts';
import { OFFLINE_WRANGLER_ENV } from './offline-wrangler.ts';

const env = { ...process.env, ...OFFLINE_WRANGLER_ENV };

/** Seeds the demo into the local D1 and R2 that `wrangler dev` uses (wrangler keeps them in `<dir>/v3`). */
async function seedLocalWorker(persistTo?: string): Promise<void> {
  Object.assign(process.env, OFFLINE_WRANGLER_ENV);
  const proxy = await openLocalWorkerBindings(persistTo);
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
  migrateLocalD1(persistTo, env);
  await seedLocalWorker(persistTo);
  const dev = spawn(process.execPath, [WRANGLER, 'dev', ...args], { cwd: ROOT, env, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => dev.kill(signal));
  dev.on('exit', (code) => process.exit(code ?? 0));
}

await main(process.argv.slice(2));
