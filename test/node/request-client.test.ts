import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { resolveClientAddress } from '../../src/http/client-address.ts';
import { createRequestClient } from '../../src/node/request-client.ts';

/** Just what requestClient reads of a request: its headers and its socket's peer. */
function request(socket: { remoteAddress?: string }, forwardedFor?: string | string[]): IncomingMessage {
  return { headers: { 'x-forwarded-for': forwardedFor }, socket } as unknown as IncomingMessage;
}

const PEERS = [undefined, '127.0.0.1', '::ffff:10.0.0.1', '::1', 'fe80::1%eth0', 'garbage'];
const FORWARDED = [
  undefined,
  '',
  '203.0.113.9',
  '6.6.6.6, 203.0.113.9:4711',
  'unknown',
  '[2001:db8::1]:443',
  ['1.1.1.1', '2.2.2.2'],
];

describe('createRequestClient', () => {
  it.each([false, true])('gives what resolveClientAddress gives (TRUST_PROXY=%s), twice', (trustProxy) => {
    const requestClient = createRequestClient({ trustProxy });
    for (const peer of PEERS) {
      const socket = { remoteAddress: peer };
      for (const forwarded of FORWARDED) {
        const expected =
          resolveClientAddress({
            trustProxy,
            forwardedFor: Array.isArray(forwarded) ? forwarded.join(',') : forwarded,
            peer,
          }) ?? null;
        expect(requestClient(request(socket, forwarded))).toBe(expected);
        expect(requestClient(request(socket, forwarded))).toBe(expected);
      }
    }
  });

  it('keeps a connection’s address after its socket has closed and forgotten it', () => {
    const requestClient = createRequestClient({ trustProxy: false });
    const socket: { remoteAddress?: string } = { remoteAddress: '::ffff:192.0.2.7' };
    expect(requestClient(request(socket))).toBe('192.0.2.7');
    socket.remoteAddress = undefined;
    expect(requestClient(request(socket))).toBe('192.0.2.7');
    expect(requestClient(request({}))).toBeNull();
  });
});
