// Helpers for benchmarks that need system tools (nginx, wrk, ffmpeg...): install them as root, find free ports.
import { execFileSync, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';

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

/** Runs wrk and returns requests per second (and the non-2xx/3xx count, which should be 0). */
export function wrk(
  url: string,
  headers: Readonly<Record<string, string>>,
  options = { connections: 64, seconds: 5 },
) {
  const args = ['-t1', `-c${options.connections}`, `-d${options.seconds}s`, '--latency'];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`);
  const out = execFileSync('wrk', [...args, url]).toString();
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0);
  const errors = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  const transfer = /Transfer\/sec:\s+(\S+)/.exec(out)?.[1] ?? '?';
  return { rps, errors, transfer };
}
