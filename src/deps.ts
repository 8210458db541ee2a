// AppDeps and the Hono environment type: what createApp receives from its entry point (types only).
import type { Context } from 'hono';
import type { PasswordPolicy } from './auth/password.ts';
import type { Principal } from './auth/principal.ts';
import type { TokenHasher } from './auth/subscriber-token.ts';
import type { StudioUser } from './catalog/accounts/sessions.ts';
import type { DayKeys } from './catalog/analytics/day-keys.ts';
import type { ListenRecorder } from './catalog/analytics/listen-recorder.ts';
import type { DocumentPipeline } from './catalog/documents/store-documents.ts';
import type { HtmlSanitizer } from './catalog/html-sanitizer.ts';
import type { ImportBudget } from './catalog/import/import-budget.ts';
import type { SafeFetch } from './catalog/import/import-ports.ts';
import type { ReindexBudget } from './catalog/search/reindex-jobs.ts';
import type { TemplateCache } from './catalog/subscribers/template-cache.ts';
import type { Config } from './config.ts';
import type { PushConfig } from './config-push.ts';
import type { SubscriberConfig } from './config-subscribers.ts';
import type { Database } from './db/database.ts';
import type { DocumentBodies } from './documents/document-bodies.ts';
import type { ContentCoding } from './http/accept-encoding.ts';
import type { HotResponses } from './http/hot-responses.ts';
import type { RenderedCache } from './http/rendered-cache.ts';
import type { Compress } from './http/serve-rendered.ts';
import type { VersionCache } from './http/version-cache.ts';
import type { Logger } from './log.ts';
import type { MediaStore } from './media-store/media-store.ts';

/** Settings the app itself reads; entry points may hold more (port, database URL, media folder). */
export type AppConfig = Pick<
  Config,
  | 'baseUrl'
  | 'adminToken'
  | 'timeZone'
  | 'siteTitle'
  | 'siteDescription'
  | 'siteLanguage'
  | 'feedPageSize'
  | 'maxUploadBytes'
  | 'maxBodyBytes'
  | 'uploadExpiryHours'
  | 'trustProxy'
  | 'sessionIdleMinutes'
  | 'sessionMaxDays'
  | 'analytics'
  | keyof PushConfig
  | keyof SubscriberConfig
>;

export interface AppDeps {
  readonly db: Database;
  readonly media: MediaStore;
  readonly config: AppConfig;
  /** The clock: scheduled items go live when it passes their time. */
  readonly now: () => Date;
  readonly log: Logger;
  /**
   * Who this process is, written beside each upload in flight (the media journal) so a later start
   * can tell an upload whose process died: `node:<pid>@<host>` on Node, `worker` on Workers.
   */
  readonly instance?: string;
  /**
   * The address of the peer that opened the connection: the socket's on Node, `CF-Connecting-IP` on
   * Workers (set by Cloudflare). Read through clientAddress(c), which also honours TRUST_PROXY.
   */
  readonly peerAddress?: (c: Context) => string | undefined;
  /**
   * Makes the id of a request that came without a sane X-Request-Id. Node passes one counter-based
   * generator to the app and its fast path (createRequestIds); by default, a random UUID.
   */
  readonly newRequestId?: () => string;
  /**
   * Compresses rendered feeds (gzip, brotli) on Node. Absent on Workers, where the platform
   * compresses responses itself.
   */
  readonly compress?: Compress;
  /**
   * Where rendered responses are offered to a runtime's fast path (Node replays them before Hono
   * sees the request). Optional: without it every request takes the full path.
   */
  readonly hot?: HotResponses;
  /**
   * Whether a request is one the runtime made to the app itself (Node confirming a hot feed in the
   * background): no client sent it, so it gets no request line.
   */
  readonly isInternalRequest?: (request: Request) => boolean;
  /**
   * A cache shared beyond this process (the Workers Cache API): rendered documents are looked up
   * there before rendering and stored after. Keys carry the catalogue version.
   */
  readonly sharedCache?: SharedCache;
  /**
   * Where feeds rendered at write time keep their bytes (the database on Node, R2 on Workers).
   * Without it feeds are rendered when read, and cached by catalogue version.
   */
  readonly documentBodies?: DocumentBodies;
  /**
   * How passwords are hashed: NODE_PASSWORD_POLICY on Node, WORKER_PASSWORD_POLICY in a Worker
   * (whose PBKDF2 stops at 100,000 iterations). Default: DEFAULT_PASSWORD_POLICY.
   */
  readonly passwords?: PasswordPolicy;
  /**
   * Where downloads of episode audio are recorded (listener analytics). Absent: nothing is counted.
   * Node flushes the recorder on a timer; on Workers each response's events are written in waitUntil.
   */
  /** Sends the notices a write recorded; unset: they wait for the next sweep (or are never sent). */
  readonly pings?: PingDispatch;
  readonly listens?: ListenSink;
  /**
   * How imports (POST /api/v1/imports) fetch feeds and files: the SSRF-safe fetch. Absent: imports
   * are unavailable (503).
   */
  readonly importFetch?: SafeFetch;
  /** Largest feed document an import reads, in bytes (IMPORT_MAX_FEED_BYTES); default 50 MB. */
  readonly importMaxFeedBytes?: number;
  /**
   * Keeps work going after the response to request `c` (an import's steps): Node lets the promise
   * run; a Worker hands it to that request's waitUntil (c.executionCtx), and its cron trigger
   * carries on what one invocation cannot finish.
   */
  readonly background?: (c: Context, work: Promise<unknown>) => void;
  /**
   * How much of an import one request runs after its answer. Absent: all of it (Node). A Worker
   * runs a few items within its limits, and its cron trigger the rest (src/worker/worker-imports.ts).
   */
  readonly importBudget?: ImportBudget;
  /**
   * How much of a search reindex (POST /api/v1/search/reindex) one request runs after its answer.
   * Absent: all of it (Node). A Worker runs a few pages, and its cron trigger the rest.
   */
  readonly reindexBudget?: ReindexBudget;
  /** The client's country as the runtime knows it (Workers: request.cf.country); absent on Node. */
  readonly requestCountry?: (c: Context) => string | undefined;
}

export interface ListenSink {
  readonly recorder: ListenRecorder;
  readonly keys: DayKeys;
  /**
   * A timer writes the recorder's events (Node), so responses do not look for an execution context
   * to write in: asking Hono for one that is absent throws, and the stack trace cost about 30 µs a
   * response on `npm start` (bench/analytics). Absent or false: each response asks, as on Workers.
   */
  readonly flushedOnTimer?: boolean;
}

/** How the runtime sends feed notices (WebSub, Podping, pubnotify) after a write recorded them. */
export interface PingDispatch {
  /** Called after every write's feeds are stored; must not delay the response. */
  afterWrite(c: Context): void;
}

export interface SharedCache {
  get(key: string): Promise<Uint8Array | undefined>;
  put(key: string, body: Uint8Array): Promise<void>;
}

/** State one app instance keeps across requests: caches and the sanitizer, made by createApp. */
export interface AppRuntime {
  readonly versions: VersionCache;
  readonly rendered: RenderedCache;
  readonly sanitize: HtmlSanitizer;
  readonly compress?: Compress;
  readonly hot?: HotResponses;
  readonly sharedCache?: SharedCache;
  /** Hashes subscriber tokens under SUBSCRIBER_TOKEN_KEY (or the built-in key). */
  readonly hashToken: TokenHasher;
  /** Day keys for hashing networks (the listening analytics' own when it is on). */
  readonly dayKeys: DayKeys;
  /** Private feed templates by show and catalogue version (no tokens in them). */
  readonly privateFeeds: TemplateCache;
  /** Renders and stores feeds (set when AppDeps.documentBodies is). */
  readonly documents?: DocumentPipeline;
  /** Codings `compress` can produce. */
  readonly codings: readonly ContentCoding[];
  /** Changes when settings that shape output (base URL, titles) change: part of every entity tag. */
  readonly configTag: string;
  /**
   * Remembers small lookups by key (keys carry the catalogue version, so entries never go stale),
   * sparing the database on busy paths.
   */
  memo<T>(key: string, load: () => Promise<T>): Promise<T>;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    runtime: AppRuntime;
    requestId: string;
    /** Set by adminAuth on API routes: the request may see drafts (any signed-in principal). */
    admin: boolean;
    /**
     * Who is acting, when the request is authenticated: a studio user (session cookie or API
     * token) or the operator's ADMIN_TOKEN. Unset for anonymous requests.
     */
    principal?: Principal;
    /** Set by requireStudioUser on studio routes: the signed-in user and their session's CSRF token. */
    studio?: StudioSession;
  };
}

/** The signed-in studio user, as every studio page and form handler sees them. */
export interface StudioSession {
  readonly user: StudioUser;
  /** Every form carries it as `_csrf`; fetch requests send it as `X-CSRF-Token`. */
  readonly csrfToken: string;
  /** The digest of this session's id (marks "this session" in the Account page). */
  readonly sessionHash: string;
}
