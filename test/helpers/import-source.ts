// A podcast host on loopback for import tests: a generated feed of N episodes, varied audio, transcripts, chapters, artwork.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const AUDIO = ['mp3-mpeg2-16k.mp3', 'mp3-mpeg25-8k-no-header.mp3'].map((name) =>
  readFileSync(new URL(`../fixtures/audio/${name}`, import.meta.url)),
);
/** The probed truth of each AUDIO file (manifest.json), in seconds. */
export const AUDIO_SECONDS = [5.184, 5.256];
const ARTWORK = readFileSync(new URL('../fixtures/images/square-1400.jpg', import.meta.url));

export interface SourceOptions {
  episodes: number;
  /** Every how many episodes carry a transcript and chapters. */
  documentsEvery?: number;
  /** podcast:locked yes, with this itunes:owner email. */
  lockedBy?: string;
  /** Extra channel elements (itunes:new-feed-url...). */
  channelExtra?: string;
  /** Episodes whose audio answers 500. */
  failingAudio?: Set<number>;
  /** Episodes from this one on are dated in 2099 (scheduled once imported). */
  futureFrom?: number;
}

/** The item GUIDs: non-URL ones, exactly as apps stored them (a tag URI, a bare number, a UUID-ish). */
export const guidOf = (i: number) =>
  i % 3 === 0 ? `tag:old.example,2020:ep/${i}` : i % 3 === 1 ? `${1000 + i}` : `b7c4-${i}-x`;

/** Audio bytes for episode i: a real MP3 with an ID3v1 tag naming i at its end, so every file hashes apart. */
export function audioOf(i: number): Uint8Array {
  const base = AUDIO[i % 2] as Buffer;
  const tag = Buffer.alloc(128);
  tag.write('TAG', 0, 'latin1');
  tag.write(`Episode ${i}`, 3, 'latin1');
  return Buffer.concat([base, tag]);
}

export function feedXml(base: string, options: SourceOptions): string {
  const items: string[] = [];
  for (let i = 0; i < options.episodes; i++) {
    const future = options.futureFrom !== undefined && i >= options.futureFrom;
    const date = new Date(
      future ? Date.UTC(2099, 0, 1) + i * 86_400_000 : Date.UTC(2020, 0, 1) + i * 86_400_000,
    );
    const documents = i % (options.documentsEvery ?? 10) === 0;
    items.push(`<item>
<title>Episode ${i}: the &amp; sign</title>
<guid isPermaLink="false">${guidOf(i).replace(/&/g, '&amp;')}</guid>
<pubDate>${date.toUTCString()}</pubDate>
<description><![CDATA[<p onclick="steal()">Notes for ${i}</p><script>alert(${i})</script><a href="javascript:evil()">x</a>]]></description>
<enclosure url="${base}/audio/${i}.mp3" length="999999999" type="audio/x-wav"/>
<itunes:duration>1:00:00</itunes:duration>
<itunes:episode>${i + 1}</itunes:episode>
<itunes:season>${1 + Math.floor(i / 100)}</itunes:season>
<itunes:episodeType>${i === 0 ? 'trailer' : 'full'}</itunes:episodeType>
<itunes:explicit>${i % 2 === 0 ? 'false' : 'true'}</itunes:explicit>
<podcast:person role="host" href="https://people.example/ada">Ada ${i}</podcast:person>
${documents ? `<podcast:transcript url="${base}/transcripts/${i}.vtt" type="text/vtt"/><podcast:chapters url="${base}/chapters/${i}.json" type="application/json+chapters"/>` : ''}
</item>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>The Old Host Hour</title>
<link>https://old.example/</link>
<description>A show &lt;b&gt;moving&lt;/b&gt; house.</description>
<language>en-GB</language>
<itunes:author>Old Host Newsroom</itunes:author>
<itunes:owner><itunes:name>Owner</itunes:name><itunes:email>${options.lockedBy ?? 'owner@old.example'}</itunes:email></itunes:owner>
<itunes:image href="${base}/art.jpg"/>
<itunes:category text="News"><itunes:category text="Daily News"/></itunes:category>
<itunes:category text="Not A Category"/>
<itunes:explicit>no</itunes:explicit>
<podcast:funding url="https://old.example/support">Support us</podcast:funding>
${options.lockedBy ? `<podcast:locked>yes</podcast:locked>` : '<podcast:locked>no</podcast:locked>'}
${options.channelExtra ?? ''}
${items.join('\n')}
</channel>
</rss>`;
}

export interface ImportSource {
  readonly url: string;
  /** The feed's address. */
  readonly feedUrl: string;
  options: SourceOptions;
  /** Requests per path since start. */
  readonly hits: Map<string, number>;
  /** Extra routes: path → response body and status (redirects with a location). */
  readonly routes: Map<string, { status: number; body?: string; location?: string }>;
  close(): Promise<void>;
}

export async function startImportSource(options: SourceOptions): Promise<ImportSource> {
  const hits = new Map<string, number>();
  const routes = new Map<string, { status: number; body?: string; location?: string }>();
  let base = '';
  const source = { options } as { options: SourceOptions };
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', base).pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes.get(path);
    if (route) {
      res.writeHead(
        route.status,
        route.location ? { location: route.location } : { 'content-type': 'application/rss+xml' },
      );
      res.end(route.body ?? '');
      return;
    }
    const send = (type: string, body: string | Uint8Array) => {
      res.writeHead(200, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
      res.end(body);
    };
    const audio = /^\/audio\/(\d+)\.mp3$/.exec(path);
    const transcript = /^\/transcripts\/(\d+)\.vtt$/.exec(path);
    const chapters = /^\/chapters\/(\d+)\.json$/.exec(path);
    if (path === '/feed.xml') return send('application/rss+xml', feedXml(base, source.options));
    if (path === '/art.jpg') return send('image/jpeg', ARTWORK);
    if (audio) {
      const i = Number(audio[1]);
      if (source.options.failingAudio?.has(i)) {
        res.writeHead(500).end('broken');
        return;
      }
      return send('audio/mpeg', audioOf(i));
    }
    if (transcript) {
      const m = transcript;
      return send(
        'text/vtt',
        `WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nWelcome to episode ${m[1]} of the lighthouse story\n`,
      );
    }
    if (chapters) {
      const m = chapters;
      return send(
        'application/json+chapters',
        JSON.stringify({
          version: '1.2.0',
          chapters: [
            { startTime: 0, title: `Start of ${m[1]}` },
            { startTime: 2, title: 'Middle' },
          ],
        }),
      );
    }
    res.writeHead(404).end();
  };
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(source, {
    url: base,
    feedUrl: `${base}/feed.xml`,
    hits,
    routes,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
