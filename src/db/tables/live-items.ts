// live_items: a show's live streams (`podcast:liveItem`), pending, live or ended, driven through the API.
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { LIVE_STATUSES } from '../../domain/vocabulary.ts';
import { createdAt, oneOf, updatedAt, version } from './columns.ts';
import { shows } from './podcasts.ts';

export const liveItems = sqliteTable(
  'live_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    showId: integer('show_id')
      .notNull()
      .references(() => shows.id, { onDelete: 'cascade' }),
    guid: text('guid').notNull().unique(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    status: text('status', { enum: LIVE_STATUSES }).notNull().default('pending'),
    startAt: integer('start_at', { mode: 'timestamp_ms' }).notNull(),
    endAt: integer('end_at', { mode: 'timestamp_ms' }),
    /** The stream (an external URL: podwire does not relay live audio) and its type. */
    streamUrl: text('stream_url').notNull(),
    streamType: text('stream_type').notNull(),
    /** `podcast:contentLink`: where to watch or listen in a browser. */
    contentLink: text('content_link'),
    /** `podcast:chat`-style link to the live discussion, if any. */
    chatUrl: text('chat_url'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    check('live_items_title', sql`length(${t.title}) > 0`),
    check('live_items_end', sql`${t.endAt} IS NULL OR ${t.endAt} > ${t.startAt}`),
    check('live_items_status', oneOf('status', LIVE_STATUSES)),
    index('live_items_show_idx').on(t.showId, t.status),
  ],
);
