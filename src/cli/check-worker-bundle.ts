// `npm run check:worker`: build the Worker offline (`wrangler deploy --dry-run`) and check its gzip size.
import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { OFFLINE_WRANGLER_ENV } from './offline-wrangler.ts';

/** The Workers Free plan's limit on a Worker's compressed size. */
export const FREE_PLAN_LIMIT_BYTES = 3 * 1024 * 1024;

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = join(ROOT, 'dist', 'worker');

execFileSync(
  process.execPath,
  [join(ROOT, 'node_modules/wrangler/bin/wrangler.js'), 'deploy', '--dry-run', '--outdir', OUT],
  {
    cwd: ROOT,
    env: { ...process.env, ...OFFLINE_WRANGLER_ENV },
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
let raw = 0;
let gzipped = 0;
for (const file of await readdir(OUT)) {
  if (file.endsWith('.map') || file.endsWith('.md')) continue;
  const bytes = await readFile(join(OUT, file));
  raw += bytes.byteLength;
  gzipped += gzipSync(bytes, { level: 9 }).byteLength;
}
const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
process.stdout.write(
  `worker bundle: ${kib(raw)}, ${kib(gzipped)} gzip (Free plan limit ${kib(FREE_PLAN_LIMIT_BYTES)})\n`,
);
if (gzipped > FREE_PLAN_LIMIT_BYTES) {
  process.stderr.write('podwire: the worker bundle is over the Free plan limit\n');
  process.exitCode = 1;
}
