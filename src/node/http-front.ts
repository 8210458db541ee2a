// attachHttpFront: answers plain GETs of hot feeds on node:http's own sockets before node:http parses them; hands anything else over.
import type { Server } from 'node:http';
import { Socket } from 'node:net';
import type { FastRequest, ReplayWriter } from './fast-path.ts';
import { MAX_SIMPLE_HEAD_BYTES, parseSimpleHead } from './request-head.ts';
import { readIntoSharedBuffer, readIntoStream } from './shared-read-buffer.ts';

/** The fast path's answerer (createHotAnswerer). */
export type HotAnswerer = <T>(request: FastRequest, target: T, write: ReplayWriter<T>) => boolean;

export interface HttpFrontOptions {
  /** Whether connections read into one shared buffer where Node allows (readIntoSharedBuffer); tests turn it off. */
  readonly sharedBuffer?: boolean;
}

/** A connection the front holds: node:http has not taken it. */
interface FrontConnection {
  readonly socket: Socket;
  /** When bytes last came (Date.now()), or output was still queued at a sweep. */
  lastActive: number;
}

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
export function attachHttpFront(
  server: Server,
  answerHot: HotAnswerer,
  options: HttpFrontOptions = {},
): HttpFront {
  const owned = new Set<FrontConnection>();
  const idleSweep = createIdleSweep(server, owned);
  const handOver = server.listeners('connection') as ((socket: Socket) => void)[];
  server.removeAllListeners('connection');
  const writeReplay = createSocketWriter(server);
  const toNodeHttp = (socket: Socket) => {
    for (const listener of handOver) listener.call(server, socket);
  };
  const sharedBuffer = options.sharedBuffer !== false;

  server.on('connection', function frontConnection(socket: Socket) {
    // node:http's own settings it reads per connection or response: without a keep-alive timeout,
    // or with a request limit per connection, its answers differ, so it answers.
    if (!(socket instanceof Socket) || 'encrypted' in socket) return toNodeHttp(socket);
    if (!(server.keepAliveTimeout > 0) || server.maxRequestsPerSocket) return toNodeHttp(socket);
    const connection: FrontConnection = { socket, lastActive: Date.now() };
    owned.add(connection);
    idleSweep.start();
    /** The start of a head not yet complete (a copy), and when its first bytes came. */
    let pending: Buffer | undefined;
    let pendingSince = 0;

    const onError = () => socket.destroy();
    // allowHalfOpen: a client that is done sending still gets what it asked for, then the end.
    const onEnd = () => socket.end();
    /** `bytes` may be a view of the shared read buffer: whatever outlives this call is copied. */
    const onBytes = (bytes: Buffer) => {
      connection.lastActive = Date.now();
      if (socket.writableEnded) return;
      const data = pending === undefined ? bytes : Buffer.concat([pending, bytes]);
      // A head trickling in for longer than headersTimeout is node:http's to time out (408).
      const slow = pending !== undefined && connection.lastActive - pendingSince > server.headersTimeout;
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
              if (at > 0 || !continued) pendingSince = connection.lastActive;
              pending = Buffer.from(data.subarray(at));
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
      owned.delete(connection);
      // Paused first: no data may flow to nobody between this listener leaving and node:http's coming.
      socket.pause();
      if (readsShared) readIntoStream(socket);
      else socket.removeListener('data', onBytes);
      socket.removeListener('end', onEnd);
      socket.removeListener('error', onError);
      socket.unshift(Buffer.from(unread));
      toNodeHttp(socket);
      socket.resume();
    };

    socket.on('error', onError);
    socket.on('end', onEnd);
    socket.on('close', () => owned.delete(connection));
    const readsShared = sharedBuffer && readIntoSharedBuffer(socket, onBytes);
    if (!readsShared) socket.on('data', onBytes);
    // Flowing, so the end of input is seen whichever way the bytes come.
    socket.resume();
  });

  return {
    closeIdleConnections() {
      for (const { socket } of owned) socket.end();
    },
    closeAllConnections() {
      for (const { socket } of owned) socket.destroy();
    },
  };
}

/**
 * Closes the front's connections left idle as node:http closes its own: after keepAliveTimeout and
 * its buffer. One timer for all of them, checking a few times per timeout, instead of a timer per
 * socket refreshed on every read and write (about 0.4 µs a request).
 */
function createIdleSweep(server: Server, owned: Set<FrontConnection>) {
  let timer: NodeJS.Timeout | undefined;
  const limit = () => server.keepAliveTimeout + (server.keepAliveTimeoutBuffer ?? 1000);
  const sweep = () => {
    timer = undefined;
    const now = Date.now();
    const idleLimit = limit();
    for (const connection of owned) {
      // Answers still leaving: the idle time counts from when they have left.
      if (connection.socket.writableLength > 0) connection.lastActive = now;
      else if (now - connection.lastActive >= idleLimit) {
        owned.delete(connection);
        connection.socket.destroy();
      }
    }
    if (owned.size > 0) schedule();
  };
  const schedule = () => {
    timer = setTimeout(sweep, Math.max(10, Math.min(1000, limit() / 4)));
    timer.unref();
  };
  return {
    start() {
      if (timer === undefined) schedule();
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
    if (body === undefined) {
      socket.write(prefix + requestId + tail, 'latin1');
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
