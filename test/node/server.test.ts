import { once } from 'node:events';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIO_FIXTURES } from '../helpers/byte-reader.ts';
import { spawnScript, waitForLog } from '../helpers/spawn-podwire.ts';
import { tempDirs } from '../helpers/temp-dir.ts';

const TOKEN = 'hangup-admin-token-0123456789';

/** Every JSON log line the child writes to stdout, as it arrives. */
function logLines(child: ReturnType<typeof spawnScript>): Record<string, unknown>[] {
  const lines: Record<string, unknown>[] = [];
  let buffered = '';
  child.stdout?.on('data', (data) => {
    buffered += data;
    for (let newline = buffered.indexOf('\n'); newline >= 0; newline = buffered.indexOf('\n')) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      try {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        lines.push({ unparsed: line });
      }
    }
  });
  return lines;
}

async function until<T>(what: string, check: () => Promise<T | undefined> | T | undefined): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the Node server (src/node/server.ts) over loopback', () => {
  const newDir = tempDirs();

  it('logs a client that hangs up mid-upload as 499 "client closed the request", no error or stack, and keeps nothing', async () => {
    const dir = await newDir();
    const media = join(dir, 'media');
    await mkdir(media);
    const child = spawnScript('src/node/main.ts', [], {
      DATABASE_URL: `file:${join(dir, 'podwire.db')}`,
      MEDIA_DIR: media,
      PORT: '0',
      HOST: '127.0.0.1',
      ADMIN_TOKEN: TOKEN,
    });
    const lines = logLines(child);
    try {
      const { port } = new URL(String((await waitForLog(child, 'podwire listening')).url));
      const before = (await readdir(media, { recursive: true })).sort();
      const episodeBefore = await (
        await fetch(`http://127.0.0.1:${port}/api/v1/episodes/1`, {
          headers: { authorization: `Bearer ${TOKEN}` },
        })
      ).json();

      // Real MP3 frames, more than the 64 KiB sniffed first, so the body is streaming into the store.
      const mp3 = await readFile(new URL('mp3-cbr-no-header.mp3', AUDIO_FIXTURES));
      const sent = Buffer.concat([mp3, mp3, mp3, mp3]);
      const socket = connect(Number(port), '127.0.0.1');
      await once(socket, 'connect');
      socket.write(
        [
          'PUT /api/v1/episodes/1/audio HTTP/1.1',
          `Host: 127.0.0.1:${port}`,
          `Authorization: Bearer ${TOKEN}`,
          'Content-Type: audio/mpeg',
          `Content-Length: ${4 * 1024 * 1024}`,
          '',
          '',
        ].join('\r\n'),
      );
      socket.write(sent);
      const temp = await until('the upload to reach the media store', async () =>
        (await readdir(media, { recursive: true })).find((f) => f.includes('.upload-')),
      );
      expect(temp).toBeDefined();
      socket.destroy();

      const logged = await until('the request log line', () =>
        lines.find((l) => l.msg === 'request' && l.path === '/api/v1/episodes/1/audio'),
      );
      expect(logged).toMatchObject({ level: 'info', method: 'PUT', status: 499 });
      const closed = lines.find((l) => l.msg === 'client closed the request');
      expect(closed).toMatchObject({ level: 'info', status: 499, path: '/api/v1/episodes/1/audio' });
      expect(closed?.requestId).toBe(logged.requestId);
      expect(lines.filter((l) => l.level === 'error')).toEqual([]);
      expect(JSON.stringify(lines)).not.toMatch(/"stack"/);

      expect((await readdir(media, { recursive: true })).sort()).toEqual(before);
      const episodeAfter = await (
        await fetch(`http://127.0.0.1:${port}/api/v1/episodes/1`, {
          headers: { authorization: `Bearer ${TOKEN}` },
        })
      ).json();
      expect(episodeAfter.audio).toEqual(episodeBefore.audio);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });
});
