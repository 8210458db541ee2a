import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/spawn-podwire.ts';
import { tempDirs } from '../helpers/temp-dir.ts';
import { freePort } from '../helpers/worker-harness.ts';

// `npm run dev:worker` exactly as an operator types it (extra arguments reach `wrangler dev`).
describe('npm run dev:worker', () => {
  const newDir = tempDirs();
  let child: ChildProcess;
  let url: string;
  let output = '';

  beforeAll(async () => {
    const port = await freePort();
    const state = await newDir();
    child = spawn(
      'npm',
      ['run', 'dev:worker', '--', '--port', String(port), '--ip', '127.0.0.1', '--persist-to', state],
      {
        cwd: REPO_ROOT,
        // No wrangler settings from the caller: the script must make wrangler work offline by itself.
        env: { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      },
    );
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    url = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      if (
        await fetch(`${url}/healthz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (i > 400 || child.exitCode !== null) throw new Error(`dev:worker did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 120_000);
  afterAll(async () => {
    if (child?.pid) process.kill(-child.pid, 'SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
  });

  it('migrates and seeds local D1 and R2, then serves the demo feed with both episodes', async () => {
    const feed = await (await fetch(`${url}/podcasts/courier-conversations/feed.xml`)).text();
    expect([...feed.matchAll(/<itunes:duration>(\d+)<\/itunes:duration>/g)].map((m) => m[1])).toEqual([
      '1585',
      '1536',
    ]);
    const enclosure = /<enclosure url="http:\/\/[^"]+?(\/media\/[^"]+)" length="(\d+)"/.exec(feed);
    const audio = await fetch(`${url}${enclosure?.[1]}`, { headers: { range: 'bytes=0-9' } });
    expect(audio.status).toBe(206);
    expect(audio.headers.get('content-range')).toBe(`bytes 0-9/${enclosure?.[2]}`);
    expect(output).toMatch(/local D1\/R2 demo seed/);
  });
});
