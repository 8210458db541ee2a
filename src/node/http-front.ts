// attachHttpFront: answers plain GETs of hot feeds on node:http's own sockets before node:http parses them; hands anything else over.
import type { Server } from 'node:http';
import { Socket } from 'node:net';
import type { FastRequest, ReplayWriter } from './fast-path.ts';
import { MAX_SIMPLE_HEAD_BYTES, parseSimpleHead } from './request-head.ts';

/** The fast path's answerer (createHotAnswerer). */
export type HotAnswerer = <T>(request: FastRequest, target: T, write: ReplayWriter<T>) => boolean;

export interface HttpFront {
  /** Ends the connections the front holds (none of them is inside a request), as server.closeIdleConnections. */
  closeIdleConnections(): void;
  /** Destroys them, as server.closeAllConnections. */
  closeAllConnections(): void;
}

const END_OF_HEAD = Buffer.from('\r\n\r\n');

/**
 * Takes over `server`'s 'connection' event. Each new connection's requests are read here while they
 * are plain keep-alive GETs or HEADs that `answerHot` answers (in order, pipelined or not); the first
 * request it does not answer, and everything after it, goes to node:http's own connection handling
 * with the unread bytes, for the rest of the connection. So node:http keeps every other case as it
 * always was (bodies, Expect, upgrades, HTTP/1.0, Connection: close, bad requests, timeouts, limits)
 * and the hot replays skip its per-request objects (IncomingMessage, ServerResponse, header maps).
 * A server whose keepAliveTimeout is 0 or whose maxRequestsPerSocket is set is left as it is.
 */
export function attachHttpFront(server: Server, answerHot: HotAnswerer): HttpFront {
  const owned = new Set<Socket>();
  const handOver = server.listeners('connection') as ((socket: Socket) => void)[];
  if (!(server.keepAliveTimeout > 0) || server.maxRequestsPerSocket) return NO_FRONT;
  server.removeAllListeners('connection');
  const writeReplay = createSocketWriter(server);

  function toNodeHttp(socket: Socket, unread: Buffer | undefined): void {
    owned.delete(socket);
    // Paused first: data must not flow to nobody between our listener leaving and node:http's arriving.
    socket.pause();
    socket.removeAllListeners('data');
    socket.removeAllListeners('end');
    socket.removeAllListeners('timeout');
    socket.removeAllListeners('error');
    socket.setTimeout(0);
    if (unread !== undefined && unread.length > 0) socket.unshift(unread);
    for (const listener of handOver) listener.call(server, socket);
    socket.resume();
  }

  server.on('connection', function frontConnection(socket: Socket) {
    if (!(socket instanceof Socket) || 'encrypted' in socket) {
      for (const listener of handOver) listener.call(server, socket);
      return;
    }
    owned.add(socket);
    let pending: Buffer | undefined;
    // As node:http times out an idle keep-alive connection: keepAliveTimeout and its buffer.
    socket.setTimeout(server.keepAliveTimeout + (server.keepAliveTimeoutBuffer ?? 1000));
    socket.on('timeout', () => socket.destroy());
    socket.on('error', () => socket.destroy());
    // allowHalfOpen: a client that is done sending still gets what it asked for, then the end.
    socket.on('end', () => socket.end());
    socket.on('close', () => owned.delete(socket));
    socket.on('data', (chunk: Buffer) => {
      if (socket.writableEnded) return;
      if (!(server.keepAliveTimeout > 0)) return toNodeHttp(socket, chunk);
      const data = pending === undefined ? chunk : Buffer.concat([pending, chunk]);
      pending = undefined;
      let at = 0;
      let corked = false;
      try {
        while (at < data.length) {
          // Written answers beyond the high-water mark: node:http takes the rest, with its back-pressure.
          if (socket.writableLength >= socket.writableHighWaterMark) break;
          const end = data.indexOf(END_OF_HEAD, at);
          if (end === -1) {
            if (data.length - at <= MAX_SIMPLE_HEAD_BYTES) {
              pending = data.subarray(at);
              at = data.length;
            }
            break;
          }
          const head = parseSimpleHead(data.toString('latin1', at, end));
          if (head === undefined) break;
          // Pipelined answers leave together: the socket is corked from the second one on.
          if (at > 0 && !corked) {
            socket.cork();
            corked = true;
          }
          const request: FastRequest = { method: head.method, url: head.url, headers: head.headers, socket };
          if (!answerHot(request, socket, writeReplay)) break;
          at = end + 4;
        }
      } finally {
        if (corked) socket.uncork();
      }
      if (at < data.length) toNodeHttp(socket, data.subarray(at));
    });
  });

  return {
    closeIdleConnections() {
      for (const socket of owned) socket.end();
    },
    closeAllConnections() {
      for (const socket of owned) socket.destroy();
    },
  };
}

const NO_FRONT: HttpFront = { closeIdleConnections() {}, closeAllConnections() {} };

/** Bodies up to this size leave in one buffer with their head: one write instead of two. */
const JOINED_BODY_BYTES = 16 * 1024;

/**
 * Writes a replay as node:http writes res.writeHead(status, list) + res.end(body) on a keep-alive
 * HTTP/1.1 connection: the listed headers, then Date, Connection and Keep-Alive.
 */
function createSocketWriter(server: Server): ReplayWriter<Socket> {
  let second = 0;
  let timeout = 0;
  let tail = '';
  return function writeReplay(socket, status, replay, requestId, head) {
    const now = Date.now();
    if (now - second >= 1000 || server.keepAliveTimeout !== timeout) {
      second = now - (now % 1000);
      timeout = server.keepAliveTimeout;
      tail = `\r\nDate: ${new Date(second).toUTCString()}\r\nConnection: keep-alive\r\nKeep-Alive: timeout=${Math.floor(timeout / 1000)}\r\n\r\n`;
    }
    const prefix = status === 304 ? replay.notModifiedHead : replay.okHead;
    const body = status === 304 || head ? undefined : replay.body;
    // The id and the tail are ASCII: one byte per character.
    const size = prefix.length + requestId.length + tail.length;
    if (body !== undefined && body.length > JOINED_BODY_BYTES) {
      socket.write(`${prefix}${requestId}${tail}`, 'latin1');
      socket.write(body);
      return;
    }
    const out = Buffer.allocUnsafe(size + (body === undefined ? 0 : body.length));
    let at = out.write(prefix, 0, 'latin1');
    at += out.write(requestId, at, 'latin1');
    at += out.write(tail, at, 'latin1');
    if (body !== undefined) body.copy(out, at);
    socket.write(out);
  };
}
