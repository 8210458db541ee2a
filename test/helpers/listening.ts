// Listening tests' helpers: a studio app that counts downloads, and plays of episode audio served by it (real requests, real recorder).
import { createDayKeys } from '../../src/catalog/analytics/day-keys.ts';
import { createListenRecorder, type ListenRecorder } from '../../src/catalog/analytics/listen-recorder.ts';
import { mediaPath } from '../../src/catalog/media-url.ts';
import type { Database } from '../../src/db/database.ts';
import { findAssetByKey } from '../../src/db/queries/media-assets.ts';
import { SILENT_LOGGER } from '../../src/log.ts';
import { openAdminApp } from './admin-client.ts';
import { DEFAULT_PEER, PEER_HEADER, TEST_PASSWORDS } from './studio-client.ts';

export const APPLE_UA = 'AppleCoreMedia/1.0.0.21F90 (iPhone; U; CPU OS 17_5 like Mac OS X; en_us)';
export const CHROME_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
export const BOT_UA = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

/** The demo episodes' audio files (episode 1 and 2 of the demo show). */
export const EPISODE_AUDIO = {
  1: 'demo/briefing-01-tide-mill-people.mp3',
  2: 'demo/briefing-02-tide-mill-machine.mp3',
} as const;

export interface Play {
  readonly episode: keyof typeof EPISODE_AUDIO;
  /** When the request is made (the app's clock). */
  readonly at: string;
  readonly userAgent: string;
  /** The client's address (as the socket would give it). */
  readonly peer: string;
  /** The page that played it (`https://news.example/articles/...`), for web players. */
  readonly referer?: string;
  readonly method?: 'GET' | 'HEAD';
}

/** openStudioApp's app (test passwords, settable peer) with listener analytics on, as `npm start` wires it. */
export async function openListeningApp(dir: string, vars: Record<string, string> = {}) {
  // The recorder needs the database the app opens: it is reached through this forwarder.
  let db: Database | undefined;
  const lazyDb = new Proxy({} as Database, { get: (_t, p) => Reflect.get(db as object, p) });
  const recorder = createListenRecorder(lazyDb, { log: SILENT_LOGGER });
  const admin = await openAdminApp(dir, vars, {
    passwords: TEST_PASSWORDS,
    peerAddress: (c) => c.req.header(PEER_HEADER) ?? DEFAULT_PEER,
    listens: { recorder, keys: createDayKeys(lazyDb) },
  });
  db = admin.demo.deps.db;
  return { ...admin, recorder, play: (plays: readonly Play[]) => playAll(admin, recorder, plays) };
}

export type ListeningApp = Awaited<ReturnType<typeof openListeningApp>>;

/** Requests each play's audio in full (reading the body, as a player does), then writes the recorded events. */
async function playAll(
  admin: Awaited<ReturnType<typeof openAdminApp>>,
  recorder: ListenRecorder,
  plays: readonly Play[],
): Promise<void> {
  const before = admin.clock.at;
  let expected = recorder.pending;
  for (const play of plays) {
    const asset = await findAssetByKey(admin.demo.deps.db, EPISODE_AUDIO[play.episode]);
    if (!asset) throw new Error(`no demo asset ${EPISODE_AUDIO[play.episode]}`);
    admin.clock.at = Date.parse(play.at);
    const response = await admin.demo.app.request(mediaPath(asset), {
      method: play.method ?? 'GET',
      headers: {
        'user-agent': play.userAgent,
        [PEER_HEADER]: play.peer,
        ...(play.referer ? { referer: play.referer } : {}),
      },
    });
    if (!response.ok) throw new Error(`${mediaPath(asset)} answered ${response.status}`);
    await response.arrayBuffer();
    if ((play.method ?? 'GET') === 'GET') expected += 1;
  }
  admin.clock.at = before;
  // Each GET's event is queued once its body has ended and its listener hash is made (a few ticks later).
  for (let i = 0; i < 500 && recorder.pending < expected; i++) await new Promise((r) => setTimeout(r, 10));
  if (recorder.pending < expected) throw new Error(`${recorder.pending} of ${expected} plays were recorded`);
  await recorder.flush();
}
