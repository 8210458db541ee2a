// Live items (`podcast:liveItem`): create a show's stream as pending, take it live, end it; the status only moves forward.
import { eq, sql } from 'drizzle-orm';
import { type LiveItem, liveItems, shows } from '../../db/schema.ts';
import type { LiveStatus } from '../../domain/vocabulary.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.ts';
import { auditStatements } from '../accounts/audit.ts';
import type { PingReason } from '../push/ping-targets.ts';
import { guarded } from './constraint-errors.ts';
import type { EditorContext } from './context.ts';
import { requireEditor } from './permissions.ts';
import { expectedVersion, nextVersion, touched, type WriteCondition } from './record-version.ts';

export interface LiveItemFields {
  guid?: string;
  title: string;
  summary: string;
  startAt: Date;
  endAt?: Date | null;
  streamUrl: string;
  streamType: string;
  contentLink?: string | null;
  chatUrl?: string | null;
}

export type LiveItemPatch = Partial<Omit<LiveItemFields, 'guid'>> & { status?: LiveStatus };

export interface LiveItemRecord {
  readonly item: LiveItem;
  readonly showSlug: string;
}

/** The moves a live item may make: pending → live → ended, or pending → ended (called off). */
const NEXT: Readonly<Record<LiveStatus, readonly LiveStatus[]>> = {
  pending: ['pending', 'live', 'ended'],
  live: ['live', 'ended'],
  ended: ['ended'],
};

/** The API view of a live item (its digest is the ETag). */
export function liveItemView(item: LiveItem) {
  return {
    id: item.id,
    showId: item.showId,
    guid: item.guid,
    title: item.title,
    summary: item.summary,
    status: item.status,
    startAt: item.startAt.toISOString(),
    endAt: item.endAt ? item.endAt.toISOString() : null,
    streamUrl: item.streamUrl,
    streamType: item.streamType,
    contentLink: item.contentLink,
    chatUrl: item.chatUrl,
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
  };
}

/** Live items are the show's: recorded in the show's history. */
const audit = (ctx: EditorContext, showId: number, action: string, summary: string) =>
  auditStatements(ctx, { entity: 'show', entityId: showId, action, summary });

/** `podcast:liveItem end`: after `start`, or a 400 saying both. */
function checkTimes(startAt: Date, endAt: Date | null | undefined): void {
  if (endAt && endAt.getTime() <= startAt.getTime()) {
    throw new ValidationError(
      `endAt (${endAt.toISOString()}) must be after startAt (${startAt.toISOString()}): a live item cannot end before it starts`,
      { context: { errors: ['endAt: must be after startAt'] } },
    );
  }
}

export async function getLiveItem(ctx: EditorContext, id: number): Promise<LiveItemRecord> {
  const [row] = await ctx.db
    .select({ item: liveItems, showSlug: sql<string>`${shows.slug}`.as('show_slug') })
    .from(liveItems)
    .innerJoin(shows, eq(shows.id, liveItems.showId))
    .where(eq(liveItems.id, id));
  if (!row) throw new NotFoundError(`there is no live item ${id}`);
  return row;
}

async function requireShow(ctx: EditorContext, showId: number): Promise<void> {
  const [show] = await ctx.db.select({ id: shows.id }).from(shows).where(eq(shows.id, showId));
  if (!show) throw new NotFoundError(`there is no show ${showId}`);
}

/** A show's live items, soonest start first. */
export async function listLiveItems(ctx: EditorContext, showId: number): Promise<LiveItem[]> {
  await requireShow(ctx, showId);
  return ctx.db
    .select()
    .from(liveItems)
    .where(eq(liveItems.showId, showId))
    .orderBy(liveItems.startAt, liveItems.id);
}

/** A new live item, pending until it goes live. Editors only (they run the show). */
export async function createLiveItem(
  ctx: EditorContext,
  showId: number,
  fields: LiveItemFields,
): Promise<LiveItemRecord> {
  requireEditor(ctx, 'run live streams');
  await requireShow(ctx, showId);
  checkTimes(fields.startAt, fields.endAt);
  const guid = fields.guid ?? `urn:uuid:${crypto.randomUUID()}`;
  const [rows] = await guarded(() =>
    ctx.db.batch([
      ctx.db
        .insert(liveItems)
        .values({ ...fields, guid, showId, status: 'pending', createdAt: ctx.now, updatedAt: ctx.now })
        .returning({ id: liveItems.id }),
      ...audit(ctx, showId, 'live item', `“${fields.title}” planned`),
    ]),
  );
  return getLiveItem(ctx, rows[0]?.id as number);
}

/**
 * Edits a live item and moves its status (pending → live → ended; never back). Ending a stream
 * that has started records now as its end unless an earlier end was given. `reason` says which
 * Podping notice the move owes: `live` when it went live, `liveEnd` when a live stream ended.
 */
export async function updateLiveItem(
  ctx: EditorContext,
  id: number,
  patch: LiveItemPatch,
  condition?: WriteCondition,
): Promise<{ record: LiveItemRecord; reason?: PingReason }> {
  requireEditor(ctx, 'run live streams');
  const before = await getLiveItem(ctx, id);
  const expected = await expectedVersion(condition, liveItemView(before.item), before.item.version);
  const from = before.item.status;
  const to = patch.status ?? from;
  if (!NEXT[from].includes(to)) {
    throw new ConflictError(
      `live item ${id} is ${from} and cannot become ${to}: a live item goes pending → live → ended, never back`,
    );
  }
  const startAt = patch.startAt ?? before.item.startAt;
  let endAt = patch.endAt === undefined ? before.item.endAt : patch.endAt;
  const started = ctx.now.getTime() > startAt.getTime();
  if (from === 'live' && to === 'ended' && started && (!endAt || endAt.getTime() > ctx.now.getTime())) {
    endAt = ctx.now;
  }
  checkTimes(startAt, endAt);
  const reason: PingReason | undefined =
    from !== 'live' && to === 'live' ? 'live' : from === 'live' && to === 'ended' ? 'liveEnd' : undefined;
  await guarded(() =>
    ctx.db.batch([
      ctx.db
        .update(liveItems)
        .set({ ...patch, endAt, ...touched(liveItems, ctx.now, expected) })
        .where(eq(liveItems.id, id)),
      ...audit(
        ctx,
        before.item.showId,
        'live item',
        from === to ? `“${before.item.title}” edited` : `“${before.item.title}” ${to}`,
      ),
    ]),
  );
  return { record: await getLiveItem(ctx, id), reason };
}

export async function deleteLiveItem(
  ctx: EditorContext,
  id: number,
  condition?: WriteCondition,
): Promise<{ showId: number }> {
  requireEditor(ctx, 'run live streams');
  const { item } = await getLiveItem(ctx, id);
  const expected = await expectedVersion(condition, liveItemView(item), item.version);
  await guarded(() =>
    ctx.db.batch([
      ctx.db
        .update(liveItems)
        .set({ version: nextVersion(liveItems.version, expected) })
        .where(eq(liveItems.id, id)),
      ctx.db.delete(liveItems).where(eq(liveItems.id, id)),
      ...audit(ctx, item.showId, 'live item', `“${item.title}” deleted`),
    ]),
  );
  return { showId: item.showId };
}
