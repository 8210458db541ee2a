// openListenTap(c, ...): counts the bytes of an episode's audio a response delivers, and records them when it ends.
import type { Context } from 'hono';
import { tallyDelivered } from '../analytics/delivered-bytes.ts';
import { listenerIdentity } from '../analytics/listener-identity.ts';
import { classifyUserAgent } from '../analytics/user-agents.ts';
import { utcDay } from '../analytics/utc-day.ts';
import type { MediaAsset } from '../catalog/media-access.ts';
import { episodeOfAudio } from '../db/queries/listens.ts';
import type { AppEnv } from '../deps.ts';
import { clientAddress } from './client-address.ts';

export interface ListenTap {
  /** The body of one part of the file, starting at `offset`, counted as it is read. */
  part(body: ReadableStream<Uint8Array>, offset: number): ReadableStream<Uint8Array>;
  /** The whole response body: when it ends (read, cancelled or failed) the parts are recorded. */
  finish(body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array>;
}

/** Longer User-Agents are cut when stored; longer Referer paths are not attributed. */
const MAX_USER_AGENT = 500;
const MAX_SOURCE = 300;
/** podwire's own clients (health checks, tools) are not listeners. */
const OWN_AGENT = /^podwire[/-]/i;

/**
 * A tap for this request when it may count as listening: a GET of a published episode's audio
 * (main enclosure or alternate) by a client with a User-Agent and a known address, with analytics
 * on. HEAD, drafts and scheduled episodes before their time, other files and anonymous clients are
 * never counted. Bots are recorded (so later lists can reclassify them) but never counted.
 */
export async function openListenTap(
  c: Context<AppEnv>,
  asset: MediaAsset,
  isPublic: boolean,
  catalogTag: string,
): Promise<ListenTap | undefined> {
  const { listens, db, now, config } = c.var.deps;
  if (!listens || !config.analytics || !isPublic || c.req.method !== 'GET') return undefined;
  const userAgent = (c.req.header('user-agent') ?? '').trim().slice(0, MAX_USER_AGENT);
  if (!userAgent || OWN_AGENT.test(userAgent)) return undefined;
  const address = clientAddress(c);
  if (!address) return undefined;
  const episode = await c.var.runtime.memo(`episode-of-audio\n${asset.id}\n${catalogTag}`, () =>
    episodeOfAudio(db, asset.id),
  );
  if (!episode) return undefined;

  const at = now();
  const day = utcDay(at);
  // Hashed now, with the key of the day the request began, even if the response ends tomorrow.
  const identity = listens.keys.keyFor(day).then((key) => listenerIdentity(key, address, userAgent));
  identity.catch(() => {});
  const client = classifyUserAgent(userAgent);
  const country = countryOf(c);
  const source = sourceOf(c.req.header('referer'), config.baseUrl);
  const threshold = asset.minuteBytes ?? estimatedThreshold(asset);
  const parts: { offset: number; delivered: number }[] = [];

  const record = async () => {
    const spans = parts.filter((p) => p.delivered > 0);
    if (spans.length === 0) return;
    const { listener, address: addressHash } = await identity;
    for (const span of spans) {
      listens.recorder.record({
        day,
        at,
        assetId: asset.id,
        episodeId: episode.episodeId,
        showId: episode.showId,
        listener,
        address: addressHash,
        userAgent,
        app: client.app,
        kind: client.kind,
        country,
        source,
        rangeStart: span.offset,
        rangeEnd: span.offset + span.delivered,
        threshold,
      });
    }
  };

  return {
    part(body, offset) {
      const part = { offset, delivered: 0 };
      parts.push(part);
      return tallyDelivered(body, { onChunk: (bytes) => (part.delivered += bytes) });
    },
    finish(body) {
      let ended!: () => void;
      const done = new Promise<void>((resolve) => (ended = resolve));
      const written = done.then(record).then(
        // Workers: this response's events now, in its own waitUntil (never chained on another request's).
        () => (waitUntilOf(c) ? listens.recorder.writeQueued() : undefined),
        (error: unknown) => c.var.deps.log.error('recording a listen failed', { error }),
      );
      waitUntilOf(c)?.(written);
      return tallyDelivered(body, { onEnd: ended });
    },
  };
}

/**
 * Before minute_bytes was probed for a file (records older than analytics), its threshold is
 * estimated: a minute's share of the file, or the whole file when it is shorter.
 */
function estimatedThreshold(asset: MediaAsset): number {
  const duration = asset.durationSeconds ?? 0;
  if (duration <= 60) return asset.sizeBytes;
  return Math.ceil((asset.sizeBytes * 60) / duration);
}

/** ISO 3166-1 alpha-2 from the runtime (Workers: request.cf.country); '' when unknown. */
function countryOf(c: Context<AppEnv>): string {
  const country = c.var.deps.requestCountry?.(c);
  return country && /^[A-Z]{2}$/.test(country) ? country : '';
}

/**
 * The page that played the file: a path on this site from the Referer (web players on article,
 * episode and embed pages), another site's origin, or '' (podcast apps send no Referer).
 */
export function sourceOf(referer: string | undefined, baseUrl: string): string {
  if (!referer || !URL.canParse(referer)) return '';
  const url = new URL(referer);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return '';
  const base = new URL(baseUrl);
  if (url.origin !== base.origin) return url.origin;
  const path = url.pathname;
  return path.length <= MAX_SOURCE ? path : '';
}

function waitUntilOf(c: Context<AppEnv>): ((promise: Promise<unknown>) => void) | undefined {
  try {
    const context = c.executionCtx;
    return (promise) => context.waitUntil(promise);
  } catch {
    // Node: no execution context; the recorder's timer writes the events.
    return undefined;
  }
}
