// Two `npm start` servers in one Node process, ANALYTICS=on and off, each with its own demo database and media folder.
// Run by bench/analytics.ts: one process (one JIT, one heap, one scheduling fate) serves both, so per-process luck
// does not pass for the cost of counting. Prints {"on": url, "off": url} once both listen; SIGTERM closes both.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { type RunningServer, startNodeServer } from '../../src/node/server.ts';

const dir = process.argv[2] as string;
/** ANALYTICS_CONTROL=1: "on" runs with analytics off too (an A/A run). */
const modes = { on: process.env.ANALYTICS_CONTROL ? 'off' : 'on', off: 'off' } as const;
const log = createLogger({ level: 'warn', write: (line) => process.stderr.write(`${line}\n`) });
const servers: RunningServer[] = [];
const urls: Record<string, string> = {};
for (const [name, analytics] of Object.entries(modes)) {
  const media = join(dir, `media-${name}`);
  await mkdir(media, { recursive: true });
  const config = parseConfig({
    DATABASE_URL: `file:${join(dir, `${name}.db`)}`,
    MEDIA_DIR: media,
    SEED_DEMO: 'true',
    LOG_LEVEL: 'warn',
    ANALYTICS: analytics,
    TRUST_PROXY: 'true',
    HOST: '127.0.0.1',
    PORT: '0',
  });
  const server = await startNodeServer(config, log);
  servers.push(server);
  urls[name] = `http://127.0.0.1:${server.port}`;
}
process.stdout.write(`${JSON.stringify(urls)}\n`);
process.once('SIGTERM', () => {
  // Closing flushes each recorder: the bench then counts the stored events.
  Promise.all(servers.map((s) => s.close(1000))).then(() => process.exit(0));
});
