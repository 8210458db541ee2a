// feed_pings: notices owed to WebSub hubs, Podping and Podcast Index that a feed changed, until delivered.
import { index, integer, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core';

/**
 * One row per feed and target while a notice is owed. A later version of the same feed before the
 * notice went out updates the row (a burst of edits is one notice); delivering it deletes the row
 * unless the feed changed again meanwhile. Failures back off (`attempts`, `due_at`).
 */
export const feedPings = sqliteTable(
  'feed_pings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** `websub <hub URL>`, `podping` or `pubnotify`. */
    target: text('target').notNull(),
    feedUrl: text('feed_url').notNull(),
    /** Podping reason: `update`, `live` or `liveEnd`. */
    reason: text('reason').notNull().default('update'),
    /** Podping medium: `podcast`, `blog`, `newsletter`… */
    medium: text('medium').notNull(),
    /** The content hash of the feed version the notice is about. */
    version: text('version').notNull(),
    changedAt: integer('changed_at', { mode: 'timestamp_ms' }).notNull(),
    /** Not before: the first change plus a moment (bursts merge), or the next retry. */
    dueAt: integer('due_at', { mode: 'timestamp_ms' }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [
    unique('feed_pings_target_feed').on(t.target, t.feedUrl, t.reason),
    index('feed_pings_due_idx').on(t.dueAt),
  ],
);
