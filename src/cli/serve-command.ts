// `podwire serve`: run the server exactly as `npm start` does, V8 flags included, in a child process.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ValidationError } from '../errors.ts';

/**
 * V8 flags the server runs with. A 2 MB young generation suits streaming media, which allocates
 * many short-lived chunks: measured in bench/media-serve, it halves the memory a burst of
 * downloads adds and raises throughput (see README).
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=2'];

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
