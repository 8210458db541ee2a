// Helpers for benchmarks that need system tools (nginx, wrk, ffmpeg...): install them as root, find free ports.
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { SERVER_NODE_FLAGS } from '../src/cli/serve-command.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Installs missing Debian packages when running as root; otherwise says what to install. */
export function ensureTools(commands: Readonly<Record<string, string>>): void {
  const missing = Object.entries(commands).filter(([command]) => spawnSync('which', [command]).status !== 0);
  if (missing.length === 0) return;
  const packages = [...new Set(missing.map(([, pkg]) => pkg))];
  if (process.getuid?.() !== 0) throw new Error(`this bench needs: apt-get install ${packages.join(' ')}`);
  console.log(`installing ${packages.join(', ')} with apt-get ...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'ignore', env });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Runs wrk and returns requests per second (and the non-2xx/3xx count, which should be 0); `script`
 * is a wrk Lua script (a `request` function that varies each request, say).
 */
export function wrk(
  url: string,
  headers: Readonly<Record<string, string>>,
  options: { connections: number; seconds: number; script?: string } = { connections: 64, seconds: 5 },
) {
  const args = ['-t1', `-c${options.connections}`, `-d${options.seconds}s`, '--latency'];
  if (options.script) args.push('-s', options.script);
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`);
  const out = execFileSync('wrk', [...args, url]).toString();
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0);
  const requests = Number(/(\d+) requests in /.exec(out)?.[1] ?? 0);
  const errors = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  const transfer = /Transfer\/sec:\s+(\S+)/.exec(out)?.[1] ?? '?';
  const socketErrors = /Socket errors: (.*)/.exec(out)?.[1];
  return { rps, requests, errors, transfer, socketErrors };
}

/** Resolves once `url` answers 2xx (HEAD or GET); throws after 30 s. */
export async function waitFor(url: string, method: 'GET' | 'HEAD' = 'GET'): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const ok = await fetch(url, { method }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer`);
}

/**
 * `npm start`'s server (src/node/main.ts with its V8 flags, or BENCH_NODE_FLAGS) on a free loopback
 * port, with `env` added to a bare environment; resolves once `readyPath` answers. Its log (stdout) goes
 * to `stdout` (a stream with a file descriptor, such as a pipe into another process, or an open file
 * descriptor), or nowhere.
 */
export async function startServer(
  env: Readonly<Record<string, string>>,
  options: {
    extraFlags?: readonly string[];
    readyPath?: string;
    readyMethod?: 'GET' | 'HEAD';
    stdout?: Writable | number;
  } = {},
): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const flags = process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? SERVER_NODE_FLAGS;
  const child = spawn(
    process.execPath,
    [...flags, ...(options.extraFlags ?? []), '--import', 'tsx', 'src/node/main.ts'],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH, PORT: String(port), HOST: '127.0.0.1', ...env },
      stdio: ['ignore', options.stdout ?? 'ignore', 'inherit'],
    },
  );
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${base}${options.readyPath ?? '/healthz'}`, options.readyMethod);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return { child, base };
}

/**
 * nginx with one worker (daemon off, logs and pid under `dir`), `http` settings and one `server`
 * block listening on a free loopback port (`{port}` in `server` is replaced); resolves once
 * `readyPath` answers. `accessLog` is added to the access_log directive (`combined buffer=64k`
 * buffers lines as production servers do; by default each line is written at once).
 */
export async function startNginx(
  dir: string,
  options: { http: string; server: string; readyPath: string; accessLog?: string },
): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const config = `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log ${dir}/nginx-access.log${options.accessLog ? ` ${options.accessLog}` : ''};
  sendfile on;
${options.http}
  server {
    listen 127.0.0.1:${port};
${options.server}
  }
}
`;
  await writeFile(join(dir, 'nginx.conf'), config);
  const child = spawn('nginx', ['-c', join(dir, 'nginx.conf'), '-p', dir], { stdio: 'inherit' });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${base}${options.readyPath}`, 'HEAD');
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return { child, base };
}

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString()) || 100;

/** CPU seconds (user and system) that process `pid` has used so far, from /proc (Linux). */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** The ids of `pid`'s child processes (nginx's worker under its master, say). */
export function childPids(pid: number): number[] {
  const out = spawnSync('pgrep', ['-P', String(pid)]).stdout.toString();
  return out.split('\n').filter(Boolean).map(Number);
}
