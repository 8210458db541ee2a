// A fresh local D1 database (workerd, through wrangler's platform proxy), migrated by wrangler from drizzle/.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OFFLINE_WRANGLER_ENV } from '../../src/cli/offline-wrangler.ts';
import type { Database } from '../../src/db/database.ts';
import { createD1Db } from '../../src/worker/d1-db.ts';
import { openLocalBindings } from './platform-proxy.ts';
import { REPO_ROOT } from './spawn-podwire.ts';

export async function openLocalD1(): Promise<{ db: Database; close(): Promise<void> }> {
  const persist = await mkdtemp(join(tmpdir(), 'podwire-d1-'));
  execFileSync(
    process.execPath,
    [
      join(REPO_ROOT, 'node_modules/wrangler/bin/wrangler.js'),
      'd1',
      'migrations',
      'apply',
      'DB',
      '--local',
      '--persist-to',
      persist,
    ],
    { cwd: REPO_ROOT, env: { ...process.env, ...OFFLINE_WRANGLER_ENV }, stdio: 'ignore' },
  );
  const proxy = await openLocalBindings(join(persist, 'v3'));
  return {
    db: createD1Db(proxy.env.DB),
    async close() {
      await proxy.dispose();
      await rm(persist, { recursive: true, force: true });
    },
  };
}
