// rawExchange: sends exact request bytes over one TCP connection and reads the exact responses back.
import { connect } from 'node:net';

export interface RawResponse {
  /** The status line, such as `HTTP/1.1 200 OK`. */
  readonly statusLine: string;
  readonly status: number;
  /** Header lines as sent, `name: value`, in order. */
  readonly headerLines: readonly string[];
  readonly body: Buffer;
}

/**
 * Writes `request` (one or more pipelined requests) to `port` and resolves with `count` final
 * responses (1xx interim responses are skipped). `bodiless[i]` says response i has no body
 * whatever it says (the answer to a HEAD). Rejects if the connection ends before, or after 10 s.
 */
export function rawExchange(
  port: number,
  request: string | Buffer,
  count: number,
  bodiless: readonly boolean[] = [],
): Promise<RawResponse[]> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = Buffer.alloc(0);
    const responses: RawResponse[] = [];
    const timer = setTimeout(() => fail(new Error('no complete answer within 10 s')), 10_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    };
    socket.on('error', fail);
    socket.on('end', () => fail(new Error(`connection ended after ${responses.length} of ${count} answers`)));
    socket.on('data', (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      for (;;) {
        const read = readResponse(data, bodiless[responses.length] ?? false);
        if (read === undefined) return;
        data = data.subarray(read.used);
        if (read.response.status >= 200) responses.push(read.response);
        if (responses.length === count) {
          clearTimeout(timer);
          socket.destroy();
          resolve(responses);
          return;
        }
      }
    });
    socket.write(request);
  });
}

function readResponse(data: Buffer, bodiless: boolean): { response: RawResponse; used: number } | undefined {
  const end = data.indexOf('\r\n\r\n');
  if (end === -1) return undefined;
  const [statusLine = '', ...headerLines] = data.toString('latin1', 0, end).split('\r\n');
  const status = Number(statusLine.split(' ')[1]);
  const header = (name: string) =>
    headerLines
      .find((line) => line.toLowerCase().startsWith(`${name}:`))
      ?.slice(name.length + 1)
      .trim();
  let at = end + 4;
  let body: Buffer = Buffer.alloc(0);
  if (!bodiless && status >= 200 && status !== 204 && status !== 304) {
    if (header('transfer-encoding') === 'chunked') {
      const chunks: Buffer[] = [];
      for (;;) {
        const lineEnd = data.indexOf('\r\n', at);
        if (lineEnd === -1) return undefined;
        const size = Number.parseInt(data.toString('latin1', at, lineEnd), 16);
        if (data.length < lineEnd + 2 + size + 2) return undefined;
        chunks.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
        at = lineEnd + 2 + size + 2;
        if (size === 0) break;
      }
      body = Buffer.concat(chunks);
    } else {
      const length = Number(header('content-length') ?? 0);
      if (data.length < at + length) return undefined;
      body = data.subarray(at, at + length);
      at += length;
    }
  }
  return { response: { statusLine, status, headerLines, body: Buffer.from(body) }, used: at };
}
