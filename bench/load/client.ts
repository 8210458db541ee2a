// A closed-loop HTTP load driver on node:http keep-alive sockets: each connection sends its next request as its
// last answer ends, and every answer is timed, checked and counted by class.
import { Agent, type IncomingHttpHeaders, request } from 'node:http';
import { createHistogram, type Histogram } from './histogram.ts';

export interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  /** Body bytes received (as sent: compressed bodies are not decoded). */
  readonly bytes: number;
  /** The body, when the request asked to keep it. */
  readonly body?: Buffer;
}

export interface LoadRequest {
  /** The class it is counted under (pages, feeds, media, writes). */
  readonly kind: string;
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly keepBody?: boolean;
  /** Checks the answer and learns from it (ETags, created ids); returns what is wrong, if anything. */
  check(answer: Answer): string | undefined;
}

export interface ClassStats {
  readonly latency: Histogram;
  requests: number;
  bytes: number;
  readonly statuses: Map<number, number>;
}

export interface LoadResult {
  readonly seconds: number;
  readonly classes: ReadonlyMap<string, ClassStats>;
  /** Unexpected answers, socket errors and timeouts, by description; at most a few examples each. */
  readonly errors: ReadonlyMap<string, { count: number; example: string }>;
  readonly errorCount: number;
}

/** One request on `agent`; rejects on a socket error or when no complete answer came within `timeoutMs`. */
export function send(agent: Agent, base: URL, spec: LoadRequest, timeoutMs: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...spec.headers };
    if (spec.body !== undefined) headers['content-length'] = String(Buffer.byteLength(spec.body));
    const req = request(
      { agent, host: base.hostname, port: base.port, method: spec.method, path: spec.path, headers },
      (res) => {
        let bytes = 0;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.byteLength;
          if (spec.keepBody) chunks.push(chunk);
        });
        res.on('end', () => {
          clearTimeout(timer);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            bytes,
            ...(spec.keepBody ? { body: Buffer.concat(chunks) } : {}),
          });
        });
        res.on('error', fail);
        // A socket that closes mid-body may end the stream without an error event.
        res.on('close', () => {
          if (!res.complete) fail(new Error('the connection closed before the body ended'));
        });
      },
    );
    const timer = setTimeout(() => {
      req.destroy(new Error(`no complete answer within ${timeoutMs} ms`));
    }, timeoutMs);
    function fail(error: Error) {
      clearTimeout(timer);
      reject(error);
    }
    req.on('error', fail);
    req.end(spec.body);
  });
}

export interface RunOptions {
  readonly base: string;
  readonly connections: number;
  readonly seconds: number;
  readonly timeoutMs: number;
  readonly next: () => LoadRequest;
  /** Counts answered requests as they come, for progress reports during long runs. */
  readonly progress?: { requests: number };
}

/** Runs `connections` loops for `seconds`; requests still in flight at the end are awaited and counted. */
export async function runLoad(options: RunOptions): Promise<LoadResult> {
  const base = new URL(options.base);
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const classes = new Map<string, ClassStats>();
  const errors = new Map<string, { count: number; example: string }>();
  let errorCount = 0;
  const noteError = (key: string, example: string) => {
    errorCount++;
    const seen = errors.get(key);
    if (seen) seen.count++;
    else errors.set(key, { count: 1, example });
  };
  const started = performance.now();
  const until = started + options.seconds * 1000;

  const loop = async () => {
    while (performance.now() < until) {
      const spec = options.next();
      const stats = classOf(classes, spec.kind);
      const sent = performance.now();
      try {
        const answer = await send(agent, base, spec, options.timeoutMs);
        stats.latency.record(performance.now() - sent);
        stats.requests++;
        if (options.progress) options.progress.requests++;
        stats.bytes += answer.bytes;
        stats.statuses.set(answer.status, (stats.statuses.get(answer.status) ?? 0) + 1);
        const wrong = spec.check(answer);
        if (wrong) {
          const snippet = answer.body?.toString('utf8', 0, 300) ?? '';
          noteError(`${spec.kind}: ${wrong}`, `${spec.method} ${spec.path} -> ${answer.status} ${snippet}`);
        }
      } catch (error) {
        stats.requests++;
        const message = error instanceof Error ? error.message : String(error);
        noteError(`${spec.kind}: ${message}`, `${spec.method} ${spec.path}`);
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, loop));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { seconds, classes, errors, errorCount };
}

function classOf(classes: Map<string, ClassStats>, kind: string): ClassStats {
  let stats = classes.get(kind);
  if (!stats) {
    stats = { latency: createHistogram(), requests: 0, bytes: 0, statuses: new Map() };
    classes.set(kind, stats);
  }
  return stats;
}
