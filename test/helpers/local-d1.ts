// A fresh local D1 database (workerd, through wrangler's platform proxy), migrated by wrangler from drizzle/ (once per file, then copied).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OFFLINE_WRANGLER_ENV } from '../../src/cli/offline-wrangler.ts';
import type { Database } from '../../src/db/database.ts';
import { createD1Db } from '../../src/worker/d1-db.ts';
import { openLocalBindings } from './platform-proxy.ts';
import { REPO_ROOT } from './spawn-podwire.ts';

/** The migrated state, made once per test file (wrangler's migration run takes seconds) and copied for each database. */
let migrated: Promise<string> | undefined;

function migratedState(): Promise<string> {
  migrated ??= (async () => {
    const template = await mkdtemp(join(tmpdir(), 'podwire-d1-template-'));
    process.once('exit', () => rmSync(template, { recursive: true, force: true }));
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
        template,
      ],
      { cwd: REPO_ROOT, env: { ...process.env, ...OFFLINE_WRANGLER_ENV }, stdio: 'ignore' },
    );
    return template;
  })();
  return migrated;
}

export async function openLocalD1(): Promise<{ db: Database; close(): Promise<void> }> {
  const persist = await mkdtemp(join(tmpdir(), 'podwire-d1-'));
  await cp(await migratedState(), persist, { recursive: true });
  const proxy = await openLocalBindings(join(persist, 'v3'));
  return {
    db: createD1Db(proxy.env.DB),
    async close() {
      await proxy.dispose();
      await rm(persist, { recursive: true, force: true });
    },
  };
}
