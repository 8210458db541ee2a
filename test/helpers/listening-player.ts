// Plays a listening scenario against a running podwire over real HTTP, and reads what its stats API says the scenario added.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { FileName, ListenRequest, MediaFile, Scenario } from './listening-scenarios.ts';
import { REPO_ROOT } from './spawn-podwire.ts';

export interface EpisodeFile extends MediaFile {
  readonly episodeId: number;
}

export interface PlayTarget {
  readonly baseUrl: string;
  /**
   * Where the client's address travels: X-Forwarded-For to a Node server with TRUST_PROXY=true,
   * CF-Connecting-IP in workerd (wrangler dev passes a client's own CF-Connecting-IP through and
   * only fills it in when absent), or nowhere: the socket's address (Node without TRUST_PROXY).
   */
  readonly addressHeader?: 'x-forwarded-for' | 'cf-connecting-ip';
  readonly files: Readonly<Record<FileName, EpisodeFile>>;
  readonly token: string;
  /**
   * Where a slow client connects, when not `baseUrl`: in wrangler dev, the Worker's own workerd
   * socket, because wrangler's dev-only proxy reads each response to its end whatever the client
   * takes (measured: a 4 MB file wholly pulled for a client that read 8 KB; 320 KB straight to the
   * Worker, as on Node).
   */
  readonly slowClientUrl?: string;
}

/** Read access to the stored listening events (a test reads the database the server writes). */
export interface EventStore {
  /** Node: writes the recorder's queue (Workers write each response's events in waitUntil). */
  flush?(): Promise<void>;
  /** The delivered spans stored for a User-Agent. */
  spans(userAgent: string): Promise<{ start: number; end: number }[]>;
}

export interface Played {
  readonly status: number;
  /** Body bytes the client received. */
  readonly bodyBytes: number;
}

export interface StatsView {
  downloads: number;
  days: { day: string; downloads: number }[];
  apps: { app: string; downloads: number }[];
  countries: { country: string | null; downloads: number }[];
  sources: { source: string; page: string; title?: string; downloads: number }[];
  episodes?: { id: number; title: string; downloads: number }[];
}

export interface StatsDelta {
  readonly downloads: number;
  readonly apps: Record<string, number>;
  readonly sources: { source: string; page: string; title?: string; downloads: number }[];
}

function headersOf(request: ListenRequest, target: PlayTarget): Record<string, string> {
  const headers: Record<string, string> = { 'user-agent': request.userAgent };
  if (target.addressHeader) headers[target.addressHeader] = request.address;
  if (request.forwardedFor !== undefined) {
    // A proxy we trust would append the address it saw to what the client wrote.
    headers['x-forwarded-for'] =
      target.addressHeader === 'x-forwarded-for'
        ? `${request.forwardedFor}, ${request.address}`
        : request.forwardedFor;
  }
  if (request.referer) headers.referer = request.referer;
  if (request.signedIn) headers.authorization = `Bearer ${target.token}`;
  return headers;
}

/** Sends one request of a scenario and reads the whole answer (or drops it, for a slow client). */
export async function sendListen(
  request: ListenRequest,
  file: MediaFile,
  target: PlayTarget,
): Promise<Played> {
  const headers = headersOf(request, target);
  const range = typeof request.range === 'function' ? request.range(file) : request.range;
  if (range) headers.range = range;
  if (request.dropAfterBytes !== undefined)
    return slowListen(file.path, headers, request.dropAfterBytes, target);
  const response = await fetch(`${target.baseUrl}${file.path}`, { method: request.method ?? 'GET', headers });
  return { status: response.status, bodyBytes: (await response.arrayBuffer()).byteLength };
}

/** A raw socket client with a 16 KB receive buffer and a 1448-byte MSS that reads slowly, then resets. */
function slowListen(
  path: string,
  headers: Record<string, string>,
  dropAfter: number,
  target: PlayTarget,
): Promise<Played> {
  const url = new URL(target.slowClientUrl ?? target.baseUrl);
  const lines = [`GET ${path} HTTP/1.1`, `Host: ${url.host}`, 'Connection: close'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  const child = spawn('python3', [
    join(REPO_ROOT, 'test/helpers/slow-listener.py'),
    url.hostname,
    url.port,
    String(dropAfter),
  ]);
  child.stdin.end(`${lines.join('\r\n')}\r\n\r\n`);
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      const [statusLine = '', bytes = ''] = out.trim().split('\n');
      if (code !== 0) reject(new Error(`slow-listener.py exited ${code}: ${err}`));
      else resolve({ status: Number(statusLine.split(' ')[1]), bodyBytes: Number(bytes) });
    });
  });
}

/** The episode's report from the stats API (signed in). */
export async function episodeStats(target: PlayTarget, episodeId: number): Promise<StatsView> {
  return reportAt(target, `/api/v1/episodes/${episodeId}/stats`);
}

export async function reportAt(target: PlayTarget, path: string): Promise<StatsView> {
  const response = await fetch(`${target.baseUrl}${path}`, {
    headers: { authorization: `Bearer ${target.token}` },
  });
  if (response.status !== 200)
    throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as StatsView;
}

/** What `after` adds to `before`: downloads, and the apps and source pages whose counts changed. */
export function statsDelta(before: StatsView, after: StatsView): StatsDelta {
  const apps: Record<string, number> = {};
  const appsBefore = new Map(before.apps.map((a) => [a.app, a.downloads]));
  for (const { app, downloads } of after.apps) {
    const added = downloads - (appsBefore.get(app) ?? 0);
    if (added !== 0) apps[app] = added;
  }
  const sourcesBefore = new Map(before.sources.map((s) => [s.source, s.downloads]));
  const sources = after.sources
    .map((s) => ({ ...s, downloads: s.downloads - (sourcesBefore.get(s.source) ?? 0) }))
    .filter((s) => s.downloads !== 0);
  return { downloads: after.downloads - before.downloads, apps, sources };
}

let barriers = 0;

/**
 * Waits until every event of the requests sent so far is stored: a bot (recorded, never counted)
 * fetches one byte, and once its event is in the database, so are the events of responses that
 * ended before it (one recorder per process or isolate writes in order).
 */
export async function settle(target: PlayTarget, store: EventStore, alsoAgent?: string): Promise<void> {
  const userAgent = `ScenarioBarrierBot/${++barriers}.0 (+https://news.example/bot)`;
  const barrier = { address: '192.0.2.250', userAgent, range: 'bytes=0-0' };
  await sendListen(barrier, target.files.episode, target);
  const deadline = Date.now() + 30_000;
  for (;;) {
    await store.flush?.();
    const ready = (await store.spans(userAgent)).length > 0;
    if (ready && (!alsoAgent || (await store.spans(alsoAgent)).length > 0)) return;
    if (Date.now() > deadline) throw new Error(`the events of ${userAgent} were never stored`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export interface ScenarioRun {
  readonly played: Played[];
  readonly delta: StatsDelta;
}

/** Plays `scenario`, waits for its events to be stored, and returns what it added to its episode's report. */
export async function runScenario(
  scenario: Scenario,
  target: PlayTarget,
  store: EventStore,
): Promise<ScenarioRun> {
  const file = target.files[scenario.file];
  const before = await episodeStats(target, file.episodeId);
  const played: Played[] = [];
  // A player's requests one after another, or `parallel` at a time (as browsers fetch ranges).
  const step = scenario.parallel ?? 1;
  for (let i = 0; i < scenario.requests.length; i += step) {
    const batch = scenario.requests.slice(i, i + step);
    played.push(...(await Promise.all(batch.map((request) => sendListen(request, file, target)))));
  }
  const dropped = scenario.requests.find((r) => r.dropAfterBytes !== undefined);
  await settle(target, store, dropped?.userAgent);
  return { played, delta: statsDelta(before, await episodeStats(target, file.episodeId)) };
}
