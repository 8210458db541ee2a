import type { ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnScript, waitForLog } from '../helpers/spawn-podwire.ts';
import { tempDirs } from '../helpers/temp-dir.ts';

const TOKEN = 'body-limit-token-0123456789';
const AUTH = { authorization: `Bearer ${TOKEN}` };
const JSON_HEADERS = { ...AUTH, 'content-type': 'application/json' };
const MIB = 1024 * 1024;
const LIMIT = 4 * MIB;
const HUGE = 300 * MIB;

interface Answer {
  readonly status: number | undefined;
  readonly type: string | undefined;
  readonly body: string;
  /** Bytes of the body written when the response arrived. */
  readonly sentBeforeAnswer: number;
}

/**
 * POSTs up to `total` bytes of `chunk`s (backpressure respected), with Content-Length when `declare`
 * is set, chunked otherwise; stops writing as soon as the response arrives.
 */
function send(url: string, path: string, total: number, declare: boolean, chunk: Buffer): Promise<Answer> {
  const { hostname, port } = new URL(url);
  const headers: Record<string, string> = { ...JSON_HEADERS };
  if (declare) headers['content-length'] = String(total);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, method: 'POST', path, headers });
    let sent = 0;
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      const sentBeforeAnswer = sent;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => {
        body += d;
      });
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode, type: res.headers['content-type'], body, sentBeforeAnswer });
      });
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const pump = () => {
      while (!answered && sent < total) {
        const piece = chunk.subarray(0, Math.min(chunk.byteLength, total - sent));
        sent += piece.byteLength;
        if (!req.write(piece)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    pump();
  });
}

/** Resident memory of a process in MiB: now (VmRSS) and its peak (VmHWM). */
async function memoryOf(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

/** Resets the process's peak resident size (VmHWM) to its current size (Linux: clear_refs 5). */
const resetPeak = (pid: number) => writeFile(`/proc/${pid}/clear_refs`, '5');

describe('limitBody on the real Node server over loopback', () => {
  const newDir = tempDirs();
  let child: ChildProcess;
  let url: string;
  let pid: number;
  let sectionId: number;

  beforeAll(async () => {
    const dir = await newDir();
    child = spawnScript('src/node/main.ts', [], {
      DATABASE_URL: `file:${join(dir, 'podwire.db')}`,
      PORT: '0',
      HOST: '127.0.0.1',
      ADMIN_TOKEN: TOKEN,
    });
    url = String((await waitForLog(child, 'podwire listening')).url);
    pid = child.pid as number;
    const sections = await (await fetch(`${url}/api/v1/sections`, { headers: AUTH })).json();
    sectionId = sections.items[0].id;
  });
  afterAll(() => {
    child?.kill('SIGKILL');
  });

  /** Runs `act` and reports how far the server's resident memory rose above where it started. */
  async function growthDuring<T>(act: () => Promise<T>): Promise<{ result: T; growth: number }> {
    await resetPeak(pid);
    const before = await memoryOf(pid);
    const result = await act();
    const after = await memoryOf(pid);
    const growth = after.peak - before.rss;
    console.info(
      `server RSS before ${before.rss.toFixed(0)} MiB, peak during ${after.peak.toFixed(0)} MiB (+${growth.toFixed(0)} MiB)`,
    );
    return { result, growth };
  }

  const expectTooLarge = (answer: Answer) => {
    expect(answer.status).toBe(413);
    expect(answer.type).toBe('application/problem+json');
    const problem = JSON.parse(answer.body);
    expect(problem).toMatchObject({ status: 413, title: 'Payload too large' });
    expect(problem.detail).toMatch(/4194304 bytes/);
    expect(problem.detail).toMatch(/MAX_BODY_BYTES/);
  };

  it('refuses a declared 300 MB JSON body with 413 before reading it', async () => {
    const { result, growth } = await growthDuring(() =>
      send(url, '/api/v1/articles', HUGE, true, Buffer.alloc(64 * 1024, 0x20)),
    );
    console.info(`413 after ${(result.sentBeforeAnswer / MIB).toFixed(1)} MiB sent`);
    expectTooLarge(result);
    expect(result.sentBeforeAnswer).toBeLessThan(HUGE);
    expect(growth).toBeLessThan(48);
  });

  it('refuses a chunked 300 MB JSON body as soon as it passes the limit, with memory bounded', async () => {
    const { result, growth } = await growthDuring(() =>
      send(url, '/api/v1/articles', HUGE, false, Buffer.alloc(64 * 1024, 0x20)),
    );
    console.info(`413 after ${(result.sentBeforeAnswer / MIB).toFixed(1)} MiB sent`);
    expectTooLarge(result);
    // The answer comes while the client is still sending, soon after the limit.
    expect(result.sentBeforeAnswer).toBeLessThan(64 * MIB);
    expect(growth).toBeLessThan(48);
    // The server is still fine afterwards.
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it('accepts an article whose 500,000-character body is just within the limits, sent either way', async () => {
    const bodyHtml = `<p>${'€'.repeat(500_000 - 7)}</p>`;
    const article = (slug: string) =>
      JSON.stringify({ slug, headline: 'Long read', bodyHtml, sectionId, authors: [] });
    expect(new TextEncoder().encode(article('x')).byteLength).toBeGreaterThan(1.4 * MIB);

    const declared = await fetch(`${url}/api/v1/articles`, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: article('long-read-declared'),
    });
    expect(declared.status).toBe(201);
    expect((await declared.json()).bodyHtml).toBe(bodyHtml);

    const bytes = Buffer.from(article('long-read-chunked'));
    const chunked = await send(url, '/api/v1/articles', bytes.byteLength, false, bytes);
    expect(chunked.status).toBe(201);
    expect(JSON.parse(chunked.body).bodyHtml).toBe(bodyHtml);
  });

  it('refuses a chunked body one byte over the limit, and takes one of exactly the limit', async () => {
    const over = await send(url, '/api/v1/articles', LIMIT + 1, false, Buffer.alloc(LIMIT + 1, 0x20));
    expectTooLarge(over);
    const exact = await send(url, '/api/v1/articles', LIMIT, false, Buffer.alloc(LIMIT, 0x20));
    // All whitespace: read whole, then refused as not JSON (400), not as too large.
    expect(exact.status).toBe(400);
  });
});
