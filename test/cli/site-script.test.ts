import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSiteScript, SITE_SCRIPT_MODULE } from '../../src/cli/site-script.ts';
import { REPO_ROOT } from '../helpers/spawn-podwire.ts';

describe('the site script', () => {
  it('is committed exactly as `npm run build:site-assets` builds it from src/site-client', async () => {
    const committed = await readFile(join(REPO_ROOT, SITE_SCRIPT_MODULE), 'utf8');
    // Rebuild it when this fails: npm run build:site-assets
    expect(await buildSiteScript()).toBe(committed);
  });
});
