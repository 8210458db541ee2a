// createRequestClient: the client address of a node:http request, as clientAddress(c) gives it, parsed once per value.
import type { IncomingHttpHeaders } from 'node:http';
import type { Socket } from 'node:net';
import { boundedMemo } from '../http/bounded-memo.ts';
import { parseAddress, rightmostForwardedFor } from '../http/client-address.ts';

/**
 * Returns `requestClient(req)`: resolveClientAddress for a request on node:http (the right-most
 * X-Forwarded-For entry with TRUST_PROXY, else the socket's peer), or null. The peer is parsed once
 * per connection and each X-Forwarded-For value once, since the fast path asks on every request.
 */
export function createRequestClient(options: { readonly trustProxy: boolean }) {
  const peers = new WeakMap<Socket, string | null>();
  const forwarded = boundedMemo((value) => rightmostForwardedFor(value) ?? null, {
    maxEntries: 4096,
    maxKeyLength: 256,
  });
  return function requestClient(req: {
    readonly headers: IncomingHttpHeaders;
    readonly socket: Socket;
  }): string | null {
    if (options.trustProxy) {
      const header = req.headers['x-forwarded-for'];
      if (header !== undefined) {
        const fromProxy = forwarded(Array.isArray(header) ? header.join(',') : header);
        if (fromProxy !== null) return fromProxy;
      }
    }
    const socket = req.socket;
    let peer = peers.get(socket);
    if (peer === undefined) {
      const address = socket.remoteAddress;
      peer = parseAddress(address) ?? null;
      // A socket already closed has no address; one that has keeps it.
      if (address !== undefined) peers.set(socket, peer);
    }
    return peer;
  };
}
