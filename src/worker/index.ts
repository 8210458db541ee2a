// The Cloudflare Workers entry: builds the same createApp(deps) from D1, R2 and vars, once per isolate.
import type {
  Cache,
  D1Database,
  ExecutionContext,
  R2Bucket,
  ScheduledController,
} from '@cloudflare/workers-types';
import type { Hono } from 'hono';
import { createApp } from '../app.ts';
import { WORKER_PASSWORD_POLICY } from '../auth/password.ts';
import { sessionPolicyOf } from '../catalog/accounts/context.ts';
import { sweepAccounts } from '../catalog/accounts/sessions.ts';
import { closeDueDays } from '../catalog/analytics/close-days.ts';
import { createDayKeys } from '../catalog/analytics/day-keys.ts';
import { createListenRecorder } from '../catalog/analytics/listen-recorder.ts';
import { createDocumentPipeline } from '../catalog/documents/pipeline.ts';
import { refreshExpired } from '../catalog/documents/store-documents.ts';
import { sweepMediaJournal } from '../catalog/media-journal.ts';
import { publishDueItems } from '../catalog/publish-due.ts';
import { deliverDuePings, PING_DELAY_MS } from '../catalog/push/deliver-pings.ts';
import { pushesAnywhere } from '../catalog/push/ping-targets.ts';
import { continueReindexJobs } from '../catalog/search/reindex-jobs.ts';
import { sweepExpiredUploads } from '../catalog/tus/tus-expiry.ts';
import { type Config, parseConfig } from '../config.ts';
import type { AppEnv } from '../deps.ts';
import { ConfigError, PodwireError } from '../errors.ts';
import { problemResponse } from '../http/problem.ts';
import { createLogger, type Logger } from '../log.ts';
import { createD1Db } from './d1-db.ts';
import { createEdgeCache } from './edge-cache.ts';
import { createR2DocumentBodies } from './r2-document-bodies.ts';
import { createR2MediaStore } from './r2-media-store.ts';
import { createWorkerSafeFetch } from './worker-fetch-port.ts';
import {
  continueImportsOnCron,
  WORKER_IMPORT_BUDGET,
  WORKER_REINDEX_BUDGET,
  workerBackground,
} from './worker-imports.ts';
import { workerPings } from './worker-pings.ts';

export interface WorkerEnv {
  readonly DB?: D1Database;
  readonly MEDIA?: R2Bucket;
  readonly [variable: string]: unknown;
}

/** The media journal's owner for uploads stored by any Worker isolate (see workerOwnerGone). */
const WORKER_INSTANCE = 'worker';
/** A Worker request (and so an upload through one) never runs this long. */
const WORKER_UPLOAD_MS = 60 * 60 * 1000;

let built: { env: WorkerEnv; app: Hono<AppEnv>; config: Config; log: Logger } | undefined;

/** The app for these bindings; rebuilt only if the runtime hands over a different env object. */
function appFor(env: WorkerEnv): Hono<AppEnv> {
  if (built?.env === env) return built.app;
  if (!env.DB) throw new ConfigError(['DB: the D1 binding is missing (add [[d1_databases]] binding = "DB")']);
  if (!env.MEDIA)
    throw new ConfigError(['MEDIA: the R2 binding is missing (add [[r2_buckets]] binding = "MEDIA")']);
  const config: Config = parseConfig(stringVars(env));
  const log = createLogger({ level: config.logLevel, write: (line) => console.log(line) });
  const db = createD1Db(env.DB);
  const now = () => new Date();
  const app = createApp({
    pings: pushesAnywhere(config)
      ? workerPings({ db, config, log, now, fetch: (request) => fetch(request) })
      : undefined,
    db,
    media: createR2MediaStore(env.MEDIA, { uploadPartBytes: config.uploadPartBytes }),
    documentBodies: createR2DocumentBodies(env.MEDIA),
    config,
    now,
    log,
    instance: WORKER_INSTANCE,
    // Cloudflare sets CF-Connecting-IP to the address that connected to its edge, replacing any sent.
    peerAddress: (c) => c.req.header('cf-connecting-ip'),
    // Workers' PBKDF2 stops at 100,000 iterations (and CPU time is billed): see the README.
    passwords: WORKER_PASSWORD_POLICY,
    // Each response's listening events are written in waitUntil when it ends (see openListenTap).
    listens: config.analytics
      ? { recorder: createListenRecorder(db, { log }), keys: createDayKeys(db) }
      : undefined,
    requestCountry: (c) => (c.req.raw as { cf?: { country?: unknown } }).cf?.country as string | undefined,
    // Imports fetch through the safe fetch (literal addresses and local names checked: no DNS API
    // here); a POST runs a few items in its waitUntil and the cron trigger the rest.
    importFetch: createWorkerSafeFetch(config),
    importMaxFeedBytes: config.importMaxFeedBytes,
    importBudget: WORKER_IMPORT_BUDGET,
    reindexBudget: WORKER_REINDEX_BUDGET,
    background: workerBackground,
    // Cache API: absent where the runtime has none (it always has on Cloudflare).
    sharedCache:
      typeof caches === 'undefined'
        ? undefined
        : createEdgeCache((globalThis as unknown as { caches: { default: Cache } }).caches.default),
  });
  built = { env, app, config, log };
  return app;
}

function stringVars(env: WorkerEnv): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (typeof value === 'string') vars[name] = value;
  return vars;
}

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
    let app: Hono<AppEnv>;
    try {
      app = appFor(env);
    } catch (error) {
      // A deployment mistake, not a client's: say which setting, but only in the log and a 500.
      const detail = error instanceof PodwireError ? error.message : String(error);
      console.error(JSON.stringify({ level: 'error', msg: 'worker misconfigured', detail }));
      return problemResponse({ title: 'Service misconfigured', status: 500, detail });
    }
    return app.fetch(request, env, ctx as never);
  },

  /**
   * The cron trigger (wrangler.toml): scheduled articles and episodes whose time has come are
   * published; expired resumable uploads, released media past its grace period and uploads that
   * never committed are removed; expired studio sessions and old failed sign-ins are deleted;
   * unfinished imports get their next few items (WORKER_IMPORT_BUDGET), and a running search
   * reindex its next pages (WORKER_REINDEX_BUDGET).
   */
  async scheduled(_event: ScheduledController, env: WorkerEnv, _ctx: ExecutionContext): Promise<void> {
    appFor(env);
    const { log, config } = built as NonNullable<typeof built>;
    const db = createD1Db(env.DB as D1Database);
    const now = new Date();
    const report = await publishDueItems(db, now);
    if (report.articles + report.episodes > 0) log.info('scheduled items published', { ...report });
    const media = createR2MediaStore(env.MEDIA as R2Bucket, {
      uploadPartBytes: (built as NonNullable<typeof built>).config.uploadPartBytes,
    });
    const expired = await sweepExpiredUploads({ db, media, now });
    if (expired.removed.length > 0) log.info('removed expired uploads', { uploads: expired.removed });
    const swept = await sweepMediaJournal(db, media, {
      now,
      ownerGone: (_owner, startedAt) => now.getTime() - startedAt.getTime() > WORKER_UPLOAD_MS,
    });
    if (swept.removed.length + swept.abandoned.length > 0) log.info('media store swept', { ...swept });
    const accounts = await sweepAccounts(
      db,
      now,
      sessionPolicyOf((built as NonNullable<typeof built>).config),
    );
    if (accounts.sessions + accounts.failures > 0) log.info('expired sessions swept', { ...accounts });
    const documents = createDocumentPipeline({
      db,
      bodies: createR2DocumentBodies(env.MEDIA as R2Bucket),
      config: (built as NonNullable<typeof built>).config,
      now: () => now,
    });
    if (config.analytics) {
      const counted = await closeDueDays(db, now, config.analyticsRetentionDays);
      if (counted.closed.length > 0) log.info('listening days counted', { days: counted.closed });
    }
    await continueImportsOnCron({
      db,
      media,
      config,
      log,
      documents,
      now: () => new Date(),
      instance: WORKER_INSTANCE,
    });
    await continueReindexJobs({ db, media, log, now: () => new Date() }, WORKER_REINDEX_BUDGET);
    const refreshed = await refreshExpired(documents);
    if (refreshed.rendered.length > 0)
      log.info('scheduled feeds rendered', { documents: refreshed.rendered.length });
    if (pushesAnywhere(config)) {
      // Notices just recorded (a scheduled item went live) go out now, with retries that are due.
      const fetcher = (request: Request) => fetch(request);
      const pings = await deliverDuePings(
        { db, config, log, now: () => new Date(), fetch: fetcher },
        { aheadMs: PING_DELAY_MS },
      );
      if (pings.sent + pings.failed + pings.dropped > 0) log.info('feed notices delivered', { ...pings });
    }
  },
};
