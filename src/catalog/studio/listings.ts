// What the studio lists: articles and episodes by state (drafts, scheduled, live), newest first, with what a row shows.
import { and, asc, count, desc, eq, gt, inArray, ne, or, type SQL } from 'drizzle-orm';
import { mayEditAll } from '../../auth/principal.ts';
import { isLive } from '../../db/queries/visibility.ts';
import { articles, episodes, sections, shows } from '../../db/schema.ts';
import type { EditorContext } from '../editor/context.ts';

/** What an editor sees: a scheduled item whose time has come is published. */
export type StudioState = 'draft' | 'scheduled' | 'published';
export const STUDIO_STATES: readonly StudioState[] = ['draft', 'scheduled', 'published'];

export interface StudioRow {
  readonly kind: 'article' | 'episode';
  readonly id: number;
  readonly title: string;
  /** The section (articles) or show (episodes) it belongs to. */
  readonly parent: string;
  readonly state: StudioState;
  readonly publishedAt: Date | null;
  readonly updatedAt: Date;
}

/** The state an editor sees for a stored status and time (the one visibility rule decides "published"). */
export function studioState(status: string, publishedAt: Date | null, now: Date): StudioState {
  if (status === 'draft' || publishedAt === null) return 'draft';
  return publishedAt.getTime() <= now.getTime() ? 'published' : 'scheduled';
}

type Table = typeof articles | typeof episodes;

/** The WHERE for one state, and the order that suits it (drafts by last change, others by date). */
function byState(table: Table, state: StudioState | undefined, now: Date): { where?: SQL; order: SQL[] } {
  if (state === 'draft')
    return { where: eq(table.status, 'draft'), order: [desc(table.updatedAt), desc(table.id)] };
  if (state === 'scheduled') {
    return {
      where: and(eq(table.status, 'scheduled'), gt(table.publishedAt, now)),
      order: [asc(table.publishedAt), asc(table.id)],
    };
  }
  if (state === 'published')
    return { where: isLive(table, now), order: [desc(table.publishedAt), desc(table.id)] };
  return { order: [desc(table.updatedAt), desc(table.id)] };
}

/**
 * What the actor may see in the lists: editors and admins everything; a contributor their own
 * drafts and what is scheduled or published (read-only), never someone else's draft.
 */
function visibleTo(table: Table, ctx: EditorContext): SQL | undefined {
  const actor = ctx.actor;
  if (!actor || mayEditAll(actor)) return undefined;
  const own = actor.userId === null ? undefined : eq(table.createdBy, actor.userId);
  return own ? or(ne(table.status, 'draft'), own) : ne(table.status, 'draft');
}

export interface ListOptions {
  readonly state?: StudioState;
  readonly limit: number;
  readonly offset?: number;
  /** Episodes of one show only. */
  readonly showId?: number;
}

export async function listStudioArticles(ctx: EditorContext, options: ListOptions) {
  const state = byState(articles, options.state, ctx.now);
  const { order } = state;
  const where = and(state.where, visibleTo(articles, ctx));
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({
        id: articles.id,
        title: articles.headline,
        parent: sections.name,
        status: articles.status,
        publishedAt: articles.publishedAt,
        updatedAt: articles.updatedAt,
      })
      .from(articles)
      .innerJoin(sections, eq(sections.id, articles.sectionId))
      .where(where)
      .orderBy(...order)
      .limit(options.limit)
      .offset(options.offset ?? 0),
    ctx.db.select({ n: count() }).from(articles).where(where),
  ]);
  return { rows: rows.map((r) => rowOf('article', r, ctx.now)), total: total?.n ?? 0 };
}

export async function listStudioEpisodes(ctx: EditorContext, options: ListOptions) {
  const { where, order } = byState(episodes, options.state, ctx.now);
  const filter = and(
    where,
    visibleTo(episodes, ctx),
    options.showId === undefined ? undefined : eq(episodes.showId, options.showId),
  );
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({
        id: episodes.id,
        title: episodes.title,
        parent: shows.title,
        status: episodes.status,
        publishedAt: episodes.publishedAt,
        updatedAt: episodes.updatedAt,
      })
      .from(episodes)
      .innerJoin(shows, eq(shows.id, episodes.showId))
      .where(filter)
      .orderBy(...order)
      .limit(options.limit)
      .offset(options.offset ?? 0),
    ctx.db.select({ n: count() }).from(episodes).where(filter),
  ]);
  return { rows: rows.map((r) => rowOf('episode', r, ctx.now)), total: total?.n ?? 0 };
}

function rowOf(
  kind: StudioRow['kind'],
  r: { id: number; title: string; parent: string; status: string; publishedAt: Date | null; updatedAt: Date },
  now: Date,
): StudioRow {
  return { kind, ...r, state: studioState(r.status, r.publishedAt, now) };
}

export interface Dashboard {
  readonly drafts: readonly StudioRow[];
  readonly scheduled: readonly StudioRow[];
  readonly published: readonly StudioRow[];
}

/** The dashboard's three lists, articles and episodes together: latest drafts, what goes out next, what went out last. */
export async function loadDashboard(ctx: EditorContext, limit = 10): Promise<Dashboard> {
  const lists = await Promise.all(
    STUDIO_STATES.map(async (state) => {
      const [a, e] = await Promise.all([
        listStudioArticles(ctx, { state, limit }),
        listStudioEpisodes(ctx, { state, limit }),
      ]);
      const merged = [...a.rows, ...e.rows];
      const time = (r: StudioRow) => (state === 'draft' ? r.updatedAt : (r.publishedAt as Date)).getTime();
      merged.sort((x, y) => (state === 'scheduled' ? time(x) - time(y) : time(y) - time(x)));
      return merged.slice(0, limit);
    }),
  );
  return { drafts: lists[0] ?? [], scheduled: lists[1] ?? [], published: lists[2] ?? [] };
}

/** Episodes by id, with what a pairing row shows (title, show, state), in the order of `ids`. */
export async function studioEpisodesByIds(ctx: EditorContext, ids: readonly number[]): Promise<StudioRow[]> {
  if (ids.length === 0) return [];
  const rows = await ctx.db
    .select({
      id: episodes.id,
      title: episodes.title,
      parent: shows.title,
      status: episodes.status,
      publishedAt: episodes.publishedAt,
      updatedAt: episodes.updatedAt,
    })
    .from(episodes)
    .innerJoin(shows, eq(shows.id, episodes.showId))
    .where(inArray(episodes.id, [...ids]));
  const byId = new Map(rows.map((r) => [r.id, rowOf('episode', r, ctx.now)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
