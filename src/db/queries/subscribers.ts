// Subscriber queries: add, list with their counts, revoke, find by token hash, and count a token's use.
import { and, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../database.ts';
import { type Subscriber, shows, subscribers, subscriberUses } from '../schema.ts';

export interface SubscriberCounts {
  readonly subscriber: Subscriber;
  /** Distinct networks that used the token on `today`. */
  readonly networksToday: number;
  /** Media downloads and feed fetches since `since` (a UTC day, included). */
  readonly downloads: number;
  readonly feedFetches: number;
}

/** The insert of a subscriber, for a batch (with its audit line). */
export function insertSubscriberStatement(
  db: Database,
  values: { showId: number; name: string; email: string; tokenHash: string; createdAt: Date },
) {
  return db.insert(subscribers).values(values).returning();
}

/** A show's subscribers, newest first, with their counts. */
export async function listSubscribersWithCounts(
  db: Database,
  showId: number,
  today: string,
  since: string,
): Promise<SubscriberCounts[]> {
  const uses = (expression: SQL) =>
    sql<number>`(SELECT ${expression} FROM ${subscriberUses} u WHERE u.subscriber_id = ${subscribers.id} AND u.day >= ${since})`;
  const rows = await db
    .select({
      subscriber: subscribers,
      networksToday: sql<number>`(SELECT count(*) FROM ${subscriberUses} u WHERE u.subscriber_id = ${subscribers.id} AND u.day = ${today})`,
      downloads: uses(sql`coalesce(sum(u.media_fetches), 0)`),
      feedFetches: uses(sql`coalesce(sum(u.feed_fetches), 0)`),
    })
    .from(subscribers)
    .where(eq(subscribers.showId, showId))
    .orderBy(desc(subscribers.createdAt), desc(subscribers.id));
  return rows.map((r) => ({
    ...r,
    networksToday: Number(r.networksToday),
    downloads: Number(r.downloads),
    feedFetches: Number(r.feedFetches),
  }));
}

export async function findSubscriber(
  db: Database,
  showId: number,
  id: number,
): Promise<Subscriber | undefined> {
  const [row] = await db
    .select()
    .from(subscribers)
    .where(and(eq(subscribers.showId, showId), eq(subscribers.id, id)));
  return row;
}

/** Sets revoked_at unless it is set already (revoking twice keeps the first time). */
export function revokeSubscriberStatement(db: Database, showId: number, id: number, at: Date) {
  return db
    .update(subscribers)
    .set({ revokedAt: at })
    .where(and(eq(subscribers.showId, showId), eq(subscribers.id, id), isNull(subscribers.revokedAt)));
}

export interface TokenHolder {
  readonly subscriberId: number;
  readonly showId: number;
  readonly showSlug: string;
}

/**
 * The subscriber holding the token with this hash, if it is not revoked: one indexed lookup,
 * whether the token is unknown, revoked or malformed. Never cached, so a revocation takes effect
 * on the very next request.
 */
export async function findTokenHolder(db: Database, tokenHash: string): Promise<TokenHolder | undefined> {
  const [row] = await db
    .select({ subscriberId: subscribers.id, showId: subscribers.showId, showSlug: shows.slug })
    .from(subscribers)
    .innerJoin(shows, eq(shows.id, subscribers.showId))
    .where(and(eq(subscribers.tokenHash, tokenHash), isNull(subscribers.revokedAt)));
  return row;
}

/**
 * Counts one feed fetch or media download of a token from a network on a day, and answers how
 * many networks used it that day and whether this network is new (its first use today).
 */
export async function recordSubscriberUse(
  db: Database,
  use: { subscriberId: number; day: string; networkHash: string; kind: 'feed' | 'media' },
): Promise<{ networks: number; newNetwork: boolean }> {
  const feed = use.kind === 'feed' ? 1 : 0;
  const media = 1 - feed;
  const [upserted, counted] = await db.batch([
    db
      .insert(subscriberUses)
      .values({
        subscriberId: use.subscriberId,
        day: use.day,
        networkHash: use.networkHash,
        feedFetches: feed,
        mediaFetches: media,
      })
      .onConflictDoUpdate({
        target: [subscriberUses.subscriberId, subscriberUses.day, subscriberUses.networkHash],
        set: {
          feedFetches: sql`${subscriberUses.feedFetches} + ${feed}`,
          mediaFetches: sql`${subscriberUses.mediaFetches} + ${media}`,
        },
      })
      .returning({ total: sql<number>`${subscriberUses.feedFetches} + ${subscriberUses.mediaFetches}` }),
    db
      .select({ n: sql<number>`count(*)` })
      .from(subscriberUses)
      .where(and(eq(subscriberUses.subscriberId, use.subscriberId), eq(subscriberUses.day, use.day))),
  ]);
  return { networks: Number(counted[0]?.n ?? 0), newNetwork: Number(upserted[0]?.total ?? 0) === 1 };
}
