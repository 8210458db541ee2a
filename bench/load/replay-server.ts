// The load bench's baseline: a bare node:http server replaying bytes recorded from podwire (run as a child process).
// It answers GETs of recorded paths with the recorded headers and body (304 when If-None-Match names the
// current tag), ranges of the recorded media from memory, and writes with a small JSON body; each write
// changes every tag, as a write to podwire changes the catalogue version.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

export interface Recording {
  readonly documents: readonly {
    path: string;
    headers: Record<string, string>;
    /** base64 */
    body: string;
  }[];
  readonly media: readonly { path: string; file: string }[];
}

function serveReplay(recording: Recording, port: number): void {
  const documents = new Map(
    recording.documents.map((d) => [d.path, { headers: d.headers, body: Buffer.from(d.body, 'base64') }]),
  );
  const media = new Map(recording.media.map((m) => [m.path, readFileSync(m.file)]));
  let generation = 0;
  let nextId = 1_000_000;

  createServer((req, res) => {
    const path = req.url ?? '/';
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      req.resume();
      req.on('end', () => {
        generation++;
        if (req.method === 'DELETE') {
          res.writeHead(204).end();
          return;
        }
        const body = JSON.stringify({ id: nextId++ });
        res.writeHead(req.method === 'POST' ? 201 : 200, { 'content-type': 'application/json' }).end(body);
      });
      return;
    }
    if (path === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    const file = media.get(path);
    if (file) {
      const range = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
      if (!range) {
        res.writeHead(200, { 'content-type': 'audio/mpeg', 'content-length': file.byteLength }).end(file);
        return;
      }
      const start = Number(range[1]);
      const end = Math.min(Number(range[2]), file.byteLength - 1);
      res
        .writeHead(206, {
          'content-type': 'audio/mpeg',
          'content-range': `bytes ${start}-${end}/${file.byteLength}`,
          'content-length': end - start + 1,
        })
        .end(file.subarray(start, end + 1));
      return;
    }
    const document = documents.get(path);
    if (!document) {
      res.writeHead(404).end();
      return;
    }
    const etag = `${document.headers.etag?.slice(0, -1)}.${generation}"`;
    if (req.headers['if-none-match'] === etag) {
      const { 'content-length': _length, 'content-type': _type, ...rest } = document.headers;
      res.writeHead(304, { ...rest, etag }).end();
      return;
    }
    res.writeHead(200, { ...document.headers, etag }).end(document.body);
  }).listen(port, '127.0.0.1');
}

const [recordingFile] = process.argv.slice(2);
if (recordingFile) {
  serveReplay(JSON.parse(readFileSync(recordingFile, 'utf8')) as Recording, Number(process.env.PORT));
}
