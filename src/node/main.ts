// The Node entry point (`npm start`): config from the environment, start the server, stop cleanly on signals.
import { parseConfig } from '../config.ts';
import { PodwireError } from '../errors.ts';
import { createLogger } from '../log.ts';
import { createStdoutWriter } from './log-writer.ts';
import { startNodeServer } from './server.ts';

/** Starts podwire from process.env; on a bad setting or database prints one line per problem and exits 1. */
export async function main(): Promise<void> {
  let config: ReturnType<typeof parseConfig>;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    return fail(error);
  }
  const output = createStdoutWriter();
  const log = createLogger({ level: config.logLevel, write: output.write });
  let server: Awaited<ReturnType<typeof startNodeServer>>;
  try {
    server = await startNodeServer(config, log);
  } catch (error) {
    return fail(error);
  }
  log.info('podwire listening', { url: server.url, baseUrl: config.baseUrl });
  if (process.stdout.isTTY || config.logLevel === 'silent') {
    process.stderr.write(`podwire is serving ${config.baseUrl}/ (listening on ${server.url})\n`);
    if (!server.studioHasUsers) {
      process.stderr.write(
        `The studio (${config.baseUrl}/studio) has no users yet: npx podwire user add you@example.com --role admin\n`,
      );
    }
  }
  const stop = (signal: string) => {
    log.info('shutting down', { signal });
    server.close().then(
      () => output.drain().then(() => process.exit(0)),
      () => output.drain().then(() => process.exit(1)),
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

function fail(error: unknown): void {
  if (error instanceof PodwireError) {
    const problems = (error.context.problems as readonly string[] | undefined) ?? [error.message];
    for (const problem of problems) process.stderr.write(`podwire: ${problem}\n`);
  } else {
    process.stderr.write(
      `podwire: could not start: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
  }
  process.exitCode = 1;
}

await main();
