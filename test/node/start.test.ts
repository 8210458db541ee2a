import { once } from 'node:events';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collect, runScript, spawnScript, waitForLog } from '../helpers/spawn-podwire.ts';
import { tempDirs } from '../helpers/temp-dir.ts';
import { runUserAdd } from '../helpers/user-add.ts';

const MAIN = 'src/node/main.ts';

describe('npm start (src/node/main.ts)', () => {
  const newDir = tempDirs();

  it.each([
    [{ PORT: 'eighty' }, 'podwire: PORT: must be a whole number from 0 to 65535 (got "eighty")'],
    [{ DATABASE_URL: 'postgres://db/podwire' }, /^podwire: DATABASE_URL: must be file:PATH/],
    [
      { MEDIA_DIR: '/nonexistent/podwire-media' },
      /^podwire: MEDIA_DIR: folder \/nonexistent\/podwire-media does not exist/,
    ],
    [{ BASE_URL: 'localhost:8787' }, /^podwire: BASE_URL: must be an absolute http\(s\) URL/],
  ])('stops with one clear line for %j', async (env, line) => {
    const dir = await newDir();
    const result = await runScript(MAIN, [], { DATABASE_URL: `file:${join(dir, 'p.db')}`, ...env });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    if (typeof line === 'string') expect(lines[0]).toBe(line);
    else expect(lines[0]).toMatch(line);
  });

  it('refuses a corrupt database file, naming it, and leaves it as it was', async () => {
    const dir = await newDir();
    const path = join(dir, 'podwire.db');
    await writeFile(path, 'SQLite format 3\u0000 but then garbage '.repeat(300));
    const before = await readFile(path);
    const result = await runScript(MAIN, [], { DATABASE_URL: `file:${path}`, PORT: '0' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      `podwire: database ${path} is corrupt or not a SQLite database; it was left untouched (restore a backup or move it aside)`,
    );
    expect(await readFile(path)).toEqual(before);
  });

  it('creates the database folder, seeds the demo, serves it, and stops cleanly on SIGTERM', async () => {
    const dir = await newDir();
    const path = join(dir, 'data', 'podwire.db');
    const env = { DATABASE_URL: `file:${path}`, PORT: '0', HOST: '127.0.0.1' };
    const child = spawnScript(MAIN, [], env);
    const listening = await waitForLog(child, 'podwire listening');
    const url = String(listening.url);
    const html = await (await fetch(`${url}/`)).text();
    expect([...html.matchAll(/class="duration">([^<]+)</g)].map((m) => m[1])).toEqual(['25:36', '26:25']);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect((await stat(path)).size).toBeGreaterThan(0);

    // a restart keeps the data and does not seed twice
    const again = spawnScript(MAIN, [], env);
    const seededAgain = new Promise<boolean>((resolve) => {
      again.stdout?.on('data', (d) => {
        if (String(d).includes('demo content seeded')) resolve(true);
      });
      again.once('exit', () => resolve(false));
    });
    const second = await waitForLog(again, 'podwire listening');
    const page = await (await fetch(`${String(second.url)}/`)).text();
    expect(page.match(/class="duration"/g)).toHaveLength(2);
    again.kill('SIGINT');
    expect(await seededAgain).toBe(false);
  });

  it('starts an empty site with SEED_DEMO=false', async () => {
    const dir = await newDir();
    const child = spawnScript(MAIN, [], {
      DATABASE_URL: `file:${join(dir, 'empty.db')}`,
      PORT: '0',
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
    });
    const hint = waitForLog(child, 'the studio has no users yet');
    const listening = await waitForLog(child, 'podwire listening');
    expect(String((await hint).hint)).toMatch(/^npx podwire user add .+ --role admin/);
    const html = await (await fetch(`${String(listening.url)}/`)).text();
    expect(html).toContain('<title>podwire</title>');
    expect(html).not.toContain('class="duration"');
    child.kill('SIGTERM');
    expect((await collect(child)).code).toBe(0);
  });

  it('says nothing of first users once the studio has one', async () => {
    const dir = await newDir();
    const env = { DATABASE_URL: `file:${join(dir, 'podwire.db')}`, PORT: '0', HOST: '127.0.0.1' };
    expect(
      (await runUserAdd(['first@example.com', '--role', 'admin'], 'a long first password', env)).code,
    ).toBe(0);
    const child = spawnScript(MAIN, [], env);
    let hinted = false;
    child.stdout?.on('data', (d) => {
      if (String(d).includes('the studio has no users yet')) hinted = true;
    });
    await waitForLog(child, 'podwire listening');
    child.kill('SIGTERM');
    expect((await collect(child)).code).toBe(0);
    expect(hinted).toBe(false);
  });
});
