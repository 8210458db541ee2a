// createSocketReplayWriter: writes a replayed hot response on a raw socket, byte for byte as node:http would.
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { ReplayWriter } from './fast-path.ts';

/** Bodies up to this size leave in one buffer with their head: one write instead of two. */
const JOINED_BODY_BYTES = 16 * 1024;

/**
 * Writes a replay as node:http writes res.writeHead(status, list) + res.end(body) on a keep-alive
 * HTTP/1.1 connection: the listed headers, then Date, Connection and Keep-Alive (from `server`'s
 * keepAliveTimeout, as node:http writes it). Each answer is one buffer filled by copies (the head
 * and these last lines are prepared bytes; only the request id is encoded), written at once.
 */
export function createSocketReplayWriter(server: Server): ReplayWriter<Socket> {
  const closingLines = createClosingLines(server);
  return function writeReplay(socket, status, replay, requestId, head) {
    const prefix = status === 304 ? replay.notModifiedHead : replay.okHead;
    const tail = closingLines();
    const body = status === 304 || head ? undefined : replay.body;
    const joined = body !== undefined && body.length <= JOINED_BODY_BYTES;
    // The id is ASCII (isSaneRequestId or our own): one byte per character.
    const headBytes = prefix.length + requestId.length + tail.length;
    const out = Buffer.allocUnsafe(headBytes + (joined ? body.length : 0));
    out.set(prefix, 0);
    const at = prefix.length + out.write(requestId, prefix.length, 'latin1');
    out.set(tail, at);
    if (joined) out.set(body, headBytes);
    if (body === undefined || joined) {
      socket.write(out);
      return;
    }
    // Head and body in one writev, as node:http sends them.
    socket.cork();
    socket.write(out);
    socket.write(body);
    socket.uncork();
  };
}

/**
 * The lines node:http ends a keep-alive answer with, as bytes: Date (RFC 9110 §6.6.1), Connection,
 * Keep-Alive, and the blank line. Made again when the second changes, found as node:http finds it
 * (its utcDate cache): cleared by a timer at the next second, so no request reads the clock.
 */
function createClosingLines(server: Server): () => Buffer {
  let lines: Buffer | undefined;
  let timeout = 0;
  const clear = () => {
    lines = undefined;
  };
  return function closingLines() {
    if (lines === undefined || server.keepAliveTimeout !== timeout) {
      const now = new Date();
      timeout = server.keepAliveTimeout;
      lines = Buffer.from(
        `\r\nDate: ${now.toUTCString()}\r\nConnection: keep-alive\r\nKeep-Alive: timeout=${Math.floor(timeout / 1000)}\r\n\r\n`,
        'latin1',
      );
      setTimeout(clear, 1000 - now.getMilliseconds()).unref();
    }
    return lines;
  };
}
