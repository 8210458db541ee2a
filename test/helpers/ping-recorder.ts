// startPingRecorder: a loopback HTTP server that records every request it gets (a stand-in for Podping, pubnotify or a hub's publish endpoint).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/** What the recorder answers: a status, or 'hang' (headers never sent). */
export type Answer = number | 'hang';

export interface PingRecorder {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Answers every later request to `path` so (default 204). */
  answer(path: string, answer: Answer): void;
  /** Resolves once `count` requests have arrived (or rejects after `ms`). */
  waitFor(count: number, ms?: number): Promise<RecordedRequest[]>;
  close(): Promise<void>;
}

export async function startPingRecorder(): Promise<PingRecorder> {
  const requests: RecordedRequest[] = [];
  const answers = new Map<string, Answer>();
  const hanging = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      requests.push({
        method: req.method ?? '',
        url: new URL(req.url ?? '/', 'http://recorder'),
        headers: req.headers,
        body,
      });
      const answer = answers.get(new URL(req.url ?? '/', 'http://recorder').pathname) ?? 204;
      if (answer === 'hang') hanging.add(res);
      else res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answer: (path, answer) => void answers.set(path, answer),
    async waitFor(count, ms = 30_000) {
      const deadline = Date.now() + ms;
      while (requests.length < count) {
        if (Date.now() > deadline)
          throw new Error(`${requests.length} of ${count} requests arrived within ${ms} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return requests.slice(0, count);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
