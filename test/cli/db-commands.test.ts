import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collect, REPO_ROOT, waitForLog } from '../helpers/spawn-podwire.ts';
import { tempDirs } from '../helpers/temp-dir.ts';

/** Runs the real `podwire` bin script, as npx would. */
function podwire(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['src/cli/podwire.js', ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return collect(child);
}

describe('podwire CLI', () => {
  const newDir = tempDirs();

  it('seeds the demo once; a second run reports it is already there', async () => {
    const dir = await newDir();
    const env = { DATABASE_URL: `file:${join(dir, 'cli.db')}` };
    const first = await podwire(['seed'], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /seeded the demo into .*cli\.db: 3 sections, 1 shows, 2 episodes, 7 articles, 2 pairings/,
    );
    const second = await podwire(['seed'], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/the demo is already in .*cli\.db; nothing to add/);
  });

  it('serves with `podwire serve` (as npm start does) and stops cleanly on SIGTERM', async () => {
    const dir = await newDir();
    const child = spawn(process.execPath, ['src/cli/podwire.js', 'serve'], {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: `file:${join(dir, 's.db')}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const listening = await waitForLog(child, 'podwire listening');
    expect((await fetch(`${String(listening.url)}/healthz`)).status).toBe(200);
    child.kill('SIGTERM');
    expect((await collect(child)).code).toBe(0);
  });

  it('reindexes the Node database for search (`podwire reindex`)', async () => {
    const env = { DATABASE_URL: `file:${join(await newDir(), 'r.db')}` };
    expect((await podwire(['seed'], env)).code).toBe(0);
    const result = await podwire(['reindex'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^reindexed .*r\.db for search: 7 articles, 2 episodes, [1-9]\d* transcripts\n$/,
    );
  });

  it('migrates a new database', async () => {
    const dir = await newDir();
    const result = await podwire(['migrate'], { DATABASE_URL: `file:${join(dir, 'm.db')}` });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/m\.db is up to date/);
  });

  it('exits 2 with usage for an unknown command, and 1 with the reason for bad settings', async () => {
    const unknown = await podwire(['frobnicate'], {});
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^podwire: unknown command "frobnicate"/);
    const bad = await podwire(['seed'], { DATABASE_URL: 'mysql://nope' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^podwire: DATABASE_URL: /);
  });
});
