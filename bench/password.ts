// `npm run bench password`: what hashing a password costs (PBKDF2-SHA256, WebCrypto) on Node at each
// runtime's iteration count, and what one studio sign-in costs in the Worker (local workerd, CPU ms).
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  hashPassword,
  NODE_PASSWORD_POLICY,
  type PasswordPolicy,
  verifyPassword,
  WORKER_PASSWORD_POLICY,
} from '../src/auth/password.ts';
import { collect, REPO_ROOT } from '../test/helpers/spawn-podwire.ts';
import { startWorker } from '../test/helpers/worker-harness.ts';
import { processGroupClock } from './cpu-profiler.ts';

const PASSWORD = 'correct horse battery staple';
const ROUNDS = 10;

/** CPU and wall milliseconds per verification on this Node process (one hash each). */
async function onNode(policy: PasswordPolicy): Promise<{ cpu: number; wall: number }> {
  const stored = await hashPassword(PASSWORD, policy);
  await verifyPassword(PASSWORD, stored, policy); // warm-up
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  for (let i = 0; i < ROUNDS; i++) await verifyPassword(PASSWORD, stored, policy);
  const wall = (performance.now() - wall0) / ROUNDS;
  const used = process.cpuUsage(cpu0);
  return { cpu: (used.user + used.system) / 1000 / ROUNDS, wall };
}

/** A user in a fresh local Worker state, added by the CLI as an operator would (`--worker`). */
async function workerStateWithUser(dir: string): Promise<void> {
  const child = spawn(
    process.execPath,
    [
      'src/cli/podwire.js',
      'user',
      'add',
      'bench@example.com',
      '--role',
      'editor',
      '--worker',
      '--persist-to',
      dir,
    ],
    {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  child.stdin?.end(`${PASSWORD}\n`);
  const done = await collect(child, 120_000);
  if (done.code !== 0) throw new Error(`podwire user add --worker failed: ${done.stderr}`);
}

console.log(`\nPBKDF2-SHA256 on Node ${process.version} (WebCrypto), ${ROUNDS} verifications each`);
for (const [label, policy] of [
  ['Node policy, 600,000 iterations', NODE_PASSWORD_POLICY],
  ['Worker policy, 100,000 iterations', WORKER_PASSWORD_POLICY],
] as const) {
  const { cpu, wall } = await onNode(policy);
  console.log(
    `  ${label.padEnd(36)} ${cpu.toFixed(1).padStart(7)} ms CPU  ${wall.toFixed(1).padStart(7)} ms wall`,
  );
}

const state = await mkdtemp(join(tmpdir(), 'podwire-password-bench-'));
try {
  await workerStateWithUser(state);
  const worker = await startWorker(
    { BASE_URL: 'https://news.example', LOG_LEVEL: 'warn' },
    { persist: state },
  );
  try {
    // workerd's CPU from the kernel, every thread (as bench/edge): exact, where V8's sampling profiler
    // counted the time between sparse samples. It includes the local D1 simulator's work.
    const profiler = await processGroupClock(worker.pid, 'workerd');
    const post = (email: string) =>
      worker
        .fetch('/studio/sign-in', {
          method: 'POST',
          headers: { origin: worker.url },
          body: new URLSearchParams({ email, password: PASSWORD }),
          redirect: 'manual',
        })
        .then(async (r) => {
          await r.arrayBuffer();
          return r.status;
        });
    if ((await post('bench@example.com')) !== 303) throw new Error('the bench user could not sign in');
    const perRequest = async (work: (i: number) => Promise<unknown>) => {
      const wall0 = performance.now();
      const cpu = await profiler.cpuOf(async () => {
        for (let i = 0; i < ROUNDS; i++) await work(i);
      });
      return { cpu: cpu / ROUNDS, wall: (performance.now() - wall0) / ROUNDS };
    };
    const signIn = await perRequest(() => post('bench@example.com'));
    // Unknown e-mails (a new one each time, so none is throttled): the dummy hash costs the same.
    const unknown = await perRequest((i) => post(`nobody-${i}@example.com`));
    const page = await perRequest(() => worker.fetch('/studio/sign-in').then((r) => r.arrayBuffer()));
    profiler.close();
    console.log(
      `\nOne studio sign-in in the Worker (local workerd, CPU of its threads from /proc; ${ROUNDS} requests each)`,
    );
    const row = (label: string, m: { cpu: number; wall: number }) =>
      console.log(
        `  ${label.padEnd(36)} ${m.cpu.toFixed(1).padStart(7)} ms CPU  ${m.wall.toFixed(1).padStart(7)} ms wall`,
      );
    row('sign-in, right password (100,000)', signIn);
    row('sign-in, unknown e-mail (dummy hash)', unknown);
    row('the sign-in page (no hashing)', page);
  } finally {
    await worker.dispose();
  }
} finally {
  await rm(state, { recursive: true, force: true });
}
