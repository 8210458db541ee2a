// Recording what podwire sends for each page and feed of the mix, for the replaying baseline server.
import { stat } from 'node:fs/promises';
import { Agent } from 'node:http';
import { join } from 'node:path';
import { type LoadRequest, send } from './client.ts';
import { documentsOf } from './mix.ts';
import type { Recording } from './replay-server.ts';
import type { Site } from './site.ts';

/** Per-connection and per-response headers the replay does not repeat. */
const DROPPED = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'x-request-id']);

/** Each document's 200 (headers and body, compressed as the mix asks) and where each media file lies. */
export async function recordSite(base: string, site: Site, mediaDir: string): Promise<Recording> {
  const agent = new Agent({ keepAlive: true });
  const documents: Recording['documents'][number][] = [];
  for (const { path, headers } of documentsOf(site)) {
    const spec: LoadRequest = {
      kind: 'setup',
      method: 'GET',
      path,
      headers,
      keepBody: true,
      check: () => undefined,
    };
    const answer = await send(agent, new URL(base), spec, 10_000);
    if (answer.status !== 200 || !answer.body) throw new Error(`recording ${path}: status ${answer.status}`);
    const kept = Object.entries(answer.headers).filter(([name]) => !DROPPED.has(name));
    documents.push({
      path,
      headers: Object.fromEntries(kept.map(([name, value]) => [name, String(value)])),
      body: answer.body.toString('base64'),
    });
  }
  agent.destroy();
  // /media/<version>/<key>: the key, percent-decoded, is the file's path under the media folder.
  const media = site.media.map((m) => ({
    path: m.path,
    file: join(mediaDir, decodeURIComponent(m.path.split('/').slice(3).join('/'))),
  }));
  return { documents, media };
}

/** Sizes of a libSQL database file and of its write-ahead log, in bytes. */
export async function databaseBytes(path: string): Promise<{ main: number; wal: number }> {
  const size = (file: string) =>
    stat(file).then(
      (s) => s.size,
      () => 0,
    );
  return { main: await size(path), wal: await size(`${path}-wal`) };
}
