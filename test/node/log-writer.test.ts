import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, openSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBatchedWriter } from '../../src/node/log-writer.ts';
import { REPO_ROOT, spawnScript, waitForLog } from '../helpers/spawn-podwire.ts';
import { tempDirs } from '../helpers/temp-dir.ts';

const FEED = '/podcasts/courier-conversations/feed.xml';

/** A writer whose scheduled flushes run only when the test says the turn is over. */
function manual(maxBytes?: number) {
  const chunks: string[] = [];
  const pending: (() => void)[] = [];
  const writer = createBatchedWriter({
    sink: (chunk) => chunks.push(Buffer.from(chunk).toString()),
    maxBytes,
    schedule: (flush) => pending.push(flush),
  });
  const endTurn = () => {
    for (const flush of pending.splice(0)) flush();
  };
  return { chunks, pending, writer, endTurn };
}

describe('createBatchedWriter', () => {
  it('writes the lines of one turn in one write, in order, when the turn ends', () => {
    const { chunks, pending, writer, endTurn } = manual();
    writer.write('one');
    writer.write('two');
    writer.write('three');
    expect(chunks).toEqual([]);
    expect(pending).toHaveLength(1);
    endTurn();
    expect(chunks).toEqual(['one\ntwo\nthree\n']);
    writer.write('four');
    endTurn();
    expect(chunks).toEqual(['one\ntwo\nthree\n', 'four\n']);
  });

  it('writes what is queued first when a line does not fit, keeping the order', () => {
    const { chunks, writer, endTurn } = manual(40);
    writer.write('aaaa');
    writer.write('bbbb');
    expect(chunks).toEqual([]);
    // Room is kept for 3 bytes a character: 10 characters need 31 bytes, and 30 are left.
    writer.write('cccccccccc');
    expect(chunks).toEqual(['aaaa\nbbbb\n']);
    writer.write('x'.repeat(20));
    expect(chunks).toEqual(['aaaa\nbbbb\n', 'cccccccccc\n', `${'x'.repeat(20)}\n`]);
    writer.write('dd');
    endTurn();
    expect(chunks).toEqual(['aaaa\nbbbb\n', 'cccccccccc\n', `${'x'.repeat(20)}\n`, 'dd\n']);
  });

  it('writes any text as UTF-8', () => {
    const { chunks, writer, endTurn } = manual(64);
    const lines = ['café', '日本語', 'a\u{1f399}b', '"\\u0000"'];
    for (const line of lines) writer.write(line);
    endTurn();
    expect(chunks.join('')).toBe(lines.map((l) => `${l}\n`).join(''));
  });

  it('writes what is queued on flush(), and nothing when nothing is', () => {
    const { chunks, writer, endTurn } = manual();
    writer.flush();
    writer.write('x');
    writer.flush();
    endTurn();
    writer.flush();
    expect(chunks).toEqual(['x\n']);
  });

  it('by default writes before the next turn of the event loop', async () => {
    const chunks: string[] = [];
    const writer = createBatchedWriter({ sink: (chunk) => chunks.push(Buffer.from(chunk).toString()) });
    writer.write('a');
    writer.write('b');
    await Promise.resolve();
    expect(chunks).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(chunks).toEqual(['a\nb\n']);
  });
});

describe('the Node entry’s log on exit', () => {
  const newDir = tempDirs();

  it('writes every queued line when the process exits at once (stdout to a file)', async () => {
    const path = join(await newDir(), 'out.log');
    const fd = openSync(path, 'w');
    const count = 20_000; // several 64 KB batches, then a rest still queued at process.exit()
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/fixtures/scripts/log-then-exit.ts', String(count)],
      {
        cwd: REPO_ROOT,
        stdio: ['ignore', fd, 'inherit'],
      },
    );
    closeSync(fd);
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    const numbers = (await readFile(path, 'utf8'))
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line).i);
    expect(numbers).toEqual(Array.from({ length: count }, (_, i) => i + 1));
  });

  it('loses no request line when npm start is stopped with SIGTERM while its stdout pipe is full', async () => {
    const dir = await newDir();
    const child = spawnScript('src/node/main.ts', [], {
      DATABASE_URL: `file:${join(dir, 'p.db')}`,
      PORT: '0',
      HOST: '127.0.0.1',
    });
    let out = '';
    child.stdout?.on('data', (d) => {
      out += d;
    });
    const url = `${String((await waitForLog(child, 'podwire listening')).url)}${FEED}`;
    // Nobody reads the log for a while: the pipe fills and lines wait in the process.
    child.stdout?.pause();
    // Each request names itself, so every one is found in the log whichever path answered it.
    const ids = Array.from({ length: 1500 }, (_, i) => `sigterm-${i}`);
    for (let from = 0; from < ids.length; from += 25) {
      await Promise.all(
        ids.slice(from, from + 25).map(async (id) => {
          const response = await fetch(url, { headers: { 'accept-encoding': 'gzip', 'x-request-id': id } });
          expect(response.status).toBe(200);
          await response.arrayBuffer();
        }),
      );
    }
    const closed = once(child, 'close');
    child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    child.stdout?.resume();
    const [code] = await closed;
    expect(code).toBe(0);
    const lines = out
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const logged = new Set(lines.filter((l) => l.msg === 'request').map((l) => l.requestId));
    expect(ids.filter((id) => !logged.has(id)).length).toBe(0);
    expect(lines.at(-1)).toMatchObject({ msg: 'shutting down', signal: 'SIGTERM' });
  });
});
