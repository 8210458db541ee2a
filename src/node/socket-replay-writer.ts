// createSocketReplayWriter: writes a replayed hot response on a raw socket, byte for byte as node:http would.
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { ReplayWriter } from './fast-path.ts';

/** Bodies up to this size leave in one buffer with their head: one write instead of two. */
const JOINED_BODY_BYTES = 16 * 1024;

/**
 * Writes a replay as node:http writes res.writeHead(status, list) + res.end(body) on a keep-alive
 * HTTP/1.1 connection: the listed headers, then Date, Connection and Keep-Alive (from `server`'s
 * keepAliveTimeout, as node:http writes it). The Date line is made once a second.
 */
export function createSocketReplayWriter(server: Server): ReplayWriter<Socket> {
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
    if (body === undefined) {
      // One string, written as it is: no Buffer to fill (the head is ASCII).
      socket.write(prefix + requestId + tail, 'latin1');
      return;
    }
    if (body.length > JOINED_BODY_BYTES) {
      // Head and body in one writev, as node:http sends them.
      socket.cork();
      socket.write(prefix + requestId + tail, 'latin1');
      socket.write(body);
      socket.uncork();
      return;
    }
    // The id and the tail are ASCII: one byte per character.
    const out = Buffer.allocUnsafe(prefix.length + requestId.length + tail.length + body.length);
    let at = out.write(prefix, 0, 'latin1');
    at += out.write(requestId, at, 'latin1');
    at += out.write(tail, at, 'latin1');
    body.copy(out, at);
    socket.write(out);
  };
}
