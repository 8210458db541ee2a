// A raw node:http server on loopback for fetch tests: counts requests, records Host headers, sees sockets close.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { FetchPort } from '../../src/net/safe-fetch.ts';

export interface OriginServer {
  /** http://127.0.0.1:PORT */
  readonly origin: string;
  readonly port: number;
  /** `host path` of every request received, in order. */
  readonly requests: string[];
  /** Resolves when every socket that connected so far has closed. */
  socketsClosed(): Promise<void>;
  close(): Promise<void>;
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** Starts a server on 127.0.0.1 with `handler`; close() ends every connection. */
export async function startOrigin(handler: Handler): Promise<OriginServer> {
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const closings: Promise<void>[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.headers.host} ${req.url}`);
    handler(req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    closings.push(new Promise((resolve) => socket.once('close', () => resolve())));
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    socketsClosed: async () => {
      await Promise.all(closings);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** An address that passes every rule, standing in for "a public host" in tests. */
export const PUBLIC_STAND_IN = '93.184.215.14';

/**
 * Simulates public hosts on loopback: `names` resolve to PUBLIC_STAND_IN (so the address rules see
 * a public address), and a connection pinned to it is delivered to 127.0.0.1 through the real
 * port, like a NAT. Every other name resolves through `others` (default: none).
 */
export function natPort(
  real: FetchPort,
  names: readonly string[],
  others: Readonly<Record<string, string[]>> = {},
): FetchPort & { readonly resolved: string[] } {
  const resolved: string[] = [];
  return {
    resolved,
    fetch: (request, pinned) =>
      real.fetch(request, pinned.address === PUBLIC_STAND_IN ? { address: '127.0.0.1' } : pinned),
    resolve: async (hostname) => {
      resolved.push(hostname);
      if (names.includes(hostname)) return [PUBLIC_STAND_IN];
      const answer = others[hostname];
      if (answer) return answer;
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    },
  };
}
