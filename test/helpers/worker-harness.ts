// The real Worker under `wrangler dev` (workerd, local D1 and R2), migrated with wrangler and seeded like production.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemo } from '../../src/catalog/seed.ts';
import { OFFLINE_WRANGLER_ENV } from '../../src/cli/offline-wrangler.ts';
import { createFsMediaStore } from '../../src/node/fs-media-store.ts';
import { createNodeSha256 } from '../../src/node/node-hash.ts';
import { BUNDLED_MEDIA_DIR } from '../../src/node/server.ts';
import { createD1Db } from '../../src/worker/d1-db.ts';
import { createR2MediaStore } from '../../src/worker/r2-media-store.ts';
import { DEMO_NOW } from './demo-app.ts';
import { openLocalBindings } from './platform-proxy.ts';
import { REPO_ROOT } from './spawn-podwire.ts';

export const WRANGLER = join(REPO_ROOT, 'node_modules/wrangler/bin/wrangler.js');
const env = () => ({ ...process.env, ...OFFLINE_WRANGLER_ENV });

export interface WorkerHarness {
  /** Where `wrangler dev` listens, such as http://127.0.0.1:43210 */
  readonly url: string;
  /**
   * With `userWorker`: the socket of the workerd process that runs the Worker itself, behind
   * wrangler's dev-only proxy (a Durable Object that forwards each request to it).
   */
  readonly userWorkerUrl?: string;
  /** The local state folder (D1, R2, Cache API). */
  readonly persist: string;
  /** wrangler's process id, which leads the process group its workerd runs in (bench/edge reads their CPU). */
  readonly pid: number;
  fetch(path: string, init?: RequestInit): Promise<Response>;
  dispose(): Promise<void>;
}

/** Process groups of the `wrangler dev` runs still up: killed when the test process exits, however it ends. */
const running = new Set<number>();
process.once('exit', () => {
  for (const pgid of running) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

/** Ports handed out by this process so far (each is tried once). */
let handedOut = 0;

/**
 * A free TCP port on loopback, from a block of 1000 below the kernel's ephemeral range (32768+) that
 * belongs to this Vitest worker slot (VITEST_POOL_ID). A port taken with listen(0) and closed again
 * could be handed by the kernel to anyone's next listen(0) (workerd binds several such sockets as it
 * starts) before wrangler binds it: seen as "Address already in use" with four test files at once.
 */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  const slot = Number(process.env.VITEST_POOL_ID ?? '0') % 12;
  const base = 20_000 + slot * 1000;
  if (handedOut === 0) handedOut = Math.floor(Math.random() * 500); // files in one slot take turns
  for (let tries = 0; tries < 1000; tries++) {
    const port = base + (handedOut++ % 1000);
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${base}-${base + 999}`);
}

/**
 * Applies drizzle/ with `wrangler d1 migrations apply --local` (as operators do), seeds the demo
 * into the local D1 and R2 through wrangler's platform proxy with the same code the Node side uses,
 * then starts `wrangler dev` with `vars` on a free loopback port.
 */
export interface StartOptions {
  /** Seed the demo (default true). */
  readonly seed?: boolean;
  /** Reuse this local state folder (D1, R2, Cache API) instead of a new one; it is then kept on dispose. */
  readonly persist?: string;
  /** Keep a new state folder on dispose (to start again on it). */
  readonly keepState?: boolean;
  /** Receives each line the Worker logs (its JSON log lines among them). */
  readonly onLog?: (line: string) => void;
  /** Open the DevTools inspector on this port (bench/edge profiles the Worker's CPU through it). */
  readonly inspectorPort?: number;
  /** Listen on this port (from freePort()), so that BASE_URL can name the Worker itself. */
  readonly port?: number;
  /**
   * Find the Worker's own workerd socket (userWorkerUrl), which wrangler only names in its debug
   * log. wrangler's proxy reads a response from the Worker as fast as it comes, whatever its client
   * takes; a test of what the Worker hands to a slow connection talks to that socket instead.
   */
  readonly userWorker?: boolean;
  /** Expose the scheduled handler at `/__scheduled` (wrangler dev --test-scheduled). */
  readonly testScheduled?: boolean;
  /** Another Worker's wrangler.toml (bench/edge's reference Worker), over the same local state. */
  readonly config?: string;
}

/** wrangler's debug line that tells its proxy where the Worker listens. */
const USER_WORKER_URL = /"userWorkerUrl":\{"protocol":"(https?:)","hostname":"([^"]+)","port":"(\d+)"\}/;

/**
 * Makes `persist` a local Worker state as an operator would: drizzle/ applied with `wrangler d1
 * migrations apply --local`, then (with `seed`) the demo written to its D1 and R2 through wrangler's
 * platform proxy, by the same code the Node side uses.
 */
export async function prepareWorkerState(persist: string, options: { seed: boolean }): Promise<void> {
  execFileSync(
    process.execPath,
    [WRANGLER, 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persist],
    { cwd: REPO_ROOT, env: env(), stdio: 'ignore' },
  );
  if (!options.seed) return;
  const proxy = await openLocalBindings(join(persist, 'v3'));
  try {
    await seedDemo({
      db: createD1Db(proxy.env.DB),
      media: createR2MediaStore(proxy.env.MEDIA, { createHash: createNodeSha256 }),
      demoSource: await createFsMediaStore({ root: BUNDLED_MEDIA_DIR }),
      now: () => DEMO_NOW,
    });
  } finally {
    await proxy.dispose();
  }
}

/** workerd lost a race for a port another process took between wrangler choosing it and binding it. */
class PortTakenError extends Error {}

export async function startWorker(
  vars: Record<string, string>,
  options: StartOptions = {},
): Promise<WorkerHarness> {
  const persist = options.persist ?? (await mkdtemp(join(tmpdir(), 'podwire-workerd-')));
  if (!options.persist) await prepareWorkerState(persist, { seed: options.seed !== false });
  // wrangler picks free ports for workerd's inner sockets and workerd binds them later: with several
  // Workers starting at once, another can take one in between. That start is tried again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(vars, options, persist);
    } catch (error) {
      if (!(error instanceof PortTakenError) || attempt === 3) throw error;
    }
  }
}

async function startOnce(
  vars: Record<string, string>,
  options: StartOptions,
  persist: string,
): Promise<WorkerHarness> {
  const port = options.port ?? (await freePort());
  const args = [
    WRANGLER,
    'dev',
    '--port',
    String(port),
    '--ip',
    '127.0.0.1',
    '--persist-to',
    persist,
    '--log-level',
    options.userWorker ? 'debug' : 'log',
  ];
  if (options.inspectorPort !== undefined) args.push('--inspector-port', String(options.inspectorPort));
  if (options.testScheduled) args.push('--test-scheduled');
  if (options.config) args.push('--config', options.config);
  for (const [name, value] of Object.entries(vars)) args.push('--var', `${name}:${value}`);
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: env(),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so workerd goes with it
  });
  running.add(child.pid as number);
  let pending = '';
  let userWorkerUrl: string | undefined;
  const findUserWorker = (text: string) => {
    const found = USER_WORKER_URL.exec(text);
    if (found) userWorkerUrl = `${found[1]}//${found[2]}:${found[3]}`;
  };
  child.stdout?.on('data', (d) => {
    pending += d;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (options.userWorker) findUserWorker(line);
      options.onLog?.(line);
    }
  });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += d;
    if (options.userWorker) findUserWorker(stderr.slice(-4096));
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 150_000;
  for (;;) {
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok && (!options.userWorker || userWorkerUrl)) break;
    if (Date.now() > deadline || child.exitCode !== null) {
      process.kill(-(child.pid as number), 'SIGKILL');
      running.delete(child.pid as number);
      // The inner sockets ("direct:…") are always wrangler's choice; the main one only without options.port.
      if (
        /Address already in use \(socket "direct/.test(stderr) ||
        (/Address already in use/.test(stderr) && options.port === undefined)
      )
        throw new PortTakenError(stderr);
      throw new Error(`wrangler dev did not start: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    userWorkerUrl,
    persist,
    pid: child.pid as number,
    fetch: (path, init) => fetch(`${url}${path}`, init),
    async dispose() {
      try {
        process.kill(-(child.pid as number), 'SIGTERM');
      } catch {
        // already gone
      }
      await new Promise((r) => setTimeout(r, 300));
      try {
        process.kill(-(child.pid as number), 'SIGKILL');
      } catch {
        // already gone
      }
      running.delete(child.pid as number);
      if (!options.persist && !options.keepState) await rm(persist, { recursive: true, force: true });
    },
  };
}
