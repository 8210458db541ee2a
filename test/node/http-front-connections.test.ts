import { once } from 'node:events';
import { createServer, type Server, type ServerOptions } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';

import { createHotResponses } from '../../src/http/hot-responses.ts';
import { createRequestIds } from '../../src/http/request-id.ts';
import { SILENT_LOGGER } from '../../src/log.ts';
import { createHotAnswerer } from '../../src/node/fast-path.ts';
import { attachHttpFront, type HttpFront, type HttpFrontOptions } from '../../src/node/http-front.ts';
import { eventually } from '../helpers/eventually.ts';
import { rawExchange } from '../helpers/raw-http.ts';

const get = (path: string) => `GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`;

/**
 * A node:http server whose app answers `app <url>`, with the front in front of it replaying `/hot`
 * (a body of `hotBytes` bytes); `appUrls` lists what reached the app.
 */
async function startFront(
  hotBytes = 10,
  serverOptions: ServerOptions = {},
  frontOptions: HttpFrontOptions = {},
  hotOptions: Partial<Parameters<typeof createHotResponses>[0]> = {},
) {
  const hot = createHotResponses({ ttlMs: 60_000, ...hotOptions });
  const body = new Uint8Array(hotBytes).fill(0x68);
  hot.remember('/hot', undefined, {
    baseTag: '"t"',
    lastModified: new Date(0),
    headers: { 'content-length': String(hotBytes), 'content-type': 'text/plain', etag: '"t"' },
    body,
  });
  const appUrls: string[] = [];
  const server = createServer(serverOptions, (req, res) => {
    appUrls.push(req.url ?? '');
    let length = 0;
    req.on('data', (chunk: Buffer) => {
      length += chunk.length;
    });
    req.on('end', () => res.end(`app ${req.url} ${length}`));
  });
  const answerHot = createHotAnswerer(hot, SILENT_LOGGER, [], { newRequestId: createRequestIds() });
  const front = attachHttpFront(server, answerHot, frontOptions);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, front, hot, appUrls, port: (server.address() as AddressInfo).port };
}

// Each case reads both ways: into the shared buffer (where Node allows it) and through 'data' events.
describe.each([
  { reads: 'the shared buffer', sharedBuffer: true },
  { reads: "'data' events", sharedBuffer: false },
])('attachHttpFront, reading through $reads', ({ sharedBuffer }) => {
  const frontServer = (hotBytes?: number, serverOptions?: ServerOptions) =>
    startFront(hotBytes, serverOptions, { sharedBuffer });

  /**
   * A front whose /hot goes stale when `stale()` is called; each revalidation the app is asked for
   * waits until `settle(confirmed)`: confirmed keeps the entry, otherwise it is dropped.
   */
  async function staleFront() {
    let now = 0;
    const asked: ((confirmed: boolean) => void)[] = [];
    const t = await startFront(
      10,
      {},
      { sharedBuffer },
      {
        ttlMs: 1000,
        clock: () => now,
        onAging: () =>
          new Promise<void>((resolve) => {
            asked.push((confirmed) => {
              if (confirmed) t.hot.confirm('/hot', undefined, '"t"');
              resolve();
            });
          }),
      },
    );
    const client = connect({ port: t.port, host: '127.0.0.1', allowHalfOpen: true });
    let text = '';
    client.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
    });
    await once(client, 'connect');
    return {
      t,
      client,
      asked,
      stale: () => {
        now += 5000;
      },
      settle: (confirmed: boolean) => asked.shift()?.(confirmed),
      answers: () => text.match(/HTTP\/1\.1 \d{3} /g)?.length ?? 0,
      bodies: () => text.match(/hhhhhhhhhh|app \/hot \d+/g) ?? [],
    };
  }
  let running: { server: Server; front: HttpFront } | undefined;
  afterEach(async () => {
    if (!running) return;
    running.front.closeAllConnections();
    running.server.closeAllConnections();
    await new Promise((resolve) => running?.server.close(resolve));
    running = undefined;
  });

  it('answers hot requests itself and hands the first other one, and all after it, to node:http', async () => {
    const t = await frontServer();
    running = t;
    const post =
      'POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n';
    const answers = await rawExchange(
      t.port,
      get('/hot') + get('/hot') + post + get('/hot') + get('/cold'),
      5,
    );
    expect(answers.map((a) => a.body.toString())).toEqual([
      'hhhhhhhhhh',
      'hhhhhhhhhh',
      'app /upload 3',
      'app /hot 0',
      'app /cold 0',
    ]);
    expect(t.appUrls).toEqual(['/upload', '/hot', '/cold']);
  });

  it('waits for a head that arrives in pieces', async () => {
    const t = await frontServer();
    running = t;
    const socket = connect(t.port, '127.0.0.1');
    await once(socket, 'connect');
    let received = '';
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
    });
    const request = get('/hot') + get('/hot');
    for (const piece of [
      request.slice(0, 5),
      request.slice(5, 30),
      request.slice(30, 40),
      request.slice(40),
    ]) {
      socket.write(piece);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    while (received.split('hhhhhhhhhh').length < 3) await once(socket, 'data');
    socket.destroy();
    expect(received.match(/HTTP\/1\.1 200 OK/g)).toHaveLength(2);
    expect(t.appUrls).toEqual([]);
  });

  it('queues at most a high-water mark of answers for a client that does not read', async () => {
    const t = await frontServer(1024 * 1024);
    running = t;
    // 64 pipelined requests for 1 MB each: the front answers a few, node:http the rest, as it reads.
    const answers = await rawExchange(t.port, get('/hot').repeat(64), 64);
    const byFront = answers.findIndex((a) => a.body.toString() === 'app /hot 0');
    expect(byFront).toBeGreaterThan(0);
    expect(answers.slice(0, byFront).every((a) => a.body.length === 1024 * 1024)).toBe(true);
    expect(answers.slice(byFront).every((a) => a.body.toString() === 'app /hot 0')).toBe(true);
    expect(t.appUrls).toHaveLength(64 - byFront);
  });

  it('gives a bad request to node:http, which refuses it', async () => {
    const t = await frontServer();
    running = t;
    const answers = await rawExchange(
      t.port,
      `${get('/hot')}GET /hot HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n`,
      2,
    );
    expect(answers.map((a) => a.status)).toEqual([200, 400]);
  });

  it('refuses a head longer than node:http allows as node:http does', async () => {
    const t = await frontServer();
    running = t;
    const answers = await rawExchange(
      t.port,
      `GET /hot HTTP/1.1\r\nHost: x\r\nX-Pad: ${'a'.repeat(20_000)}\r\n\r\n`,
      1,
    );
    expect(answers[0]?.status).toBe(431);
  });

  it('closes its idle connections when the server closes, and a client’s half-close ends the connection', async () => {
    const t = await frontServer();
    running = t;
    const socket = connect(t.port, '127.0.0.1');
    socket.write(get('/hot'));
    await once(socket, 'data');
    const ended = once(socket, 'end');
    t.front.closeIdleConnections();
    await ended;
    socket.destroy();

    const halfClosed = connect({ port: t.port, host: '127.0.0.1', allowHalfOpen: true });
    let text = '';
    halfClosed.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
    });
    halfClosed.end(get('/hot'));
    await once(halfClosed, 'end');
    expect(text).toMatch(/^HTTP\/1\.1 200 OK[\s\S]*hhhhhhhhhh$/);
  });

  it('leaves connections to node:http while keep-alive is off or requests per connection are limited', async () => {
    const t = await frontServer();
    running = t;
    t.server.keepAliveTimeout = 0;
    expect((await rawExchange(t.port, get('/hot'), 1))[0]?.body.toString()).toBe('app /hot 0');
    t.server.keepAliveTimeout = 5000;
    t.server.maxRequestsPerSocket = 10;
    expect((await rawExchange(t.port, get('/hot'), 1))[0]?.body.toString()).toBe('app /hot 0');
    t.server.maxRequestsPerSocket = 0;
    expect((await rawExchange(t.port, get('/hot'), 1))[0]?.body.toString()).toBe('hhhhhhhhhh');
  });

  it('gives node:http a head still incomplete after headersTimeout, which answers 408', async () => {
    const t = await frontServer(10, { connectionsCheckingInterval: 50 });
    running = t;
    t.server.headersTimeout = 200;
    t.server.requestTimeout = 300;
    const socket = connect(t.port, '127.0.0.1');
    let text = '';
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
    });
    const closed = once(socket, 'close');
    // One byte every 50 ms: never idle long enough for the keep-alive timeout.
    const head = get('/hot');
    for (let i = 0; i < 12 && !socket.destroyed; i++) {
      socket.write(head[i] as string);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await closed;
    expect(text).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('closes a connection left idle past keepAliveTimeout and its buffer', async () => {
    const t = await frontServer();
    running = t;
    t.server.keepAliveTimeout = 100;
    t.server.keepAliveTimeoutBuffer = 0;
    // Read when the connection comes: the new values apply to new connections.
    const socket = connect(t.port, '127.0.0.1');
    socket.write(get('/hot'));
    await once(socket, 'data');
    const closed = once(socket, 'close');
    socket.resume();
    await closed;
    expect(socket.destroyed).toBe(true);
  });

  it('waits for the app to revalidate a stale hot response, answers it, and keeps the connection', async () => {
    const f = await staleFront();
    running = f.t;
    f.client.write(get('/hot'));
    await eventually(() => f.answers() === 1, 'f.answers() === 1', 2000, 5);
    f.stale();
    f.client.write(get('/hot') + get('/hot'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Both wait behind one revalidation.
    expect(f.answers()).toBe(1);
    expect(f.asked).toHaveLength(1);
    f.settle(true);
    await eventually(() => f.answers() === 3, 'f.answers() === 3', 2000, 5);
    f.client.write(get('/hot'));
    await eventually(() => f.answers() === 4, 'f.answers() === 4', 2000, 5);
    f.client.destroy();
    expect(f.bodies()).toEqual(Array(4).fill('hhhhhhhhhh'));
    expect(f.t.appUrls).toEqual([]);
  });

  it('hands the request to node:http when the revalidation neither confirms nor replaces the response', async () => {
    const f = await staleFront();
    running = f.t;
    f.stale();
    f.client.write(get('/hot'));
    await eventually(() => f.asked.length === 1, 'f.asked.length === 1', 2000, 5);
    f.settle(false);
    await eventually(() => f.answers() === 1, 'f.answers() === 1', 2000, 5);
    f.client.write(get('/hot'));
    await eventually(() => f.answers() === 2, 'f.answers() === 2', 2000, 5);
    f.client.destroy();
    expect(f.bodies()).toEqual(['app /hot 0', 'app /hot 0']);
    expect(f.t.appUrls).toEqual(['/hot', '/hot']);
  });

  it('answers a client that half-closed while its request waited, then ends the connection', async () => {
    const f = await staleFront();
    running = f.t;
    f.stale();
    const ended = once(f.client, 'end');
    f.client.end(get('/hot'));
    await eventually(() => f.asked.length === 1, 'f.asked.length === 1', 2000, 5);
    f.settle(true);
    await ended;
    expect(f.bodies()).toEqual(['hhhhhhhhhh']);
  });

  it('lets a waiting request be answered before closeIdleConnections ends its connection', async () => {
    const f = await staleFront();
    running = f.t;
    f.stale();
    f.client.write(get('/hot'));
    await eventually(() => f.asked.length === 1, 'f.asked.length === 1', 2000, 5);
    const ended = once(f.client, 'end');
    f.t.front.closeIdleConnections();
    f.settle(true);
    await ended;
    expect(f.bodies()).toEqual(['hhhhhhhhhh']);
  });

  it('gives node:http a connection that piles up more than a head behind a waiting request', async () => {
    const f = await staleFront();
    running = f.t;
    f.stale();
    f.client.write(get('/hot'));
    await eventually(() => f.asked.length === 1, 'f.asked.length === 1', 2000, 5);
    f.client.write(`GET /hot HTTP/1.1\r\nHost: x\r\nX-Pad: ${'a'.repeat(10_000)}\r\n\r\n`);
    f.client.write(`GET /hot HTTP/1.1\r\nHost: x\r\nX-Pad: ${'a'.repeat(10_000)}\r\n\r\n`);
    await eventually(() => f.answers() === 3, 'f.answers() === 3', 2000, 5);
    f.settle(true);
    f.client.destroy();
    expect(f.bodies()).toEqual(['app /hot 0', 'app /hot 0', 'app /hot 0']);
  });
});
