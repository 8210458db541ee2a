// `npm run bench`: runs every bench script in this folder (or those named on the command line), one process each;
// arguments starting with -- go to every script (`npm run bench load -- --soak`).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const helpers = new Set(['run.ts', 'measure.ts', 'tools.ts', 'raw-node-server.ts']);
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const scripts = readdirSync(here)
  .filter((f) => (f.endsWith('.ts') || f.endsWith('.tsx')) && !helpers.has(f))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();
let failed = 0;
for (const script of scripts) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', `${here}${script}`, ...flags], {
    stdio: 'inherit',
  });
  if (result.status !== 0) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;
