// `src/node/main.ts` on the given database, with one admin added by the CLI first: the server the studio's Chromium tests sign in to.
import { once } from 'node:events';
import { expect } from 'vitest';
import { spawnScript, waitForLog } from '../helpers/spawn-podwire.ts';
import { runUserAdd } from '../helpers/user-add.ts';
import { freePort } from '../helpers/worker-harness.ts';

export interface StudioServer {
  readonly base: string;
  stop(): Promise<void>;
}

/**
 * Adds `email` as an admin with `podwire user add` (the password on stdin, as an operator types it),
 * then starts the Node server on a free loopback port with `env` (DATABASE_URL…) and waits until it listens.
 */
export async function startStudioServer(
  env: Record<string, string>,
  admin: { email: string; password: string },
): Promise<StudioServer> {
  expect((await runUserAdd([admin.email, '--role', 'admin'], admin.password, env)).code).toBe(0);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawnScript('src/node/main.ts', [], {
    ...env,
    PORT: String(port),
    HOST: '127.0.0.1',
    BASE_URL: base,
  });
  await waitForLog(server, 'podwire listening', 60_000);
  return {
    base,
    stop: async () => {
      server.kill('SIGTERM');
      await once(server, 'exit');
    },
  };
}
