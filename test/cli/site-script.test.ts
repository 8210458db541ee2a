import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildSiteScript, SITE_SCRIPT_MODULE } from '../../src/cli/site-script.ts';
import { PLAYER_JS } from '../../src/pages/assets/player-js.ts';
import { REPO_ROOT } from '../helpers/spawn-podwire.ts';

describe('the site script', () => {
  it('is committed exactly as `npm run build:site-assets` builds it from src/site-client', async () => {
    const committed = await readFile(join(REPO_ROOT, SITE_SCRIPT_MODULE), 'utf8');
    // Rebuild it when this fails: npm run build:site-assets
    expect(await buildSiteScript()).toBe(committed);
  });
});

describe('the README on the site script', () => {
  it('states its size truly (minified and gzipped, to a tenth of a kilobyte)', async () => {
    const readme = await readFile(join(REPO_ROOT, 'README.md'), 'utf8');
    const stated = /`\/assets\/player\.<hash>\.js`, (\d+\.\d) KB minified, (\d+\.\d) KB gzipped/.exec(readme);
    expect(stated, 'the README names the size of /assets/player.<hash>.js').not.toBeNull();
    const bytes = new TextEncoder().encode(PLAYER_JS);
    const kb = (n: number) => (Math.round(n / 100) / 10).toFixed(1);
    // Update the README's "Web pages" section when this fails.
    expect([stated?.[1], stated?.[2]]).toEqual([kb(bytes.length), kb(gzipSync(bytes).length)]);
  });
});
