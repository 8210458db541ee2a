import { once } from 'node:events';
import { connect } from 'node:net';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import type { NodeServerOptions } from '../../src/node/http-server.ts';
import { type RunningServer, startNodeServer } from '../../src/node/server.ts';
import { type RawResponse, rawExchange } from '../helpers/raw-http.ts';
import { tempDirs } from '../helpers/temp-dir.ts';

const FEED = '/podcasts/courier-conversations/feed.xml';

interface Served {
  readonly server: RunningServer;
  readonly lines: Record<string, unknown>[];
}

async function serve(dbPath: string, options: NodeServerOptions): Promise<Served> {
  const lines: Record<string, unknown>[] = [];
  const config = parseConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: `file:${dbPath}`,
    BASE_URL: 'https://news.example',
  });
  const log = createLogger({ level: 'info', write: (line) => lines.push(JSON.parse(line)) });
  return { server: await startNodeServer(config, log, options), lines };
}

/** A request head: `lines` are header lines; Host comes first unless `lines` has its own. */
function head(method: string, target: string, lines: readonly string[] = [], version = 'HTTP/1.1') {
  const host = lines.some((l) => /^host:/i.test(l)) ? [] : ['Host: news.example'];
  return `${method} ${target} ${version}\r\n${[...host, ...lines].map((l) => `${l}\r\n`).join('')}\r\n`;
}

/** What must be the same byte for byte: all but the Date line (a clock) of each answer. */
function comparable(responses: readonly RawResponse[]) {
  return responses.map((r) => ({
    statusLine: r.statusLine,
    headers: r.headerLines.filter((line) => !line.startsWith('Date: ')),
    body: r.body.toString('base64'),
  }));
}

describe('the HTTP front and the node:http fast path answer as the app does', () => {
  const newDir = tempDirs();
  let front: Served;
  let fast: Served;
  let app: Served;
  let etags: Record<string, string>;
  let lastModified: string;
  let counter = 0;

  beforeAll(async () => {
    const dbPath = join(await newDir(), 'front.db');
    app = await serve(dbPath, { fastPath: false });
    front = await serve(dbPath, {});
    fast = await serve(dbPath, { front: false });
    etags = {};
    for (const coding of ['identity', 'gzip', 'br']) {
      const response = await fetch(`${app.server.url}${FEED}`, { headers: { 'accept-encoding': coding } });
      etags[coding] = response.headers.get('etag') ?? '';
      lastModified = response.headers.get('last-modified') ?? '';
      await response.arrayBuffer();
    }
  });
  afterAll(() => Promise.all([front, fast, app].map((s) => s?.server.close())));

  /**
   * Sends `requests(id)` (pipelined on one connection) to each server, after a plain GET of `warm`
   * with the same Accept-Encoding made its hot entry current; returns the answers and log lines.
   */
  async function exchange(
    build: (ids: readonly string[]) => string,
    options: { count?: number; bodiless?: readonly boolean[]; warm?: { target: string; coding?: string } },
  ) {
    const count = options.count ?? 1;
    const ids = Array.from({ length: count }, () => `case-${++counter}`);
    const results = [];
    for (const served of [front, fast, app]) {
      const port = served.server.port;
      if (options.warm) {
        const coding = options.warm.coding ? [`Accept-Encoding: ${options.warm.coding}`] : [];
        await rawExchange(port, head('GET', options.warm.target, coding), 1);
      }
      const responses = await rawExchange(port, build(ids), count, options.bodiless);
      const lines = ids.map((id) => served.lines.filter((l) => l.msg === 'request' && l.requestId === id));
      results.push({ responses, lines });
    }
    const [viaFront, viaFast, viaApp] = results as [
      (typeof results)[0],
      (typeof results)[0],
      (typeof results)[0],
    ];
    expect(comparable(viaFront.responses)).toEqual(comparable(viaApp.responses));
    expect(comparable(viaFast.responses)).toEqual(comparable(viaApp.responses));
    // One line per request on each server, with the same fields but `fast` and the time taken.
    const fields = (lines: Record<string, unknown>[][]) =>
      lines.map((found) => found.map(({ time: _t, ms: _m, fast: _f, ...rest }) => rest));
    for (const { lines } of results) expect(lines.every((found) => found.length === 1)).toBe(true);
    expect(fields(viaFront.lines)).toEqual(fields(viaApp.lines));
    expect(fields(viaFast.lines)).toEqual(fields(viaApp.lines));
    return {
      responses: viaApp.responses,
      fastOnFront: viaFront.lines.map((found) => found[0]?.fast === true),
      fastOnNodeHttp: viaFast.lines.map((found) => found[0]?.fast === true),
    };
  }

  const id = (ids: readonly string[], i = 0) => `X-Request-Id: ${ids[i]}`;

  it.each([
    ['identity', []],
    ['gzip', ['Accept-Encoding: gzip']],
    ['br', ['Accept-Encoding: br']],
    ['gzip and br', ['Accept-Encoding: gzip, deflate, br']],
    ['br refused', ['Accept-Encoding: br;q=0, gzip']],
    ['any', ['Accept-Encoding: *']],
    ['odd case and spacing', ['accept-ENCODING:   gzip  ', 'HOST:news.example', 'connection: Keep-Alive']],
  ])('GET and HEAD, %s', async (_name, lines) => {
    const coding = lines
      .find((l) => /^accept-encoding:/i.test(l))
      ?.split(':')[1]
      ?.trim();
    for (const method of ['GET', 'HEAD']) {
      const result = await exchange((ids) => head(method, FEED, [...lines, id(ids)]), {
        bodiless: [method === 'HEAD'],
        warm: { target: FEED, coding },
      });
      expect(result.responses[0]?.status).toBe(200);
      expect([result.fastOnFront, result.fastOnNodeHttp]).toEqual([[true], [true]]);
    }
  });

  it('revalidations: If-None-Match and If-Modified-Since, matching or not', async () => {
    const base = etags.identity ?? '';
    const cases: [string[], number][] = [
      [[`If-None-Match: ${etags.gzip}`, 'Accept-Encoding: gzip'], 304],
      [[`If-None-Match: W/${base}`, 'Accept-Encoding: gzip'], 304],
      [[`If-None-Match: "nope", ${etags.br}`, 'Accept-Encoding: br'], 304],
      [['If-None-Match: *'], 304],
      [['If-None-Match: "nope"', 'Accept-Encoding: gzip'], 200],
      [[`If-Modified-Since: ${lastModified}`], 304],
      [[`If-Modified-Since: ${new Date(Date.parse(lastModified) - 1000).toUTCString()}`], 200],
      [['If-Modified-Since: not a date', 'Accept-Encoding: br'], 200],
      [[`If-None-Match: "nope"`, `If-Modified-Since: ${lastModified}`], 200],
    ];
    for (const [lines, status] of cases) {
      const coding = lines.find((l) => l.startsWith('Accept-Encoding'))?.split(': ')[1];
      const result = await exchange((ids) => head('GET', FEED, [...lines, id(ids)]), {
        warm: { target: FEED, coding },
      });
      expect(result.responses[0]?.status, lines.join(' ')).toBe(status);
      expect([result.fastOnFront, result.fastOnNodeHttp], lines.join(' ')).toEqual([[true], [true]]);
    }
  });

  it('a query string is its own hot entry', async () => {
    const target = `${FEED}?utm_source=test&x=%20y`;
    const result = await exchange((ids) => head('GET', target, ['Accept-Encoding: gzip', id(ids)]), {
      warm: { target, coding: 'gzip' },
    });
    expect(result.fastOnFront).toEqual([true]);
  });

  it('requests the fast paths leave to the app: ranges, If-Match, other methods, odd targets', async () => {
    const cases = [
      head('GET', FEED, ['Range: bytes=0-9']),
      head('GET', FEED, [`If-Match: ${etags.identity}`]),
      head('GET', FEED, [`If-Unmodified-Since: ${lastModified}`]),
      head('POST', FEED, ['Content-Length: 2', 'Content-Type: application/json']).concat('{}'),
      head('PUT', FEED, ['Content-Length: 0']),
      head('DELETE', FEED),
      head('OPTIONS', FEED),
      head('PATCH', FEED, ['Content-Length: 0']),
      head('GET', `http://news.example${FEED}`),
      head('GET', FEED.replace('feed', '%66eed')),
      head('GET', `${FEED}/`),
    ];
    for (const request of cases) {
      const result = await exchange((ids) => request.replace('\r\n\r\n', `\r\n${id(ids)}\r\n\r\n`), {
        warm: { target: FEED },
      });
      expect(result.fastOnFront, request).toEqual([false]);
    }
  });

  it('requests the front hands to node:http, whose fast path still answers them', async () => {
    const cases = [
      head('GET', FEED, [], 'HTTP/1.0'),
      head('GET', FEED, ['Connection: close']),
      head('GET', FEED, ['Accept-Encoding: br', 'Accept-Encoding: gzip']),
      head('GET', FEED, ['Expect: 100-continue']),
      head('GET', FEED, ['X-Note: caf\xe9']),
      head('GET', FEED, ['Host: a', 'Host: b']),
    ];
    for (const request of cases) {
      const build = (ids: readonly string[]) => request.replace(/\r\n\r\n$/, `\r\n${id(ids)}\r\n\r\n`);
      const result = await exchange(build, { warm: { target: FEED } });
      expect([result.fastOnFront, result.fastOnNodeHttp], request).toEqual([[true], [true]]);
    }
  });

  it('requests node:http refuses are refused alike', async () => {
    const cases = [
      head('GET', FEED, ['X-Folded: a', ' b']),
      `GET ${FEED} HTTP/1.1\r\n\r\n`,
      head('GET', FEED, ['Bad Header: x']),
      head('GET', FEED, ['X-Folded: a', ' b']).replace('X-Folded', 'Accept-Encoding'),
      `GET ${FEED} HTTP/1.1\r\nHost: x\nAccept-Encoding: gzip\r\n\r\n`,
    ];
    for (const request of cases) {
      const answers = await Promise.all(
        [front, fast, app].map((s) => rawExchange(s.server.port, Buffer.from(request, 'latin1'), 1)),
      );
      expect(comparable(answers[0] ?? []), request).toEqual(comparable(answers[2] ?? []));
      expect(comparable(answers[1] ?? []), request).toEqual(comparable(answers[2] ?? []));
    }
  });

  it('keeps a busy feed on the fast path past the version TTL, confirming it in the background unlogged', async () => {
    const linesBefore = front.lines.length;
    const ids: string[] = [];
    const started = Date.now();
    // One request every 50 ms for 2.5 s: the entry (trusted for 1 s) ages and is confirmed meanwhile.
    while (Date.now() - started < 2500) {
      const requestId = `busy-${ids.length}`;
      ids.push(requestId);
      await rawExchange(
        front.server.port,
        head('GET', FEED, ['Accept-Encoding: gzip', `X-Request-Id: ${requestId}`]),
        1,
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const lines = front.lines.slice(linesBefore).filter((l) => l.msg === 'request');
    expect(lines.map((l) => l.requestId)).toEqual(ids);
    // The first may find the entry stale (the app answers it); none after it does.
    expect(lines.slice(1).every((l) => l.fast === true)).toBe(true);
  });

  it('answers a feed left quiet past the version TTL on the front, once the app has confirmed it', async () => {
    const socket = connect(front.server.port, '127.0.0.1');
    let text = '';
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
    });
    const answered = async (count: number) => {
      while ((text.match(/HTTP\/1\.1 200 OK/g)?.length ?? 0) < count) await once(socket, 'data');
    };
    const linesBefore = front.lines.length;
    const ask = (n: number) =>
      socket.write(head('GET', FEED, ['Accept-Encoding: gzip', `X-Request-Id: quiet-${n}`]));
    ask(0);
    await answered(1);
    // Longer than the 1 s the entry is trusted for: the next request finds it stale.
    await new Promise((resolve) => setTimeout(resolve, 1300));
    ask(1);
    await answered(2);
    ask(2);
    await answered(3);
    socket.destroy();
    const lines = front.lines.slice(linesBefore).filter((l) => l.msg === 'request');
    expect(lines.map((l) => l.requestId)).toEqual(['quiet-0', 'quiet-1', 'quiet-2']);
    // Without the wait, quiet-1 went to node:http, the app's full path answered it (no `fast`), and
    // the connection stayed with node:http.
    expect(lines.map((l) => l.fast)).toEqual([true, true, true]);
  });

  it('pipelined requests are answered in order, across the hand-over to node:http', async () => {
    const result = await exchange(
      (ids) =>
        head('GET', FEED, ['Accept-Encoding: gzip', id(ids, 0)]) +
        head('HEAD', FEED, ['Accept-Encoding: gzip', id(ids, 1)]) +
        head('POST', '/api/v1/shows', [
          'Transfer-Encoding: chunked',
          'Content-Type: application/json',
          id(ids, 2),
        ]) +
        '2\r\n{}\r\n0\r\n\r\n' +
        head('GET', FEED, ['Accept-Encoding: gzip', id(ids, 3)]) +
        head('GET', '/healthz', [id(ids, 4)]),
      { count: 5, bodiless: [false, true], warm: { target: FEED, coding: 'gzip' } },
    );
    expect(result.responses.map((r) => r.status)).toEqual([200, 200, 403, 200, 200]);
    expect(result.fastOnFront).toEqual([true, true, false, true, false]);
  });
});

describe('listening analytics behind the HTTP front', () => {
  const newDir = tempDirs();

  it('counts a download sent on a connection the front answered feeds on', async () => {
    const dbPath = join(await newDir(), 'listens.db');
    const { server, lines } = await serve(dbPath, {});
    let closed = false;
    try {
      const [feed] = await rawExchange(server.port, head('GET', FEED), 1);
      const enclosure = /<enclosure url="https:\/\/news\.example([^"]+)"/.exec(String(feed?.body))?.[1] ?? '';
      expect(enclosure).toMatch(/^\/media\//);
      const ua = 'User-Agent: AppleCoreMedia/1.0.0.21A329 (iPhone; U; CPU OS 17_0 like Mac OS X; en_us)';
      const answers = await rawExchange(
        server.port,
        head('GET', FEED, ['X-Request-Id: feed-1']) + head('GET', enclosure, [ua, 'X-Request-Id: media-1']),
        2,
      );
      expect(answers.map((a) => a.status)).toEqual([200, 200]);
      const requestLines = lines.filter((l) => l.msg === 'request');
      expect(requestLines.find((l) => l.requestId === 'feed-1')?.fast).toBe(true);
      expect(requestLines.find((l) => l.requestId === 'media-1')?.status).toBe(200);
      await server.close();
      closed = true;
      // Closing writes the queued listening events.
      const client = createClient({ url: `file:${dbPath}` });
      const rows = await client.execute('SELECT count(*) AS n FROM listen_events');
      client.close();
      expect(Number(rows.rows[0]?.n)).toBe(1);
    } finally {
      if (!closed) await server.close();
    }
  });
});
