// `podwire user add …` run as an operator runs it (src/cli/podwire.js, the password typed on stdin): how tests make their first user.
import { spawn } from 'node:child_process';
import { collect, type Finished, REPO_ROOT } from './spawn-podwire.ts';

/**
 * Runs `podwire user add ...args` with only PATH, HOME and `env` set, writes `password` and a newline
 * to its stdin, and collects its output (killed after `timeoutMs`).
 */
export function runUserAdd(
  args: readonly string[],
  password: string,
  env: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<Finished> {
  const child = spawn(process.execPath, ['src/cli/podwire.js', 'user', 'add', ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin?.end(`${password}\n`);
  return collect(child, timeoutMs);
}
