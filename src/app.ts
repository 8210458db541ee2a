// createApp(deps): the podwire Hono app; the only place routes are mounted, with one onError and one notFound.
import { type Context, Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { createTokenHasher } from './auth/subscriber-token.ts';
import { createDayKeys } from './catalog/analytics/day-keys.ts';
import { readCatalogVersion } from './catalog/catalog-version.ts';
import { configTagOf, createDocumentPipeline } from './catalog/documents/pipeline.ts';
import { lookupMoved } from './catalog/editor/routing-records.ts';
import { createHtmlSanitizer } from './catalog/html-sanitizer.ts';
import { redactPrivatePath } from './catalog/subscribers/private-urls.ts';
import { createTemplateCache } from './catalog/subscribers/template-cache.ts';
import type { AppDeps, AppEnv, AppRuntime } from './deps.ts';
import { GoneError, NotFoundError, PodwireError } from './errors.ts';
import { limitBody } from './http/body-limit.ts';
import { echoRequestId } from './http/echo-request-id.ts';
import { problemFromError, problemResponse } from './http/problem.ts';
import { createRenderedCache } from './http/rendered-cache.ts';
import { requestLog } from './http/request-log.ts';
import { createVersionCache } from './http/version-cache.ts';
import { apiRoutes } from './routes/api/index.ts';
import { isRawUpload } from './routes/api/raw-uploads.ts';
import { feedRoutes } from './routes/feeds.ts';
import { healthRoutes } from './routes/health.ts';
import { mediaRoutes } from './routes/media.ts';
import { badRequestPage, notFoundPage, wantsHtml } from './routes/not-found-page.tsx';
import { pageRoutes } from './routes/pages.tsx';
import { privateRoutes } from './routes/private-feeds.ts';
import { searchRoutes } from './routes/search.tsx';
import { siteFileRoutes } from './routes/site-files.ts';
import { studioRoutes } from './routes/studio/index.ts';

/**
 * How long the catalogue version is trusted before it is read again: changes made elsewhere (the
 * CLI, another process) and scheduled publications show within this time.
 */
export const VERSION_TTL_MS = 1000;

/** Builds the app from injected dependencies; reads no environment itself. */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const runtime = createRuntime(deps);

  app.use(requestId(deps.newRequestId ? { generator: deps.newRequestId } : undefined));
  app.use(echoRequestId());
  app.use(async function injectDeps(c, next) {
    c.set('deps', deps);
    c.set('runtime', runtime);
    await next();
  });
  app.use(requestLog());
  // Before any route reads a body; uploads stream under their own MAX_UPLOAD_BYTES instead.
  app.use(limitBody({ maxBytes: deps.config.maxBodyBytes, exempt: isRawUpload }));

  app.route('/', healthRoutes());
  app.route('/', mediaRoutes());
  app.route('/', privateRoutes());
  // Feeds before pages: /podcasts/<show>/feed.xml is a feed, not an episode called feed.xml.
  app.route('/', feedRoutes());
  app.route('/', siteFileRoutes());
  app.route('/', searchRoutes());
  app.route('/', pageRoutes());
  app.route('/api', apiRoutes());
  app.route('/studio', studioRoutes());

  app.notFound(function notFound(c) {
    return notFoundResponse(c, new NotFoundError(`nothing is published at ${new URL(c.req.url).pathname}`));
  });

  app.onError(function onError(error, c) {
    if (c.req.raw.signal.aborted) return clientClosed(c, error);
    const reading = c.req.method === 'GET' || c.req.method === 'HEAD';
    if (error instanceof NotFoundError && reading) return notFoundResponse(c, error);
    // A browser gets other 4xx as a page too (`/?page=0`), chosen by Accept as 404s are; so does a
    // studio form refused before its handler ran (a file over MAX_BODY_BYTES sent without the script).
    const studioForm = c.req.path.startsWith('/studio/');
    if (error instanceof PodwireError && error.status < 500 && (reading || studioForm) && wantsHtml(c)) {
      return badRequestPage(c, error.status, error.message);
    }
    const problem = problemFromError(error, c.get('requestId'));
    if (problem.status >= 500) {
      deps.log.error('request failed', {
        requestId: c.get('requestId'),
        path: redactPrivatePath(c.req.path),
        error,
      });
    }
    return problemResponse(problem);
  });

  return app;
}

/**
 * The client hung up (an upload cut off mid-body, say): its doing, not a failure here, and nobody
 * is left to read an answer. Logged without a stack under nginx's status for it, 499 "client
 * closed request"; the Node adapter aborts the request's signal when the connection closes.
 */
function clientClosed(c: Context<AppEnv>, error: unknown): Response {
  c.var.deps.log.info('client closed the request', {
    requestId: c.var.requestId,
    method: c.req.method,
    path: redactPrivatePath(c.req.path),
    status: 499,
    reason: error instanceof Error ? error.message : String(error),
  });
  return new Response(null, { status: 499 });
}

/**
 * What a GET for a missing path gets: a 301 if it was renamed, a 410 if it was deleted (RFC 9110
 * §15.5.11), else the 404 problem.
 */
async function notFoundResponse(c: Context<AppEnv>, error: NotFoundError): Promise<Response> {
  const path = new URL(c.req.url).pathname;
  const moved = await lookupMoved(c.var.deps.db, path);
  if (moved.redirect) return c.redirect(moved.redirect, 301);
  // `/articles/x/` means `/articles/x`: send it there (under BASE_URL, as every link podwire makes).
  const reading = c.req.method === 'GET' || c.req.method === 'HEAD';
  if (reading && path.length > 1 && path.endsWith('/')) {
    return c.redirect(`${c.var.deps.config.baseUrl}${path.slice(0, -1)}${new URL(c.req.url).search}`, 301);
  }
  if (wantsHtml(c)) return notFoundPage(c, moved.gone ? 410 : 404);
  if (moved.gone) {
    return problemResponse(
      problemFromError(new GoneError(`${path} was deleted and will not come back`), c.var.requestId),
    );
  }
  return problemResponse(problemFromError(error, c.var.requestId));
}

/**
 * A bounded memo: the oldest entries go first. Only settled answers are shared: requests that ask
 * while a lookup is under way make their own (on Workers, awaiting a promise that another request's
 * I/O settles hangs if that request is cancelled).
 */
function createMemo(maxEntries: number): AppRuntime['memo'] {
  const entries = new Map<string, { value: unknown }>();
  return async <T>(key: string, load: () => Promise<T>): Promise<T> => {
    const hit = entries.get(key);
    if (hit) return hit.value as T;
    const value = await load();
    entries.set(key, { value });
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    return value;
  };
}

/** The caches and helpers one app instance shares across its requests. */
function createRuntime(deps: AppDeps): AppRuntime {
  const { config } = deps;
  const documents = deps.documentBodies
    ? createDocumentPipeline({
        db: deps.db,
        bodies: deps.documentBodies,
        config,
        now: deps.now,
        log: deps.log,
        rowTtlMs: VERSION_TTL_MS,
      })
    : undefined;
  return {
    versions: createVersionCache({
      read: () => readCatalogVersion(deps.db, deps.now()),
      ttlMs: VERSION_TTL_MS,
      clock: () => deps.now().getTime(),
      onInvalidate: () => {
        deps.hot?.clear();
        documents?.recentRows?.clear();
      },
    }),
    hot: deps.hot,
    sharedCache: deps.sharedCache,
    memo: createMemo(1000),
    rendered: createRenderedCache(),
    sanitize: documents?.sanitize ?? createHtmlSanitizer({ baseUrl: config.baseUrl }),
    compress: deps.compress,
    codings: deps.compress ? ['br', 'gzip'] : [],
    configTag: configTagOf(config),
    documents,
    hashToken: createTokenHasher(config.subscriberTokenKey),
    dayKeys: deps.listens?.keys ?? createDayKeys(deps.db),
    privateFeeds: createTemplateCache(),
  };
}
