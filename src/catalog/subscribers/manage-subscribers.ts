// Subscriber management (editors and admins): add one with a new private feed, list them with counts, revoke.

import { addDays, utcDay } from '../../analytics/utc-day.ts';
import { newSubscriberToken, type TokenHasher } from '../../auth/subscriber-token.ts';
import {
  findSubscriber,
  insertSubscriberStatement,
  listSubscribersWithCounts,
  revokeSubscriberStatement,
} from '../../db/queries/subscribers.ts';
import type { Subscriber } from '../../db/schema.ts';
import { NotFoundError } from '../../errors.ts';
import { auditStatements } from '../accounts/audit.ts';
import type { EditorContext } from '../editor/context.ts';
import { requireEditor } from '../editor/permissions.ts';
import { getShow } from '../editor/shows.ts';
import { privateFeedUrl } from './private-urls.ts';

/** Downloads and feed fetches are summed over this many UTC days, today included. */
export const COUNT_DAYS = 30;

export interface SubscriberView {
  readonly id: number;
  readonly showId: number;
  readonly name: string;
  readonly email: string;
  readonly createdAt: string;
  readonly revokedAt: string | null;
  /** Distinct networks (IPv4 /24, IPv6 /48) that used the token today (UTC). */
  readonly networksToday: number;
  /** Audio downloads through the token in the last 30 days (requests from the first byte). */
  readonly downloads: number;
  readonly feedFetches: number;
  /** More networks today than SUBSCRIBER_MAX_NETWORKS: the link is probably shared. */
  readonly sharedWarning: boolean;
}

export interface SubscriberContext extends EditorContext {
  readonly hashToken: TokenHasher;
  readonly maxNetworks: number;
}

const audit = (ctx: EditorContext, showId: number, action: string, summary: string) =>
  auditStatements(ctx, { entity: 'show', entityId: showId, action, summary });

function viewOf(
  s: Subscriber,
  counts: { networksToday: number; downloads: number; feedFetches: number },
  maxNetworks: number,
): SubscriberView {
  return {
    id: s.id,
    showId: s.showId,
    name: s.name,
    email: s.email,
    createdAt: s.createdAt.toISOString(),
    revokedAt: s.revokedAt?.toISOString() ?? null,
    ...counts,
    sharedWarning: counts.networksToday > maxNetworks,
  };
}

/**
 * Adds a subscriber to show `showId` (public or subscribers-only) with a new token. The token is
 * in the answer's feed URL and nowhere else: only its HMAC is stored.
 */
export async function addSubscriber(
  ctx: SubscriberContext,
  showId: number,
  fields: { name: string; email: string },
): Promise<{ subscriber: SubscriberView; feedUrl: string }> {
  requireEditor(ctx, 'manage subscribers');
  await getShow(ctx, showId);
  const token = newSubscriberToken();
  const [rows] = await ctx.db.batch([
    insertSubscriberStatement(ctx.db, {
      showId,
      name: fields.name,
      email: fields.email,
      tokenHash: await ctx.hashToken(token),
      createdAt: ctx.now,
    }),
    ...audit(ctx, showId, 'subscriber-add', `subscriber ${fields.name} added`),
  ]);
  const row = rows[0];
  if (!row) throw new Error('the new subscriber was not stored');
  const empty = { networksToday: 0, downloads: 0, feedFetches: 0 };
  return { subscriber: viewOf(row, empty, ctx.maxNetworks), feedUrl: privateFeedUrl(ctx.baseUrl, token) };
}

/** The show's subscribers, newest first, revoked ones included (their counts are kept). */
export async function listSubscribers(ctx: SubscriberContext, showId: number): Promise<SubscriberView[]> {
  requireEditor(ctx, 'see subscribers');
  await getShow(ctx, showId);
  const today = utcDay(ctx.now);
  const rows = await listSubscribersWithCounts(ctx.db, showId, today, addDays(today, 1 - COUNT_DAYS));
  return rows.map(({ subscriber, ...counts }) => viewOf(subscriber, counts, ctx.maxNetworks));
}

/**
 * Revokes a subscriber's token: the next request with it fails, whatever caches hold (tokens are
 * looked up on every request). Revoking again changes nothing.
 */
export async function revokeSubscriber(ctx: SubscriberContext, showId: number, id: number): Promise<void> {
  requireEditor(ctx, 'manage subscribers');
  const found = await findSubscriber(ctx.db, showId, id);
  if (!found) throw new NotFoundError(`show ${showId} has no subscriber ${id}`);
  await ctx.db.batch([
    revokeSubscriberStatement(ctx.db, showId, id, ctx.now),
    ...audit(ctx, showId, 'subscriber-revoke', `subscriber ${found.name} revoked`),
  ]);
}
