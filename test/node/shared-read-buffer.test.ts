import { once } from 'node:events';
import { type AddressInfo, connect, createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';

import { readIntoSharedBuffer, readIntoStream } from '../../src/node/shared-read-buffer.ts';
import { eventually } from '../helpers/eventually.ts';

/** A TCP server that passes each accepted socket to `accept`, and a connected client. */
async function pair(accept: (socket: Socket) => void) {
  const server = createServer(accept);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { server, port };
}

describe('readIntoSharedBuffer', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve));
    server = undefined;
  });

  it('works on the Node podwire runs on (else the front would silently lose its speed)', async () => {
    const results: boolean[] = [];
    const started = await pair((socket) => {
      results.push(readIntoSharedBuffer(socket, () => {}));
      socket.resume();
      socket.end();
    });
    server = started.server;
    const client = connect(started.port, '127.0.0.1');
    client.resume();
    await once(client, 'close');
    expect(results).toEqual([true]);
  });

  it('hands every connection its bytes from one buffer, then the end of input as usual', async () => {
    const received = new Map<number, string>();
    const buffers = new Set<ArrayBufferLike>();
    const ended: number[] = [];
    let next = 0;
    const started = await pair((socket) => {
      const id = next++;
      received.set(id, '');
      readIntoSharedBuffer(socket, (bytes) => {
        buffers.add(bytes.buffer);
        received.set(id, received.get(id) + bytes.toString('latin1'));
      });
      socket.on('end', () => {
        ended.push(id);
        socket.end();
      });
      socket.resume();
    });
    server = started.server;
    const a = connect(started.port, '127.0.0.1');
    const b = connect(started.port, '127.0.0.1');
    await Promise.all([once(a, 'connect'), once(b, 'connect')]);
    a.write('first from a;');
    await eventually(
      () => received.get(0) === 'first from a;',
      "received.get(0) === 'first from a;'",
      2000,
      5,
    );
    b.write('first from b;');
    await eventually(
      () => received.get(1) === 'first from b;',
      "received.get(1) === 'first from b;'",
      2000,
      5,
    );
    a.end('then a again');
    b.end('then b again');
    await eventually(() => ended.length === 2, 'ended.length === 2', 2000, 5);
    expect(received.get(0)).toBe('first from a;then a again');
    expect(received.get(1)).toBe('first from b;then b again');
    // Views of the same memory: nothing was allocated per read.
    expect(buffers.size).toBe(1);
  });

  it('gives later reads back to the stream as copies after readIntoStream', async () => {
    const chunks: Buffer[] = [];
    let sharedBytes = '';
    const started = await pair((socket) => {
      readIntoSharedBuffer(socket, (bytes) => {
        sharedBytes += bytes.toString('latin1');
        readIntoStream(socket);
        socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      });
      socket.resume();
    });
    server = started.server;
    const client = connect(started.port, '127.0.0.1');
    await once(client, 'connect');
    client.write('to the callback');
    await eventually(() => sharedBytes === 'to the callback', "sharedBytes === 'to the callback'", 2000, 5);
    client.write('x'.repeat(100_000));
    await eventually(
      () => chunks.reduce((n, c) => n + c.length, 0) === 100_000,
      'chunks.reduce((n, c) => n + c.length, 0) === 100_000',
      2000,
      5,
    );
    client.destroy();
    // Each chunk is its own copy: a later read into the shared buffer changes none of them.
    expect(Buffer.concat(chunks).toString('latin1')).toBe('x'.repeat(100_000));
    expect(new Set(chunks.map((c) => c.buffer)).size).toBe(chunks.length);
  });

  it('changes nothing for a socket that already reads into a buffer of its own', async () => {
    const own = Buffer.alloc(1024);
    const results: boolean[] = [];
    let ownBytes = '';
    const started = await pair(() => {});
    server = started.server;
    const serverSide = once(started.server, 'connection');
    const client = connect({
      port: started.port,
      host: '127.0.0.1',
      onread: {
        buffer: own,
        callback: (n: number, buf: Uint8Array) => {
          ownBytes += Buffer.from(buf.buffer, buf.byteOffset, n).toString('latin1');
          return true;
        },
      },
    });
    await once(client, 'connect');
    results.push(readIntoSharedBuffer(client, () => {}));
    const [accepted] = (await serverSide) as [Socket];
    accepted.end('hello');
    await eventually(() => ownBytes === 'hello', "ownBytes === 'hello'", 2000, 5);
    client.destroy();
    expect(results).toEqual([false]);
  });
});
