import { spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { probeFile } from '../../src/node/file-reader.ts';
import { collect, REPO_ROOT } from '../helpers/spawn-podwire.ts';

function podwire(args: string[]) {
  const child = spawn(process.execPath, ['src/cli/podwire.js', ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return collect(child);
}

const FIXTURES = 'test/fixtures/audio';

describe('podwire probe', () => {
  it('prints a table with the demo episodes at 25:36 and 26:25', async () => {
    const result = await podwire([
      'probe',
      'media/demo/briefing-01-tide-mill-people.mp3',
      'media/demo/briefing-02-tide-mill-machine.mp3',
    ]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(
      /^FILE\s+LENGTH\s+SECONDS\s+TYPE\s+SIZE\s+BITRATE\s+CODEC\s+RATE\s+CH\s+CHAPTERS$/,
    );
    expect(lines[1]).toMatch(
      /briefing-01-tide-mill-people\.mp3\s+25:36\s+1536\.000\s+audio\/mpeg\s+2\.9 MB\s+16 kb\/s/,
    );
    expect(lines[2]).toMatch(/briefing-02-tide-mill-machine\.mp3\s+26:25\s+1585\.000\s+audio\/mpeg/);
  });

  it('prints JSON with the documented fields, reports failures in place and exits 1', async () => {
    const result = await podwire([
      'probe',
      '--json',
      `${FIXTURES}/m4a-chapters.m4a`,
      `${FIXTURES}/missing.mp3`,
      'README.md',
      'media/demo/briefing-01-tide-mill-people.mp3',
    ]);
    expect(result.code).toBe(1);
    const rows = JSON.parse(result.stdout);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatchObject({
      file: `${FIXTURES}/m4a-chapters.m4a`,
      durationSeconds: 7.3,
      durationText: '0:07',
      mimeType: 'audio/x-m4a',
      sizeBytes: (await stat(join(REPO_ROOT, FIXTURES, 'm4a-chapters.m4a'))).size,
      codec: 'MPEG-4/AAC',
      sampleRate: 44100,
      channels: 1,
      chapters: [
        { title: 'Opening', startSeconds: 0, endSeconds: 2.5 },
        { title: 'Middle part', startSeconds: 2.5, endSeconds: 5 },
        { title: 'Close & end', startSeconds: 5, endSeconds: 7.3 },
      ],
    });
    expect(typeof rows[0].bitrate).toBe('number');
    // the IAB threshold: the whole of a file under a minute; the first minute's frames of a longer one
    expect(rows[0].minuteBytes).toBe(rows[0].sizeBytes);
    const demo = await probeFile(join(REPO_ROOT, 'media/demo/briefing-01-tide-mill-people.mp3'));
    expect(rows[3].minuteBytes).toBe(demo.minuteBytes);
    expect(rows[3].minuteBytes).toBeLessThan(rows[3].sizeBytes / 20);
    expect(rows[1]).toEqual({ file: `${FIXTURES}/missing.mp3`, error: 'no such file' });
    expect(rows[2].error).toMatch(/not an audio file podwire can read \(it looks like text\)/);
  });

  it('asks for a file when given none', async () => {
    const result = await podwire(['probe']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/probe needs at least one file/);
  });
});
