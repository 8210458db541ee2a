// renderAndStore / refreshDocuments: feeds rendered when the catalogue changes and stored, so reads only stream bytes.
import type { Database } from '../../db/database.ts';
import {
  dropAllDocumentRows,
  dropDocumentRows,
  expiredDocumentKeys,
  findDocumentRow,
  isBodyUsed,
  listDocumentKeys,
  recordDocumentRow,
  staleConfigKeys,
} from '../../db/queries/rendered-documents.ts';
import { listSectionSlugs } from '../../db/queries/sections.ts';
import { listShowSlugs } from '../../db/queries/shows.ts';
import type { RenderedDocument } from '../../db/schema.ts';
import type { AppConfig } from '../../deps.ts';
import type { DocumentBodies } from '../../documents/document-bodies.ts';
import { NotFoundError } from '../../errors.ts';
import type { Logger } from '../../log.ts';
import { nextScheduledTime, readCatalogVersion } from '../catalog-version.ts';
import type { HtmlSanitizer } from '../html-sanitizer.ts';
import {
  documentKey,
  type FeedDocument,
  NEWS_FORMATS,
  parseDocumentKey,
  podcastKey,
  renderFeedDocument,
} from './feed-documents.ts';

/** What storing renderings needs: the catalogue, where bodies go, and what shapes the output. */
export interface DocumentPipeline {
  readonly db: Database;
  readonly bodies: DocumentBodies;
  readonly config: AppConfig;
  readonly sanitize: HtmlSanitizer;
  /** Settings and renderer version: a body made under another tag is never served. */
  readonly configTag: string;
  readonly now: () => Date;
  /** Where each rendering is noted (at debug level). */
  readonly log?: Logger;
  /**
   * Rows read lately, trusted for a moment (as the catalogue version is): a busy feed costs no
   * database read at all. Writes through this app clear it; others show within its TTL.
   */
  readonly recentRows?: RecentRows;
  /**
   * Told when a feed reaches a new version (its bytes changed) or is gone, after the rendering is
   * stored: records the notices owed to WebSub hubs, Podping and Podcast Index.
   */
  readonly feedChanged?: (doc: FeedDocument, version: string) => Promise<void>;
}

/** A small memo of stored-document rows, each trusted for `ttlMs` after it was read. */
export interface RecentRows {
  get(key: string): RenderedDocument | undefined;
  set(key: string, row: RenderedDocument): void;
  clear(): void;
}

export function createRecentRows(ttlMs: number, clock: () => number, maxEntries = 500): RecentRows {
  const rows = new Map<string, { row: RenderedDocument; at: number }>();
  return {
    get(key) {
      const hit = rows.get(key);
      if (!hit) return undefined;
      if (clock() - hit.at < ttlMs) return hit.row;
      rows.delete(key);
      return undefined;
    },
    set(key, row) {
      rows.delete(key);
      rows.set(key, { row, at: clock() });
      if (rows.size > maxEntries) rows.delete(rows.keys().next().value as string);
    },
    clear() {
      rows.clear();
    },
  };
}

/** A stored rendering and its bytes (as just made). */
export interface StoredFeed {
  readonly row: RenderedDocument;
  readonly body: Uint8Array;
}

/** Which stored feeds a write may have changed. */
export interface RefreshScope {
  /** Shows whose podcast feed changed (ids), or all of them. */
  readonly shows: 'all' | readonly number[];
  /** Whether news feeds (which carry articles and their paired episodes) changed. */
  readonly news: boolean;
}

const encoder = new TextEncoder();

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/**
 * Renders `doc` from the catalogue as it is now and stores it, unless a rendering from a later
 * revision got there first. A document that no longer exists (a deleted show, a page past the
 * last) is dropped, and the NotFoundError thrown. The revision is read before rendering, so whatever a
 * concurrent write changes is rendered again by that write's own refresh.
 */
export async function renderAndStore(p: DocumentPipeline, doc: FeedDocument): Promise<StoredFeed> {
  const key = documentKey(doc);
  const now = p.now();
  const [version, previous] = await Promise.all([readCatalogVersion(p.db, now), findDocumentRow(p.db, key)]);
  let rendered: Awaited<ReturnType<typeof renderFeedDocument>>;
  try {
    rendered = await renderFeedDocument({ db: p.db, config: p.config, sanitize: p.sanitize, now }, doc);
  } catch (error) {
    if (error instanceof NotFoundError) {
      await drop(p, [key]);
      // A feed that was served is gone (its show made subscribers-only, its section deleted).
      if (previous && !(doc.kind === 'news' && doc.page !== 1)) await announce(p, doc, 'gone');
    }
    throw error;
  }
  const body = encoder.encode(rendered.body);
  const hash = await sha256Hex(body);
  // The body first: a row never points at bytes that were not stored.
  await p.bodies.put(hash, body);
  const row: RenderedDocument = {
    key,
    hash,
    revision: version.revision,
    configTag: p.configTag,
    status: rendered.status,
    contentType: rendered.contentType,
    headers: { 'cache-control': rendered.cacheControl, ...rendered.headers },
    lastModified: version.lastModified,
    expiresAt: await nextScheduledTime(p.db, now),
    sizeBytes: body.byteLength,
    renderedAt: now,
  };
  const kept = await recordDocumentRow(p.db, row);
  p.recentRows?.clear();
  p.log?.debug('feed rendered and stored', {
    key: key.replaceAll('\n', ' '),
    revision: version.revision,
    bytes: body.byteLength,
    kept,
  });
  await collect(p, kept ? previous?.hash : hash, kept ? hash : undefined);
  if (kept && previous?.hash !== hash) await announce(p, doc, hash);
  return { row, body };
}

/** Tells feedChanged; a failure there is logged, never fails the write that changed the feed. */
async function announce(p: DocumentPipeline, doc: FeedDocument, version: string): Promise<void> {
  if (!p.feedChanged) return;
  try {
    await p.feedChanged(doc, version);
  } catch (error) {
    p.log?.error('recording the notices of a changed feed failed', { key: documentKey(doc), error });
  }
}

/** Removes a body nothing refers to any more (never `keep`). */
async function collect(p: DocumentPipeline, hash: string | undefined, keep: string | undefined) {
  if (hash === undefined || hash === keep) return;
  if (!(await isBodyUsed(p.db, hash))) await p.bodies.delete(hash);
}

async function drop(p: DocumentPipeline, keys: readonly string[]): Promise<void> {
  for (const hash of new Set(await dropDocumentRows(p.db, keys))) await collect(p, hash, undefined);
}

/** Renders and stores `doc`; false when it no longer exists (and was dropped). */
async function renderedOrGone(p: DocumentPipeline, doc: FeedDocument): Promise<boolean> {
  try {
    await renderAndStore(p, doc);
    return true;
  } catch (error) {
    if (error instanceof NotFoundError) return false;
    throw error;
  }
}

/** The stored rendering of `doc` if it can be served now: made under these settings, not expired. */
export async function findServableFeed(
  p: DocumentPipeline,
  doc: FeedDocument,
  options: { fresh?: boolean } = {},
): Promise<RenderedDocument | undefined> {
  const key = documentKey(doc);
  let row = options.fresh ? undefined : p.recentRows?.get(key);
  if (!row) {
    row = await findDocumentRow(p.db, key);
    if (row) p.recentRows?.set(key, row);
  }
  if (!row || row.configTag !== p.configTag) return undefined;
  if (row.expiresAt !== null && row.expiresAt.getTime() <= p.now().getTime()) return undefined;
  return row;
}

export interface RefreshReport {
  readonly rendered: readonly string[];
  readonly dropped: readonly string[];
}

/**
 * After a write: renders again every stored feed `scope` covers (each show's podcast feed in
 * scope, and the first page of each news feed that readers have asked for), and drops what can no
 * longer be right: feeds of renamed or deleted shows and sections, and later news pages (they
 * shift with every new article; the next reader renders them again).
 */
export async function refreshDocuments(p: DocumentPipeline, scope: RefreshScope): Promise<RefreshReport> {
  const rendered: string[] = [];
  const dropped: string[] = [];
  const slugs = await listShowSlugs(p.db, scope.shows === 'all' ? undefined : scope.shows);
  for (const slug of slugs) {
    if (await renderedOrGone(p, { kind: 'podcast', show: slug })) rendered.push(podcastKey(slug));
  }
  const current = new Set((await listShowSlugs(p.db)).map(podcastKey));
  const orphans = (await listDocumentKeys(p.db, 'podcast\n')).filter((key) => !current.has(key));
  // A deleted or renamed show's feed is gone: hubs fetch it once more and see so.
  for (const key of orphans) {
    const doc = parseDocumentKey(key);
    if (doc) await announce(p, doc, 'gone');
  }
  if (scope.news) {
    for (const key of await listDocumentKeys(p.db, 'news\n')) {
      const doc = parseDocumentKey(key);
      if (doc?.kind !== 'news' || doc.page !== 1) orphans.push(key);
      else if (await renderedOrGone(p, doc)) rendered.push(key);
      else dropped.push(key);
    }
  }
  await drop(p, orphans);
  dropped.push(...orphans);
  return { rendered, dropped };
}

/** The first page of every news feed (site-wide and per section), in every format. */
export function newsFrontPages(sections: readonly string[]): FeedDocument[] {
  return [undefined, ...sections].flatMap((section) =>
    NEWS_FORMATS.map((format): FeedDocument => ({ kind: 'news', section, format, page: 1 })),
  );
}

/**
 * refreshDocuments for a write that has committed: never fails it. If rendering fails, the feeds
 * in scope are dropped instead (the next read renders them), so none is served stale.
 */
export async function refreshAfterWrite(
  p: DocumentPipeline,
  scope: RefreshScope,
  log: Logger,
  requestId?: string,
): Promise<void> {
  try {
    await refreshDocuments(p, scope);
  } catch (error) {
    log.error('rendering stored feeds after a write failed; they will be rendered when read', {
      requestId,
      error,
    });
    const slugs = await listShowSlugs(p.db, scope.shows === 'all' ? undefined : scope.shows);
    const keys = [...slugs.map(podcastKey), ...(scope.news ? await listDocumentKeys(p.db, 'news\n') : [])];
    await drop(p, keys).catch((dropError: unknown) =>
      log.error('dropping stored feeds failed too', { requestId, error: dropError }),
    );
  }
}

/**
 * Renders again every stored feed whose time has come (something scheduled went live) and drops
 * the ones made under other settings: run by the minute timer on Node and the cron trigger on
 * Workers, so readers rarely meet an expired rendering.
 */
export async function refreshExpired(p: DocumentPipeline): Promise<RefreshReport> {
  const stale = await staleConfigKeys(p.db, p.configTag);
  await drop(p, stale);
  const rendered: string[] = [];
  const dropped: string[] = [...stale];
  for (const key of await expiredDocumentKeys(p.db, p.now())) {
    const doc = parseDocumentKey(key);
    if (doc && (await renderedOrGone(p, doc))) rendered.push(key);
    else {
      await drop(p, [key]);
      dropped.push(key);
    }
  }
  return { rendered, dropped };
}

/**
 * At start-up: renders every show's podcast feed and the first page of every news feed, so the
 * first readers after a deploy (or a change made to the database by hand) get current bytes.
 */
export async function warmDocuments(p: DocumentPipeline): Promise<RefreshReport> {
  await drop(p, await staleConfigKeys(p.db, p.configTag));
  const report = await refreshDocuments(p, { shows: 'all', news: true });
  const rendered = [...report.rendered];
  for (const doc of newsFrontPages(await listSectionSlugs(p.db))) {
    const key = documentKey(doc);
    if (!rendered.includes(key) && (await renderedOrGone(p, doc))) rendered.push(key);
  }
  return { rendered, dropped: report.dropped };
}

/**
 * Forgets every stored rendering (rows and bodies): after a change made outside the API (a media
 * scan that re-probed files), so the next read of each feed renders it afresh.
 */
export async function forgetStoredDocuments(db: Database, bodies: DocumentBodies): Promise<number> {
  const hashes = new Set(await dropAllDocumentRows(db));
  for (const hash of hashes) await bodies.delete(hash);
  return hashes.size;
}
