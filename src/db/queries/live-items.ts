// Live item queries: a show's live streams as its feed lists them.
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../database.ts';
import { type LiveItem, liveItems } from '../schema.ts';

/** How many ended streams a feed keeps listing (the latest): apps show them as past, then they go. */
export const ENDED_LIVE_ITEMS_LISTED = 5;

const RANK = { live: 0, pending: 1, ended: 2 } as const;

/**
 * The show's live items as its feed lists them: live ones, then pending ones by start, then the
 * ENDED_LIVE_ITEMS_LISTED latest ended ones (newest first).
 */
export async function liveItemsOfShow(db: Database, showId: number): Promise<LiveItem[]> {
  const rows = await db
    .select()
    .from(liveItems)
    .where(eq(liveItems.showId, showId))
    .orderBy(asc(liveItems.startAt), asc(liveItems.id));
  const ended = rows
    .filter((r) => r.status === 'ended')
    .reverse()
    .slice(0, ENDED_LIVE_ITEMS_LISTED);
  const open = rows.filter((r) => r.status !== 'ended').sort((a, b) => RANK[a.status] - RANK[b.status]);
  return [...open, ...ended];
}
