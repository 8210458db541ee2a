// `podwire serve`: run the server exactly as `npm start` does, V8 flags included, in a child process.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ValidationError } from '../errors.ts';

/**
 * V8 flags the server runs with. A 1 MB young generation suits streaming media, which allocates
 * many short-lived 64 KB chunks: dead chunks wait for the next young collection, so the smaller the
 * young generation, the fewer of them at once. Measured in bench/media-serve (see README): memory
 * grew 16–22 MB instead of 29–38 MB with 2 MB, at the same throughput and the same hot-feed speed.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=1'];

const MAIN = fileURLToPath(new URL('../node/main.ts', import.meta.url));

export function runServe(args: readonly string[]): Promise<number> {
  if (args.length > 0)
    throw new ValidationError(
      `serve takes no arguments (got ${args.join(' ')}); settings come from the environment`,
    );
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--import', 'tsx', MAIN], {
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}
