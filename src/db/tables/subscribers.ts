// subscribers and subscriber_uses: private feeds of a show, each with its own token, and what each token fetched.
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns.ts';
import { shows } from './podcasts.ts';

/**
 * A listener with a private feed URL. The token (at least 128 random bits) is never stored: only
 * its HMAC, so a copy of the database opens no feed. Revoking sets `revoked_at` (counts are kept).
 */
export const subscribers = sqliteTable(
  'subscribers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    showId: integer('show_id')
      .notNull()
      .references(() => shows.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    /** Lower-case hex HMAC-SHA-256 of the token. */
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: createdAt(),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    check('subscribers_token_hash', sql`length(${t.tokenHash}) = 64`),
    index('subscribers_show_idx').on(t.showId),
  ],
);

/**
 * Per token, UTC day and network (a daily-keyed hash of the address's /24 or /64, never the
 * address): downloads, so the studio can count them and warn when one link is shared widely.
 */
export const subscriberUses = sqliteTable(
  'subscriber_uses',
  {
    subscriberId: integer('subscriber_id')
      .notNull()
      .references(() => subscribers.id, { onDelete: 'cascade' }),
    /** `YYYY-MM-DD`, UTC. */
    day: text('day').notNull(),
    networkHash: text('network_hash').notNull(),
    feedFetches: integer('feed_fetches').notNull().default(0),
    mediaFetches: integer('media_fetches').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.subscriberId, t.day, t.networkHash] })],
);
