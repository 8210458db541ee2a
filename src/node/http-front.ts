// attachHttpFront: answers plain GETs of hot feeds on node:http's own sockets before node:http parses them; hands anything else over.
import type { Server } from 'node:http';
import { Socket } from 'node:net';
import type { FastRequest, HotAnswerer } from './fast-path.ts';
import { createIdleSweep, type SweptConnection } from './idle-sweep.ts';
import { MAX_SIMPLE_HEAD_BYTES, parseSimpleHead } from './request-head.ts';
import { readIntoSharedBuffer, readIntoStream } from './shared-read-buffer.ts';
import { createSocketReplayWriter } from './socket-replay-writer.ts';

export interface HttpFrontOptions {
  /** Whether connections read into one shared buffer where Node allows (readIntoSharedBuffer); tests turn it off. */
  readonly sharedBuffer?: boolean;
}

export interface HttpFront {
  /** Ends the connections the front holds once they are outside a request, as server.closeIdleConnections. */
  closeIdleConnections(): void;
  /** Destroys them, as server.closeAllConnections. */
  closeAllConnections(): void;
}

/** A connection the front holds: node:http has not taken it. */
interface FrontConnection extends SweptConnection {
  /** Set by closeIdleConnections while the connection was busy: it ends once its requests are answered. */
  closing: boolean;
}

const END_OF_HEAD = Buffer.from('\r\n\r\n');

/**
 * Takes over `server`'s 'connection' event. Each new connection's requests are read here while they
 * are plain keep-alive GETs or HEADs that `answerHot` answers (in order, pipelined or not); the first
 * request it does not answer, and everything after it, goes to node:http's own connection handling
 * with the unread bytes, for the rest of the connection. So node:http keeps every other case as it
 * always was (bodies, Expect, upgrades, HTTP/1.0, Connection: close, bad requests, timeouts, limits)
 * and the hot replays skip its per-request objects (IncomingMessage, ServerResponse, header maps).
 * A request whose hot response has gone stale waits here for the app's revalidation (a moment, once
 * a TTL), so a quiet second does not send every connection to node:http for good. While the server's
 * keepAliveTimeout is 0 or its maxRequestsPerSocket set, new connections go straight to node:http.
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
  const writeReplay = createSocketReplayWriter(server);
  const toNodeHttp = (socket: Socket) => {
    for (const listener of handOver) listener.call(server, socket);
  };
  const sharedBuffer = options.sharedBuffer !== false;

  server.on('connection', function frontConnection(socket: Socket) {
    // node:http's own settings it reads per connection or response: without a keep-alive timeout,
    // or with a request limit per connection, its answers differ, so it answers.
    if (!(socket instanceof Socket) || 'encrypted' in socket) return toNodeHttp(socket);
    if (!(server.keepAliveTimeout > 0) || server.maxRequestsPerSocket) return toNodeHttp(socket);
    const connection: FrontConnection = {
      socket,
      active: false,
      lastActive: Date.now(),
      busy: false,
      closing: false,
    };
    owned.add(connection);
    idleSweep.start();
    /**
     * Bytes not yet answered (a copy): the start of a head not yet complete, or, while busy, the
     * requests waiting for a revalidation. pendingSince: when an incomplete head's first bytes came.
     */
    let pending: Buffer | undefined;
    let pendingSince = 0;
    let ended = false;
    let handedOver = false;

    const onError = () => socket.destroy();
    const onEnd = () => {
      ended = true;
      // allowHalfOpen: a client that is done sending still gets what it asked for, then the end.
      if (!connection.busy) socket.end();
    };

    /** `bytes` may be a view of the shared read buffer: whatever outlives this call is copied. */
    const onBytes = (bytes: Buffer) => {
      connection.active = true;
      if (socket.writableEnded) return;
      if (connection.busy) {
        pending = pending === undefined ? Buffer.from(bytes) : Buffer.concat([pending, bytes]);
        // More than a head's worth piled up behind the wait: node:http reads on, with its limits.
        if (pending.length > MAX_SIMPLE_HEAD_BYTES) handOverWith(pending);
        return;
      }
      const data = pending === undefined ? bytes : Buffer.concat([pending, bytes]);
      // A head trickling in for longer than headersTimeout is node:http's to time out (408).
      const slow = pending !== undefined && Date.now() - pendingSince > server.headersTimeout;
      const continued = pending !== undefined;
      pending = undefined;
      if (slow) return handOverWith(data);
      answerFrom(data, continued);
    };

    /** Answers the requests in `data` while it can; then waits, keeps an incomplete head, or hands over. */
    const answerFrom = (data: Buffer, continued: boolean) => {
      if (!(server.keepAliveTimeout > 0) || server.maxRequestsPerSocket) return handOverWith(data);
      let at = 0;
      let corked = false;
      let revalidation: Promise<void> | undefined;
      try {
        while (at < data.length) {
          // Written answers beyond the high-water mark: node:http takes the rest, with its back-pressure.
          if (socket.writableLength >= socket.writableHighWaterMark) break;
          const end = data.indexOf(END_OF_HEAD, at);
          if (end === -1) {
            if (data.length - at <= MAX_SIMPLE_HEAD_BYTES) {
              if (at > 0 || !continued) pendingSince = Date.now();
              pending = Buffer.from(data.subarray(at));
              at = data.length;
            }
            break;
          }
          const head = parseSimpleHead(data, at, end);
          if (head === undefined) break;
          // Pipelined answers leave together: the socket is corked from the second one on.
          if (at > 0 && !corked) {
            socket.cork();
            corked = true;
          }
          const request: FastRequest = { method: head.method, url: head.url, headers: head.headers, socket };
          const answered = answerHot(request, socket, writeReplay);
          if (answered === true) at = end + 4;
          else {
            if (answered !== false) revalidation = answered;
            break;
          }
        }
      } finally {
        if (corked) socket.uncork();
      }
      if (revalidation !== undefined) return waitFor(revalidation, data.subarray(at));
      if (at < data.length) return handOverWith(data.subarray(at));
      if (ended || connection.closing) socket.end();
    };

    /** Holds `unanswered` (from a request whose hot response is being revalidated) until `revalidation` settles. */
    const waitFor = (revalidation: Promise<void>, unanswered: Buffer) => {
      connection.busy = true;
      pending = Buffer.from(unanswered);
      void revalidation.then(() => {
        connection.busy = false;
        if (handedOver || socket.destroyed) return;
        const data = pending ?? Buffer.alloc(0);
        pending = undefined;
        answerFrom(data, false);
      });
    };

    /** Gives the connection to node:http for good, with `unread` as the first bytes it reads. */
    const handOverWith = (unread: Buffer) => {
      handedOver = true;
      owned.delete(connection);
      // A client that has ended its side cannot be handed over (its stream has ended): it asked,
      // pipelined behind a request that waited, for something only node:http answers. It may retry.
      if (ended) return void socket.destroy();
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
      for (const connection of owned) {
        if (connection.busy) connection.closing = true;
        else connection.socket.end();
      }
    },
    closeAllConnections() {
      for (const { socket } of owned) socket.destroy();
    },
  };
}
