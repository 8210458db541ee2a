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
 * While the server's keepAliveTimeout is 0 or its maxRequestsPerSocket set, new connections go
 * straight to node:http.
 */
export function attachHttpFront(server: Server, answerHot: HotAnswerer): HttpFront {
  const owned = new Set<Socket>();
  const handOver = server.listeners('connection') as ((socket: Socket) => void)[];
  server.removeAllListeners('connection');
  const writeReplay = createSocketWriter(server);
  const toNodeHttp = (socket: Socket) => {
    for (const listener of handOver) listener.call(server, socket);
  };

  server.on('connection', function frontConnection(socket: Socket) {
    // node:http's own settings it reads per connection or response: without a keep-alive timeout,
    // or with a request limit per connection, its answers differ, so it answers.
    if (!(socket instanceof Socket) || 'encrypted' in socket) return toNodeHttp(socket);
    if (!(server.keepAliveTimeout > 0) || server.maxRequestsPerSocket) return toNodeHttp(socket);
    owned.add(socket);
    /** The start of a head not yet complete, and when its first bytes came. */
    let pending: Buffer | undefined;
    let pendingSince = 0;

    const onTimeout = () => socket.destroy();
    const onError = () => socket.destroy();
    // allowHalfOpen: a client that is done sending still gets what it asked for, then the end.
    const onEnd = () => socket.end();
    const onData = (chunk: Buffer) => {
      if (socket.writableEnded) return;
      const data = pending === undefined ? chunk : Buffer.concat([pending, chunk]);
      // A head trickling in for longer than headersTimeout is node:http's to time out (408).
      const slow = pending !== undefined && Date.now() - pendingSince > server.headersTimeout;
      const continued = pending !== undefined;
      pending = undefined;
      if (slow || !(server.keepAliveTimeout > 0) || server.maxRequestsPerSocket) return handOverWith(data);
      let at = 0;
      let corked = false;
      try {
        while (at < data.length) {
          // Written answers beyond the high-water mark: node:http takes the rest, with its back-pressure.
          if (socket.writableLength >= socket.writableHighWaterMark) break;
          const end = data.indexOf(END_OF_HEAD, at);
          if (end === -1) {
            if (data.length - at <= MAX_SIMPLE_HEAD_BYTES) {
              if (at > 0 || !continued) pendingSince = Date.now();
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
      if (at < data.length) handOverWith(data.subarray(at));
    };

    /** Gives the connection to node:http for good, with `unread` as the first bytes it reads. */
    const handOverWith = (unread: Buffer) => {
      owned.delete(socket);
      // Paused first: no data may flow to nobody between this listener leaving and node:http's coming.
      socket.pause();
      socket.removeListener('data', onData);
      socket.removeListener('end', onEnd);
      socket.removeListener('error', onError);
      socket.removeListener('timeout', onTimeout);
      socket.setTimeout(0);
      socket.unshift(unread);
      toNodeHttp(socket);
      socket.resume();
    };

    // As node:http times out an idle keep-alive connection: keepAliveTimeout and its buffer.
    socket.setTimeout(server.keepAliveTimeout + (server.keepAliveTimeoutBuffer ?? 1000));
    socket.on('timeout', onTimeout);
    socket.on('error', onError);
    socket.on('end', onEnd);
    socket.on('close', () => owned.delete(socket));
    socket.on('data', onData);
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
      // Head and body in one writev, as node:http sends them.
      socket.cork();
      socket.write(`${prefix}${requestId}${tail}`, 'latin1');
      socket.write(body);
      socket.uncork();
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
