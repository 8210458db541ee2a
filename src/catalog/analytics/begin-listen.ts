// beginListen(...): whether a media response counts as listening, and the tap that records what it delivers.
import { tallyDelivered } from '../../analytics/delivered-bytes.ts';
import { listenerIdentity } from '../../analytics/listener-identity.ts';
import { classifyUserAgent } from '../../analytics/user-agents.ts';
import { utcDay } from '../../analytics/utc-day.ts';
import type { Database } from '../../db/database.ts';
import { episodeOfAudio } from '../../db/queries/listens.ts';
import type { MediaAsset } from '../../db/schema.ts';
import type { ListenSink } from '../../deps.ts';
import type { Logger } from '../../log.ts';

export interface ListenTap {
  /** The body of one part of the file, starting at `offset`, counted as it is read. */
  part(body: ReadableStream<Uint8Array>, offset: number): ReadableStream<Uint8Array>;
  /** The whole response body: when it ends (read, cancelled or failed) the parts are recorded. */
  finish(body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array>;
  /**
   * A body that is one part of the file (the whole file, or one range), from `offset`: `part` and
   * `finish` in one wrapper, so each chunk takes one extra hop rather than two.
   */
  single(body: ReadableStream<Uint8Array>, offset: number): ReadableStream<Uint8Array>;
}

/** What the media route knows of a request for a file. */
export interface ListenRequest {
  readonly asset: MediaAsset;
  /** Whether the public may have the file now (a draft's or scheduled episode's may not). */
  readonly isPublic: boolean;
  readonly method: string;
  /** As sent, trimmed; '' when absent. */
  readonly userAgent: string;
  /** The client address (clientAddress), undefined when unknown. */
  readonly address: string | undefined;
  /** The page that played it: a path on this site, another site's origin, or ''. */
  readonly source: string;
  /** ISO 3166-1 alpha-2, or ''. */
  readonly country: string;
  readonly at: Date;
}

export interface ListenContext {
  readonly db: Database;
  readonly sink: ListenSink;
  readonly log: Logger;
  /** Remembers lookups per catalogue version (AppRuntime.memo), with the version's tag. */
  readonly memo: <T>(key: string, load: () => Promise<T>) => Promise<T>;
  readonly catalogTag: string;
  /** Workers: keeps the isolate alive until the events are written (ctx.waitUntil). */
  readonly waitUntil?: (promise: Promise<unknown>) => void;
}

/** Longer User-Agents are cut when stored. */
const MAX_USER_AGENT = 500;
/** podwire's own clients (health checks, tools) are not listeners. */
const OWN_AGENT = /^podwire[/-]/i;

/**
 * A tap for this request when it may count as listening: a GET of a published episode's audio
 * (main enclosure or alternate) by a client with a User-Agent and a known address. HEAD, drafts
 * and scheduled episodes before their time, other files and anonymous clients are never counted.
 * Bots are recorded (so later lists can reclassify them) but never counted.
 */
export async function beginListen(
  ctx: ListenContext,
  request: ListenRequest,
): Promise<ListenTap | undefined> {
  const { asset, address, at } = request;
  const userAgent = request.userAgent.slice(0, MAX_USER_AGENT);
  if (!request.isPublic || request.method !== 'GET' || !address) return undefined;
  if (!userAgent || OWN_AGENT.test(userAgent)) return undefined;
  const episode = await ctx.memo(`episode-of-audio\n${asset.id}\n${ctx.catalogTag}`, () =>
    episodeOfAudio(ctx.db, asset.id),
  );
  if (!episode) return undefined;

  const { recorder, keys } = ctx.sink;
  const day = utcDay(at);
  // Hashed now, with the key of the day the request began, even if the response ends tomorrow.
  const identity = keys.keyFor(day).then((key) => listenerIdentity(key, address, userAgent));
  identity.catch(() => {});
  const client = classifyUserAgent(userAgent);
  const threshold = asset.minuteBytes ?? estimatedThreshold(asset);
  const parts: { offset: number; delivered: number }[] = [];

  const record = async () => {
    const spans = parts.filter((p) => p.delivered > 0);
    if (spans.length === 0) return;
    const { listener, address: addressHash } = await identity;
    for (const span of spans) {
      recorder.record({
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
        country: request.country,
        source: request.source,
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
      return tallyDelivered(body, {
        onChunk: (bytes) => {
          part.delivered += bytes;
        },
      });
    },
    finish(body) {
      return tallyDelivered(body, { onEnd: whenEnded() });
    },
    single(body, offset) {
      const part = { offset, delivered: 0 };
      parts.push(part);
      const ended = whenEnded();
      return tallyDelivered(body, {
        onEnd: (delivered) => {
          part.delivered = delivered;
          ended();
        },
      });
    },
  };

  /** Records the parts once the body has ended (call it once per response). */
  function whenEnded(): () => void {
    let ended!: () => void;
    const done = new Promise<void>((resolve) => {
      ended = resolve;
    });
    const written = done.then(record).then(
      // Workers: this response's events now, in its own waitUntil (never chained on another request's).
      () => (ctx.waitUntil ? recorder.writeQueued() : undefined),
      (error: unknown) => ctx.log.error('recording a listen failed', { error }),
    );
    ctx.waitUntil?.(written);
    return ended;
  }
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
