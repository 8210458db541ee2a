// beginListen(...): whether a media response counts as listening, and the tap that records what it delivers.
import { type TallyCallbacks, tallyDelivered } from '../../analytics/delivered-bytes.ts';
import type { ListenerIdentity } from '../../analytics/listener-identity.ts';
import { classifyUserAgent } from '../../analytics/user-agents.ts';
import { utcDay } from '../../analytics/utc-day.ts';
import type { Database } from '../../db/database.ts';
import { episodeOfAudio, type ListenEventRow } from '../../db/queries/listens.ts';
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
  const day = utcDay(at);
  // Hashed now, with the key of the day the request began, even if the response ends tomorrow.
  const identity = ctx.sink.keys.identify(day, address, userAgent);
  if (identity instanceof Promise) identity.catch(() => {});
  const client = classifyUserAgent(userAgent);
  return new ListenCounter(ctx, identity, {
    day,
    at,
    assetId: asset.id,
    episodeId: episode.episodeId,
    showId: episode.showId,
    userAgent,
    app: client.app,
    kind: client.kind,
    country: request.country,
    source: request.source,
    threshold: asset.minuteBytes ?? estimatedThreshold(asset),
  });
}

/** What every event of one response says, besides the listener and the bytes. */
type ResponseFacts = Omit<ListenEventRow, 'listener' | 'address' | 'rangeStart' | 'rangeEnd'>;

/**
 * The tap of one counted response. A class rather than closures: the media path makes one per
 * counted response, and each closure tsx compiles gets its name set at run time (keepNames).
 */
class ListenCounter implements ListenTap {
  readonly #ctx: ListenContext;
  readonly #identity: ListenerIdentity | Promise<ListenerIdentity>;
  readonly #facts: ResponseFacts;
  readonly #parts: DeliveredPart[] = [];
  /** Workers: resolves the promise given to waitUntil, which records and writes the events. */
  #resolveEnded: (() => void) | undefined;

  constructor(
    ctx: ListenContext,
    identity: ListenerIdentity | Promise<ListenerIdentity>,
    facts: ResponseFacts,
  ) {
    this.#ctx = ctx;
    this.#identity = identity;
    this.#facts = facts;
  }

  part(body: ReadableStream<Uint8Array>, offset: number): ReadableStream<Uint8Array> {
    const part = new CountedPart(offset);
    this.#parts.push(part);
    return tallyDelivered(body, part);
  }

  finish(body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
    this.#whenEnded();
    return tallyDelivered(body, { onEnd: () => this.end() });
  }

  single(body: ReadableStream<Uint8Array>, offset: number): ReadableStream<Uint8Array> {
    const part = new SinglePart(offset, this);
    this.#parts.push(part);
    this.#whenEnded();
    return tallyDelivered(body, part);
  }

  /** The body has ended (read, cancelled or failed): its parts are recorded (call it once). */
  end(): void {
    if (this.#resolveEnded) {
      this.#resolveEnded();
      return;
    }
    // Node: recorded here and now when the hashes are ready (the timer writes them), no promise.
    const identity = this.#identity;
    if (identity instanceof Promise) {
      identity.then((known) => this.#record(known)).catch((error: unknown) => this.#failed(error));
      return;
    }
    try {
      this.#record(identity);
    } catch (error) {
      this.#failed(error);
    }
  }

  /** Workers: a promise for waitUntil, registered while the request runs, that records and writes. */
  #whenEnded(): void {
    const { waitUntil } = this.#ctx;
    if (!waitUntil) return;
    const ended = new Promise<void>((resolve) => {
      this.#resolveEnded = resolve;
    });
    // This response's events now, in its own waitUntil (never chained on another request's).
    const written = ended
      .then(() => this.#identity)
      .then((identity) => {
        this.#record(identity);
        return this.#ctx.sink.recorder.writeQueued();
      })
      .catch((error: unknown) => this.#failed(error));
    waitUntil(written);
  }

  #record({ listener, address }: ListenerIdentity): void {
    const { recorder } = this.#ctx.sink;
    const facts = this.#facts;
    for (const part of this.#parts) {
      if (part.delivered <= 0) continue;
      recorder.record({
        ...facts,
        listener,
        address,
        rangeStart: part.offset,
        rangeEnd: part.offset + part.delivered,
      });
    }
  }

  #failed(error: unknown): void {
    this.#ctx.log.error('recording a listen failed', { error });
  }
}

/** A part of the file a response sends, and how many of its bytes the client took. */
interface DeliveredPart {
  readonly offset: number;
  readonly delivered: number;
}

/** One part of a multipart body: its bytes counted as the consumer takes them. */
class CountedPart implements DeliveredPart, TallyCallbacks {
  readonly offset: number;
  delivered = 0;
  constructor(offset: number) {
    this.offset = offset;
  }
  onChunk(bytes: number): void {
    this.delivered += bytes;
  }
}

/** A body that is one part (the whole file, or one range): its end is the response's end. */
class SinglePart implements DeliveredPart, TallyCallbacks {
  readonly offset: number;
  delivered = 0;
  readonly #counter: ListenCounter;
  constructor(offset: number, counter: ListenCounter) {
    this.offset = offset;
    this.#counter = counter;
  }
  onEnd(delivered: number): void {
    this.delivered = delivered;
    this.#counter.end();
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
