// startNodeServer(config): open the database, migrate, seed the demo if empty, and serve createApp over HTTP.
import { access, constants, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { getConnInfo } from '@hono/node-server/conninfo';
import { utcDay } from '../analytics/utc-day.ts';
import { createApp, VERSION_TTL_MS } from '../app.ts';
import { NODE_PASSWORD_POLICY } from '../auth/password.ts';
import { sessionPolicyOf } from '../catalog/accounts/context.ts';
import { sweepAccounts } from '../catalog/accounts/sessions.ts';
import { hasUsers } from '../catalog/accounts/users.ts';
import { closeDueDays } from '../catalog/analytics/close-days.ts';
import { createDayKeys } from '../catalog/analytics/day-keys.ts';
import { createListenRecorder } from '../catalog/analytics/listen-recorder.ts';
import { createDocumentPipeline } from '../catalog/documents/pipeline.ts';
import { refreshExpired, warmDocuments } from '../catalog/documents/store-documents.ts';
import { publishDueItems } from '../catalog/publish-due.ts';
import { continueReindexJobs } from '../catalog/search/reindex-jobs.ts';
import { seedDemo } from '../catalog/seed.ts';
import type { Config } from '../config.ts';
import { isCatalogEmpty } from '../db/queries/catalog-stats.ts';
import { createSqlDocumentBodies } from '../db/queries/rendered-documents.ts';
import { ConfigError } from '../errors.ts';
import { createHotResponses } from '../http/hot-responses.ts';
import { createRequestIds } from '../http/request-id.ts';
import type { Logger } from '../log.ts';
import type { MediaStore } from '../media-store/media-store.ts';
import { compressNode } from './compress.ts';
import { createFsMediaStore } from './fs-media-store.ts';
import { createHotRevalidator } from './hot-revalidation.ts';
import { createHttpServer, type NodeServerOptions } from './http-server.ts';
import { nodeInstance } from './instance.ts';
import { createLibsqlDb, type LibsqlDb } from './libsql-db.ts';
import { recoverMediaStore } from './media-recovery.ts';
import { migrateDatabase } from './migrate.ts';
import { nodeDayHmac } from './node-day-hmac.ts';
import { createNodeSafeFetch } from './node-fetch-port.ts';
import { startNodePings } from './node-pings.ts';

/** The repository's media/ folder, which holds the demo files. */
export const BUNDLED_MEDIA_DIR = fileURLToPath(new URL('../../media', import.meta.url));

export interface RunningServer {
  /** Where the server listens, such as http://127.0.0.1:8787. */
  readonly url: string;
  readonly port: number;
  /** Whether anyone can sign in to the studio yet (false on a fresh install: `podwire user add`). */
  readonly studioHasUsers: boolean;
  /** Stops accepting connections, lets open requests finish (up to `graceMs`), closes the database. */
  close(graceMs?: number): Promise<void>;
}

export interface NodeRuntime {
  readonly db: LibsqlDb;
  readonly media: MediaStore;
}

/** Opens what the Node runtime needs: the media folder (checked) and the migrated database. */
export async function openNodeRuntime(config: Config, log: Logger): Promise<NodeRuntime> {
  await checkMediaDir(config.mediaDir);
  const media = await createFsMediaStore({ root: config.mediaDir });
  const db = await createLibsqlDb(config.databaseUrl, { authToken: config.databaseAuthToken });
  try {
    const migration = await migrateDatabase(db.db, db.location);
    if (migration.applied > 0) log.info('database migrated', { location: db.location, ...migration });
    return { db, media };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Seeds the demo into an empty catalogue when SEED_DEMO is on. */
export async function seedIfEmpty(runtime: NodeRuntime, config: Config, log: Logger, now: () => Date) {
  if (!config.seedDemo || !(await isCatalogEmpty(runtime.db.db))) return;
  const demoSource = await createFsMediaStore({ root: BUNDLED_MEDIA_DIR });
  const report = await seedDemo({ db: runtime.db.db, media: runtime.media, demoSource, now });
  log.info('demo content seeded', { ...report });
}

export async function startNodeServer(
  config: Config,
  log: Logger,
  options: NodeServerOptions = {},
): Promise<RunningServer> {
  const now = () => new Date();
  const self = nodeInstance();
  const runtime = await openNodeRuntime(config, log);
  try {
    // Before the port opens (so before /healthz answers): nothing a crash left is ever served.
    await recoverMediaStore(runtime, config.mediaDir, log, { self, startingUp: true, now });
    await seedIfEmpty(runtime, config, log, now);
  } catch (error) {
    runtime.db.close();
    throw error;
  }
  // Busy hot responses are confirmed by the app before they go stale (see createHotRevalidator).
  let app: ReturnType<typeof createApp> | undefined;
  const revalidator = createHotRevalidator(() => (app as ReturnType<typeof createApp>).fetch, log);
  const hot = createHotResponses({ ttlMs: VERSION_TTL_MS, onAging: revalidator.revalidate });
  const documentBodies = createSqlDocumentBodies(runtime.db.db);
  const documents = createDocumentPipeline({ db: runtime.db.db, bodies: documentBodies, config, now, log });
  let studioHasUsers = true;
  try {
    // Feeds rendered before the port opens: the first readers after a start stream stored bytes.
    const warmed = await warmDocuments(documents);
    log.info('feeds rendered', { documents: warmed.rendered.length });
    studioHasUsers = await hasUsers({ db: runtime.db.db });
    if (!studioHasUsers) {
      log.info('the studio has no users yet', {
        hint: 'npx podwire user add you@example.com --role admin, then open /studio',
      });
    }
  } catch (error) {
    runtime.db.close();
    throw error;
  }
  // One generator for the app and the fast path: ids are unique within the process.
  const newRequestId = createRequestIds();
  // Listening events are written in batches every few seconds (and at shutdown), off the media path.
  const listens = config.analytics
    ? {
        recorder: createListenRecorder(runtime.db.db, { log }),
        keys: createDayKeys(runtime.db.db, { hmac: nodeDayHmac }),
        flushedOnTimer: true,
      }
    : undefined;
  const pings = startNodePings(runtime.db.db, config, log, now);
  app = createApp({
    pings: pings?.dispatch,
    db: runtime.db.db,
    media: runtime.media,
    config,
    now,
    log,
    instance: self,
    documentBodies,
    compress: compressNode,
    hot,
    isInternalRequest: revalidator.isOwn,
    peerAddress: (c) => getConnInfo(c).remote.address,
    newRequestId,
    passwords: NODE_PASSWORD_POLICY,
    listens,
    // Imports (POST /api/v1/imports) fetch through the SSRF-safe fetch and run on after the 202.
    importFetch: createNodeSafeFetch(config),
    importMaxFeedBytes: config.importMaxFeedBytes,
    background: (_c, work) =>
      void work.catch((error: unknown) => log.error('background work failed', { error })),
  });
  const { server, front } = createHttpServer(
    app.fetch,
    hot,
    log,
    { trustProxy: config.trustProxy, newRequestId },
    options,
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  // Scheduled items whose time has come are recorded as published once a minute (they are already
  // visible on time: visibility is decided per request), released media files past their grace
  // period are removed, expired studio sessions and old failed sign-ins deleted, and a search
  // reindex that a restart cut off is carried on.
  const closeListeningDays = listens ? listeningDaysCloser(runtime, config, log, now) : undefined;
  const publisher = setInterval(() => {
    publishDueItems(runtime.db.db, now()).then(
      (report) => {
        if (report.articles + report.episodes > 0) log.info('scheduled items published', { ...report });
      },
      (error: unknown) => log.error('publishing scheduled items failed', { error }),
    );
    recoverMediaStore(runtime, config.mediaDir, log, { self, startingUp: false, now }).catch(
      (error: unknown) => log.error('sweeping the media store failed', { error }),
    );
    sweepAccounts(runtime.db.db, now(), sessionPolicyOf(config)).then(
      (report) => {
        if (report.sessions + report.failures > 0) log.info('expired sessions swept', { ...report });
      },
      (error: unknown) => log.error('sweeping expired sessions failed', { error }),
    );
    refreshExpired(documents).then(
      (report) => {
        if (report.rendered.length > 0) {
          log.info('scheduled feeds rendered', { documents: report.rendered.length });
          pings?.sweep();
        }
      },
      (error: unknown) => log.error('rendering scheduled feeds failed', { error }),
    );
    // A search reindex cut off by a restart goes on once its lease has run out.
    continueReindexJobs(
      { db: runtime.db.db, media: runtime.media, log, now },
      { pages: Number.POSITIVE_INFINITY },
    ).catch((error: unknown) => log.error('continuing a search reindex failed', { error }));
    closeListeningDays?.();
  }, 60_000);
  publisher.unref();
  const listenFlusher = listens
    ? setInterval(() => void listens.recorder.flush(), LISTEN_FLUSH_MS)
    : undefined;
  listenFlusher?.unref();
  closeListeningDays?.();
  const { port } = server.address() as AddressInfo;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    studioHasUsers,
    close(graceMs = 10_000) {
      closing ??= new Promise<void>((resolve) => {
        const force = setTimeout(() => {
          server.closeAllConnections();
          front?.closeAllConnections();
        }, graceMs);
        force.unref();
        server.closeIdleConnections();
        front?.closeIdleConnections();
        clearInterval(publisher);
        clearInterval(listenFlusher);
        server.close(() => {
          clearTimeout(force);
          // Responses have ended, so every listen is queued: written before the database closes.
          const flushed = Promise.all([listens?.recorder.flush(), pings?.stop()]);
          void flushed.finally(() => {
            runtime.db.close();
            resolve();
          });
        });
      });
      return closing;
    },
  };
}

/** Node writes queued listening events this often: today's downloads show in reports within it. */
export const LISTEN_FLUSH_MS = 5_000;

/**
 * Counts the days that are over into daily aggregates and deletes raw events past retention (and
 * earlier days' keys); returns the function the server's minute timer calls.
 */
function listeningDaysCloser(runtime: NodeRuntime, config: Config, log: Logger, now: () => Date) {
  /** The UTC day whose earlier keys were last flushed out of the WAL. */
  let walClearedFor = '';
  const isFile = !/^[a-z]+:\/\//i.test(runtime.db.location);
  return function closeListeningDays() {
    const at = now();
    closeDueDays(runtime.db.db, at, config.analyticsRetentionDays).then(
      async (report) => {
        if (report.closed.length > 0) log.info('listening days counted', { days: report.closed });
        // closeDueDays destroyed the keys of earlier days; their old pages may still sit in the WAL
        // until a checkpoint. Once per UTC day, check it in and truncate it (the main file's copy is
        // already overwritten: secure_delete), so a destroyed key leaves no trace in any file.
        const day = utcDay(at);
        if (walClearedFor !== day && isFile) {
          await runtime.db.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
          walClearedFor = day;
        }
      },
      (error: unknown) => log.error('counting listening days failed', { error }),
    );
  };
}

async function checkMediaDir(dir: string): Promise<void> {
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) throw new ConfigError([`MEDIA_DIR: ${dir} is not a folder`]);
    await access(dir, constants.R_OK | constants.X_OK);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const code = (error as { code?: string }).code;
    const why = code === 'ENOENT' ? 'does not exist' : 'cannot be read';
    throw new ConfigError([
      `MEDIA_DIR: folder ${dir} ${why} (create it, or set MEDIA_DIR to a readable folder)`,
    ]);
  }
}
