// The two servers the studio suite drives: `npm start` (Node) and `npm run dev:worker` (workerd), each on fresh state, with a way to add a user.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/spawn-podwire.ts';
import { freePort } from '../helpers/worker-harness.ts';

export interface StudioTarget {
  readonly name: 'node' | 'worker';
  readonly base: string;
  /** `npx podwire user add EMAIL --role ROLE`, the password on stdin, as an operator types it. */
  addUser(email: string, role: string, password: string): Promise<void>;
  stop(): Promise<void>;
}

/** Largest upload both targets accept: the suite sends 150 MB. */
const MAX_UPLOAD_BYTES = String(400 * 1024 * 1024);

const baseEnv = () => ({ PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR });

/** Runs `npx podwire ...args` with `input` on stdin; rejects with its output when it fails. */
async function podwire(args: string[], input: string, env: Record<string, string | undefined>) {
  const child = spawn('npx', ['podwire', ...args], {
    cwd: REPO_ROOT,
    env: { ...baseEnv(), ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  child.stdin.end(input);
  const [code] = await once(child, 'close');
  if (code !== 0) throw new Error(`podwire ${args.join(' ')} exited with ${code}: ${output}`);
}

async function waitUntilHealthy(base: string, child: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; ; i++) {
    const ok = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (i > 600 || child.exitCode !== null) throw new Error(`server did not start:\n${log()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Stops a process group started with `detached: true` and waits for it to go. */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || !child.pid) return;
  const exited = once(child, 'exit');
  process.kill(-child.pid, 'SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
}

/** `npm start` on a fresh database and media folder, with the demo seeded. */
export async function startNodeTarget(dir: string): Promise<StudioTarget> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const media = join(dir, 'media');
  await mkdir(media, { recursive: true });
  const env = {
    DATABASE_URL: `file:${join(dir, 'podwire.db')}`,
    MEDIA_DIR: media,
    PORT: String(port),
    HOST: '127.0.0.1',
    BASE_URL: base,
    MAX_UPLOAD_BYTES,
    LOG_LEVEL: 'warn',
  };
  const child = spawn('npm', ['start'], {
    cwd: REPO_ROOT,
    env: { ...baseEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  await waitUntilHealthy(base, child, () => output);
  return {
    name: 'node',
    base,
    addUser: (email, role, password) => podwire(['user', 'add', email, '--role', role], `${password}\n`, env),
    stop: () => stopGroup(child),
  };
}

/** `npm run dev:worker` on fresh local D1 and R2 (migrated and seeded by the script itself). */
export async function startWorkerTarget(dir: string): Promise<StudioTarget> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const state = join(dir, 'wrangler');
  const child = spawn(
    'npm',
    [
      'run',
      'dev:worker',
      '--',
      '--port',
      String(port),
      '--ip',
      '127.0.0.1',
      '--persist-to',
      state,
      '--var',
      `BASE_URL:${base}`,
      '--var',
      `MAX_UPLOAD_BYTES:${MAX_UPLOAD_BYTES}`,
    ],
    { cwd: REPO_ROOT, env: baseEnv(), stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  await waitUntilHealthy(base, child, () => output);
  return {
    name: 'worker',
    base,
    addUser: (email, role, password) =>
      podwire(['user', 'add', email, '--role', role, '--worker', '--persist-to', state], `${password}\n`, {}),
    stop: () => stopGroup(child),
  };
}
