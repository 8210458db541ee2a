// A bench baseline: bare node:http replaying one recorded response (200, or 304 on its exact ETag), no logging.
// Run as a child: `raw-node-server.ts <port> <response.json> <body file>`; prints "ready" when listening.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

interface Recorded {
  /** The 200's headers, as [name, value] pairs. */
  readonly headers: readonly (readonly [string, string])[];
  readonly etag: string;
}

const [port, responsePath, bodyPath] = process.argv.slice(2);
if (!port || !responsePath || !bodyPath) throw new Error('usage: raw-node-server.ts PORT RESPONSE BODY');
const recorded = JSON.parse(readFileSync(responsePath, 'utf8')) as Recorded;
const body = readFileSync(bodyPath);
// Flat [name, value, ...] arrays: the cheapest form res.writeHead takes.
const ok = recorded.headers.flat();
const notModified = recorded.headers
  .filter(([name]) => name !== 'content-type' && name !== 'content-length')
  .flat();

createServer(function replay(req, res) {
  if (req.headers['if-none-match'] === recorded.etag) {
    res.writeHead(304, notModified);
    res.end();
  } else {
    res.writeHead(200, ok);
    res.end(req.method === 'HEAD' ? undefined : body);
  }
}).listen(Number(port), '127.0.0.1', () => console.log('ready'));
// Exit through process.exit, so --cpu-prof (via NODE_OPTIONS or flags) writes its profile.
process.once('SIGTERM', () => process.exit(0));
