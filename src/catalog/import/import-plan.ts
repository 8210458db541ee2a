// planImport: what an import would do (--dry-run), read from the feed and the catalogue without writing anything.
import { eq, inArray } from 'drizzle-orm';
import { episodes, importedEpisodes, importedShows } from '../../db/schema.ts';
import { SLOT_NAMES, SLOTS } from './episode-slots.ts';
import { checkImportUrl, type ImportRequest } from './import-jobs.ts';
import type { ImportDeps } from './import-ports.ts';
import { findShow, guidOf } from './import-show.ts';
import { checkOwnership } from './ownership.ts';
import { readSourceFeed } from './read-source-feed.ts';
import { sourceDigest } from './source-fields.ts';

export type PlannedAction = 'create' | 'update' | 'unchanged' | 'conflict';

export interface ImportPlan {
  readonly feedUrl: string;
  /** Addresses read or redirected through. */
  readonly path: readonly string[];
  readonly show: {
    readonly action: 'create' | 'update' | 'unchanged';
    readonly title: string;
    readonly slug?: string;
  };
  readonly episodes: readonly { guid: string; title: string; action: PlannedAction; reason?: string }[];
  readonly warnings: readonly string[];
}

/** GUIDs looked up per query (D1 allows 100 bound parameters). */
const GUIDS_PER_QUERY = 90;

/** Reads the feed as an import would (ownership checked too) and compares it with the catalogue. */
export async function planImport(deps: ImportDeps, request: ImportRequest): Promise<ImportPlan> {
  const url = checkImportUrl(request.url);
  const read = await readSourceFeed(deps, url);
  const source = read.feed.show;
  checkOwnership(source, {
    ownerEmail: request.ownerEmail ?? null,
    iOwnThisFeed: request.iOwnThisFeed ?? false,
  });
  const show = await findShow(deps, request.showSlug ?? null, await guidOf(source, read.feedUrl), url);
  const [imported] = show
    ? await deps.db.select().from(importedShows).where(eq(importedShows.showId, show.id))
    : [];
  const showAction = !show
    ? 'create'
    : imported?.sourceDigest === (await sourceDigest(source)) &&
        (source.image === undefined || imported.artworkUrl === source.image.url)
      ? 'unchanged'
      : 'update';
  const guids = read.feed.episodes.map((e) => e.guid);
  const known = new Map<string, { showId: number; imported: typeof importedEpisodes.$inferSelect | null }>();
  for (let at = 0; at < guids.length; at += GUIDS_PER_QUERY) {
    const rows = await deps.db
      .select({ guid: episodes.guid, showId: episodes.showId, imported: importedEpisodes })
      .from(episodes)
      .leftJoin(importedEpisodes, eq(importedEpisodes.episodeId, episodes.id))
      .where(inArray(episodes.guid, guids.slice(at, at + GUIDS_PER_QUERY)));
    for (const row of rows) known.set(row.guid, row);
  }
  const planned = [];
  for (const episode of read.feed.episodes) {
    const found = known.get(episode.guid);
    const base = { guid: episode.guid, title: episode.title };
    if (!found) planned.push({ ...base, action: 'create' as const });
    else if (found.showId !== show?.id) {
      planned.push({
        ...base,
        action: 'conflict' as const,
        reason: 'the GUID belongs to an episode of another show',
      });
    } else {
      const same =
        found.imported?.sourceDigest === (await sourceDigest(episode)) &&
        SLOT_NAMES.every((slot) => {
          const url = episode[slot]?.url;
          return url === undefined || url === found.imported?.[SLOTS[slot].url];
        });
      planned.push({ ...base, action: same ? ('unchanged' as const) : ('update' as const) });
    }
  }
  return {
    feedUrl: read.feedUrl,
    path: read.path,
    show: { action: showAction, title: source.title, ...(show ? { slug: show.slug } : {}) },
    episodes: planned,
    warnings: read.feed.warnings,
  };
}
