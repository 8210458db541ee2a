// listen_keys, listen_events, listen_days, listen_closed_days, listen_anomalies: listener analytics without a raw address.
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** A UTC calendar day, `YYYY-MM-DD`: the window a download is counted in (as oDL's). */
const dayCheck = (column: string) => sql.raw(`${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`);

/**
 * The HMAC key of one UTC day. Listener and address hashes are keyed with it; once the day is over
 * the row is deleted, so nobody (the operator included) can link a hash back to an address.
 */
export const listenKeys = sqliteTable(
  'listen_keys',
  {
    day: text('day').primaryKey(),
    /** 32 random bytes, base64url. */
    secret: text('secret').notNull(),
  },
  () => [check('listen_keys_day', dayCheck('day'))],
);

/**
 * One response's delivered bytes of an episode's audio: the raw events downloads are counted from,
 * kept for ANALYTICS_RETENTION_DAYS so counts can be recomputed. No address is stored: `listener`
 * is HMAC(day key, address/64 + User-Agent), `address` is HMAC(day key, address/64).
 */
export const listenEvents = sqliteTable(
  'listen_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    day: text('day').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    /** No foreign keys: counts outlive the files and episodes they were counted for. */
    assetId: integer('asset_id').notNull(),
    episodeId: integer('episode_id').notNull(),
    showId: integer('show_id').notNull(),
    listener: text('listener').notNull(),
    address: text('address').notNull(),
    /** The User-Agent as sent (cut at 500 characters), so a later bot list can reclassify it. */
    userAgent: text('user_agent').notNull(),
    /** The app's name from the User-Agent ("Apple Podcasts", "Overcast", "Chrome"...), or "Other". */
    app: text('app').notNull(),
    /** `app`, `browser`, `library`, `watch` (Apple Watch, de-duplicated with the phone), `bot`. */
    kind: text('kind').notNull(),
    /** ISO 3166-1 alpha-2 where the runtime says (Workers' request.cf.country); '' when unknown. */
    country: text('country').notNull().default(''),
    /** The page on this site that played it (a web play's Referer path); '' for apps. */
    source: text('source').notNull().default(''),
    /** The delivered byte span [start, end) of the file. */
    rangeStart: integer('range_start').notNull(),
    rangeEnd: integer('range_end').notNull(),
    /**
     * The bytes this file needed for a download when the event was recorded (media_assets'
     * minute_bytes), kept with the event so a recount needs nothing that may have changed since.
     */
    threshold: integer('threshold').notNull(),
  },
  (t) => [
    check('listen_events_day', dayCheck('day')),
    check('listen_events_range', sql`${t.rangeStart} >= 0 AND ${t.rangeEnd} > ${t.rangeStart}`),
    index('listen_events_episode_idx').on(t.day, t.episodeId),
    index('listen_events_show_idx').on(t.day, t.showId),
  ],
);

/** Downloads per day, episode, app, country and source: what reports read; kept forever. */
export const listenDays = sqliteTable(
  'listen_days',
  {
    day: text('day').notNull(),
    episodeId: integer('episode_id').notNull(),
    showId: integer('show_id').notNull(),
    app: text('app').notNull(),
    country: text('country').notNull().default(''),
    source: text('source').notNull().default(''),
    downloads: integer('downloads').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.episodeId, t.app, t.country, t.source] }),
    check('listen_days_day', dayCheck('day')),
    check('listen_days_downloads', sql`${t.downloads} > 0`),
    index('listen_days_show_idx').on(t.showId, t.day),
  ],
);

/**
 * Days whose events have been counted into listen_days. A day is closed once, in the same batch
 * that writes its aggregates (the primary key refuses a second close); reports count open days
 * from their events.
 */
export const listenClosedDays = sqliteTable(
  'listen_closed_days',
  {
    day: text('day').primaryKey(),
    closedAt: integer('closed_at', { mode: 'timestamp_ms' }).notNull(),
  },
  () => [check('listen_closed_days_day', dayCheck('day'))],
);

/**
 * What IAB v2.2 asks to be flagged: one address sending more than a listener could. `address` is the
 * day's address hash; `kind` says which cap it hit (`events`: requests dropped before storage,
 * `downloads`: downloads beyond the per-address cap not counted).
 */
export const listenAnomalies = sqliteTable(
  'listen_anomalies',
  {
    day: text('day').notNull(),
    address: text('address').notNull(),
    kind: text('kind').notNull(),
    episodeId: integer('episode_id').notNull().default(0),
    count: integer('count').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.address, t.kind, t.episodeId] }),
    check('listen_anomalies_day', dayCheck('day')),
  ],
);
