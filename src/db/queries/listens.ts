// Listening analytics in SQL: day keys, raw events, daily aggregates, closed days and anomalies.
import { and, asc, eq, gte, inArray, lt, lte, notInArray, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../database.ts';
import {
  articles,
  episodeAlternates,
  episodes,
  listenAnomalies,
  listenClosedDays,
  listenDays,
  listenEvents,
  listenKeys,
  shows,
} from '../schema.ts';

export type ListenEventRow = typeof listenEvents.$inferInsert;
export type StoredListenEvent = typeof listenEvents.$inferSelect;
export type ListenDayRow = typeof listenDays.$inferSelect;

/** D1 binds at most 100 parameters per statement: rows per multi-row insert of each table. */
/**
 * Events are inserted as one JSON array parameter per statement (json_each), not as bound values:
 * D1's 100-parameter limit would allow 6 rows a statement, and building and running hundreds of
 * small statements cost more than the rows themselves. 500 rows stay far below D1's 2 MB value limit.
 */
const EVENT_ROWS_PER_INSERT = 500;
/** listen_events' columns after the id, in the order each JSON row lists them. */
const EVENT_COLUMNS = [
  listenEvents.day,
  listenEvents.at,
  listenEvents.assetId,
  listenEvents.episodeId,
  listenEvents.showId,
  listenEvents.listener,
  listenEvents.address,
  listenEvents.userAgent,
  listenEvents.app,
  listenEvents.kind,
  listenEvents.country,
  listenEvents.source,
  listenEvents.rangeStart,
  listenEvents.rangeEnd,
  listenEvents.threshold,
] as const;
const DAY_ROWS_PER_INSERT = Math.floor(100 / 7);
/** Longer lists of keys are bound this many at a time. */
const KEYS_PER_LOOKUP = 90;

/** Which listening to read: one episode's, or every episode's of one show. */
export type ListenScope = { readonly episodeId: number } | { readonly showId: number };

function scopeOf(table: typeof listenEvents | typeof listenDays, scope: ListenScope): SQL {
  return 'episodeId' in scope ? eq(table.episodeId, scope.episodeId) : eq(table.showId, scope.showId);
}

/**
 * The secret of `day`: the stored one, or `candidate` stored now (the first instance to ask wins,
 * and every other instance reads the winner's). Keys of earlier days are destroyed in the same batch.
 */
export async function dayKeySecret(db: Database, day: string, candidate: string): Promise<string> {
  const [, , rows] = await db.batch([
    db.insert(listenKeys).values({ day, secret: candidate }).onConflictDoNothing(),
    db.delete(listenKeys).where(lt(listenKeys.day, day)),
    db.select({ secret: listenKeys.secret }).from(listenKeys).where(eq(listenKeys.day, day)),
  ]);
  const secret = rows[0]?.secret;
  if (!secret) throw new Error(`the listening key of ${day} could not be stored`);
  return secret;
}

/** Deletes the keys of days before `day`: their hashes can no longer be tied to an address. */
export async function destroyDayKeysBefore(db: Database, day: string): Promise<void> {
  await db.delete(listenKeys).where(lt(listenKeys.day, day));
}

/** Stores events and flood counts in one batch. */
export async function insertListenEvents(
  db: Database,
  rows: readonly ListenEventRow[],
  anomalies: readonly { day: string; address: string; count: number }[],
): Promise<void> {
  const statements = [];
  for (let i = 0; i < rows.length; i += EVENT_ROWS_PER_INSERT) {
    const json = JSON.stringify(rows.slice(i, i + EVENT_ROWS_PER_INSERT).map(eventTuple));
    statements.push(
      db.insert(listenEvents).select(
        sql`SELECT NULL, ${sql.join(
          EVENT_COLUMNS.map((_, n) => sql.raw(`json_extract(value, '$[${n}]')`)),
          sql`, `,
        )} FROM json_each(${json})`,
      ),
    );
  }
  for (const anomaly of anomalies)
    statements.push(upsertAnomaly(db, { ...anomaly, kind: 'events', episodeId: 0 }));
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
}

/** One event as the JSON row insertListenEvents reads, in EVENT_COLUMNS order. */
function eventTuple(row: ListenEventRow): (string | number)[] {
  return [
    row.day,
    row.at.getTime(),
    row.assetId,
    row.episodeId,
    row.showId,
    row.listener,
    row.address,
    row.userAgent,
    row.app,
    row.kind,
    row.country ?? '',
    row.source ?? '',
    row.rangeStart,
    row.rangeEnd,
    row.threshold,
  ];
}

function upsertAnomaly(
  db: Database,
  anomaly: { day: string; address: string; kind: string; episodeId: number; count: number },
) {
  return db
    .insert(listenAnomalies)
    .values(anomaly)
    .onConflictDoUpdate({
      target: [listenAnomalies.day, listenAnomalies.address, listenAnomalies.kind, listenAnomalies.episodeId],
      set: { count: sql`${listenAnomalies.count} + excluded.count` },
    });
}

/** One day's events in `scope` (every event of the day without one). */
export function eventsOfDay(db: Database, day: string, scope?: ListenScope): Promise<StoredListenEvent[]> {
  const where = scope
    ? and(eq(listenEvents.day, day), scopeOf(listenEvents, scope))
    : eq(listenEvents.day, day);
  return db.select().from(listenEvents).where(where).orderBy(asc(listenEvents.id));
}

/** Days that have events and are not closed, oldest first (before `before` when given). */
export async function openDays(db: Database, options: { before?: string; scope?: ListenScope } = {}) {
  const closed = db.select({ day: listenClosedDays.day }).from(listenClosedDays);
  const rows = await db
    .selectDistinct({ day: listenEvents.day })
    .from(listenEvents)
    .where(
      and(
        notInArray(listenEvents.day, closed),
        options.before ? lt(listenEvents.day, options.before) : undefined,
        options.scope ? scopeOf(listenEvents, options.scope) : undefined,
      ),
    )
    .orderBy(asc(listenEvents.day));
  return rows.map((row) => row.day);
}

/** Whether `day` is closed: its downloads are in listen_days. */
export async function closedDaysIn(db: Database, days: readonly string[]): Promise<Set<string>> {
  if (days.length === 0) return new Set();
  const rows = await db
    .select({ day: listenClosedDays.day })
    .from(listenClosedDays)
    .where(inArray(listenClosedDays.day, [...days]));
  return new Set(rows.map((row) => row.day));
}

/**
 * Closes `day`: its aggregates, its download anomalies and the closed mark in one batch. A second
 * close of the same day (two instances at once) fails on the mark's key and writes nothing.
 */
export async function closeDay(
  db: Database,
  day: string,
  rows: readonly ListenDayRow[],
  anomalies: readonly { address: string; episodeId: number; count: number }[],
  closedAt: Date,
): Promise<void> {
  const statements = [];
  statements.push(db.insert(listenClosedDays).values({ day, closedAt }));
  for (let i = 0; i < rows.length; i += DAY_ROWS_PER_INSERT) {
    statements.push(db.insert(listenDays).values(rows.slice(i, i + DAY_ROWS_PER_INSERT)));
  }
  for (const anomaly of anomalies) statements.push(upsertAnomaly(db, { ...anomaly, day, kind: 'downloads' }));
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
}

/** Opens closed days again (their aggregates and download anomalies deleted) so they are recounted. */
export async function reopenDays(db: Database, days: readonly string[]): Promise<void> {
  const statements = [];
  // In chunks D1 can bind, all in the one batch.
  for (let i = 0; i < days.length; i += KEYS_PER_LOOKUP) {
    const list = days.slice(i, i + KEYS_PER_LOOKUP);
    statements.push(
      db.delete(listenDays).where(inArray(listenDays.day, list)),
      db
        .delete(listenAnomalies)
        .where(and(inArray(listenAnomalies.day, list), eq(listenAnomalies.kind, 'downloads'))),
      db.delete(listenClosedDays).where(inArray(listenClosedDays.day, list)),
    );
  }
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
}

/** Days that still have raw events (a recount is possible for them). */
export async function daysWithEvents(db: Database, from?: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ day: listenEvents.day })
    .from(listenEvents)
    .where(from ? gte(listenEvents.day, from) : undefined)
    .orderBy(asc(listenEvents.day));
  return rows.map((row) => row.day);
}

/** Deletes raw events of closed days before `day` (retention); never an open day's. */
export async function deleteClosedEventsBefore(db: Database, day: string): Promise<void> {
  const closed = db.select({ day: listenClosedDays.day }).from(listenClosedDays);
  await db.delete(listenEvents).where(and(lt(listenEvents.day, day), inArray(listenEvents.day, closed)));
}

/** Aggregate rows of closed days in [from, to] for `scope`. */
export function aggregatedDays(db: Database, scope: ListenScope, from: string, to: string) {
  return db
    .select()
    .from(listenDays)
    .where(and(scopeOf(listenDays, scope), gte(listenDays.day, from), lte(listenDays.day, to)));
}

/** The earliest day with listening in `scope`, aggregated or raw. */
export async function firstListenDay(db: Database, scope: ListenScope): Promise<string | undefined> {
  const [aggregated] = await db
    .select({ day: sql<string | null>`min(${listenDays.day})` })
    .from(listenDays)
    .where(scopeOf(listenDays, scope));
  const [raw] = await db
    .select({ day: sql<string | null>`min(${listenEvents.day})` })
    .from(listenEvents)
    .where(scopeOf(listenEvents, scope));
  const days = [aggregated?.day, raw?.day].filter((d): d is string => typeof d === 'string');
  return days.sort()[0];
}

/** Download anomalies (and request floods) of closed days in [from, to]. */
export function anomaliesBetween(db: Database, from: string, to: string) {
  return db
    .select()
    .from(listenAnomalies)
    .where(and(gte(listenAnomalies.day, from), lte(listenAnomalies.day, to)))
    .orderBy(asc(listenAnomalies.day));
}

/** The episode whose audio (main enclosure or an alternate) `assetId` is; undefined for other files. */
export async function episodeOfAudio(
  db: Database,
  assetId: number,
): Promise<{ episodeId: number; showId: number } | undefined> {
  const [row] = await db.all<{ episodeId: number; showId: number }>(sql`
    SELECT ${episodes.id} AS episodeId, ${episodes.showId} AS showId FROM ${episodes}
      WHERE ${episodes.audioAssetId} = ${assetId}
    UNION ALL
    SELECT ${episodes.id}, ${episodes.showId} FROM ${episodeAlternates}
      JOIN ${episodes} ON ${episodes.id} = ${episodeAlternates.episodeId}
      WHERE ${episodeAlternates.assetId} = ${assetId}
    LIMIT 1`);
  return row ? { episodeId: Number(row.episodeId), showId: Number(row.showId) } : undefined;
}

/** `lookup` of `keys` in chunks D1 accepts, the rows joined. */
async function inChunks<K, R>(keys: readonly K[], lookup: (chunk: K[]) => Promise<R[]>): Promise<R[]> {
  const rows: R[] = [];
  for (let i = 0; i < keys.length; i += KEYS_PER_LOOKUP)
    rows.push(...(await lookup(keys.slice(i, i + KEYS_PER_LOOKUP))));
  return rows;
}

/** Titles of articles by slug (for naming the pages that drove listening). */
export async function articleTitlesBySlug(
  db: Database,
  slugs: readonly string[],
): Promise<Map<string, string>> {
  const rows = await inChunks(slugs, (chunk) =>
    db
      .select({ slug: articles.slug, title: articles.headline })
      .from(articles)
      .where(inArray(articles.slug, chunk)),
  );
  return new Map(rows.map((row) => [row.slug, row.title]));
}

/** Titles of episodes by id (a show's report lists its episodes). */
export async function episodeTitles(db: Database, ids: readonly number[]): Promise<Map<number, string>> {
  const rows = await inChunks(ids, (chunk) =>
    db.select({ id: episodes.id, title: episodes.title }).from(episodes).where(inArray(episodes.id, chunk)),
  );
  return new Map(rows.map((row) => [row.id, row.title]));
}

/** Every show as a report names it (id, slug, title), by title. */
export function reportShows(db: Database): Promise<{ id: number; slug: string; title: string }[]> {
  return db
    .select({ id: shows.id, slug: shows.slug, title: shows.title })
    .from(shows)
    .orderBy(asc(shows.title), asc(shows.id));
}

/** An episode as a report names it, with its show; undefined when there is none with this id. */
export async function reportEpisode(
  db: Database,
  id: number,
): Promise<{ id: number; title: string; showId: number; showSlug: string; showTitle: string } | undefined> {
  const [row] = await db
    .select({
      id: episodes.id,
      title: episodes.title,
      showId: shows.id,
      showSlug: shows.slug,
      showTitle: shows.title,
    })
    .from(episodes)
    .innerJoin(shows, eq(shows.id, episodes.showId))
    .where(eq(episodes.id, id));
  return row;
}
