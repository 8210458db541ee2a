// importItem: one source item into one episode, created or updated in a single batch with its files, or not at all.
import { eq, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import {
  type Episode,
  episodes,
  type ImportedEpisode,
  type ImportItem,
  type ImportItemStatus,
  importedEpisodes,
  importItems,
  mediaAssets,
} from '../../db/schema.ts';
import type { SourceEpisode } from '../../feeds-in/podcast-source.ts';
import { guarded } from '../editor/constraint-errors.ts';
import { auditEpisode } from '../editor/episodes.ts';
import { publicationFor } from '../editor/publication.ts';
import { redirectStatements } from '../editor/routing-records.ts';
import { releaseAssetStatements, SUPERSEDED_GRACE_MS, uploadCommitted } from '../media-journal.ts';
import { mediaPath } from '../media-url.ts';
import { episodeSearchStatements, transcriptSearchStatements } from '../search/search-index.ts';
import { readTranscriptText } from '../search/transcript-text.ts';
import {
  currentAssets,
  reserveSlug,
  type ShowInImport,
  SLOT_NAMES,
  SLOTS,
  type Slot,
} from './episode-slots.ts';
import { abandonStored, fetchIntoStore, reasonOf, type StoredFile } from './fetch-file.ts';
import { countItem } from './import-jobs.ts';
import type { ImportDeps } from './import-ports.ts';
import { episodeFieldsFrom, sourceDigest } from './source-fields.ts';

type Files = Partial<Record<Slot, StoredFile>>;
const filesOf = (files: Files) => Object.entries(files) as [Slot, StoredFile][];

/** The statements that record the item's outcome (and a note or reason) and count it. */
function outcome(deps: ImportDeps, item: ImportItem, status: ImportItemStatus, error: string | null) {
  const counter = status === 'new' ? 'created' : (status as 'updated' | 'unchanged' | 'failed');
  return [
    deps.db
      .update(importItems)
      .set({ status, error })
      .where(sql`${importItems.jobId} = ${item.jobId} AND ${importItems.position} = ${item.position}`),
    countItem(deps.db, item.jobId, counter, deps.now()),
  ] as const;
}

async function fail(deps: ImportDeps, item: ImportItem, reason: string): Promise<ImportItemStatus> {
  await deps.db.batch([...outcome(deps, item, 'failed', reason)]);
  return 'failed';
}

/**
 * Imports one item: matched by GUID (kept exactly), it is created, updated (only what changed in
 * the source: fields by digest, files by URL, audio by content hash) or left unchanged. Every file
 * is fetched and stored first; then the episode, its files' records, its search text and the
 * item's outcome go in one batch. Audio that cannot be fetched fails the item, leaving nothing
 * behind, and the next import tries again; another file that fails is listed and retried later.
 */
export async function importItem(
  deps: ImportDeps,
  show: ShowInImport,
  item: ImportItem,
): Promise<ImportItemStatus> {
  const source = item.source as SourceEpisode;
  const [found] = await deps.db
    .select({ episode: episodes, imported: importedEpisodes })
    .from(episodes)
    .leftJoin(importedEpisodes, eq(importedEpisodes.episodeId, episodes.id))
    .where(eq(episodes.guid, source.guid));
  if (found && found.episode.showId !== show.showId) {
    return fail(
      deps,
      item,
      `the GUID is already used by episode ${found.episode.id} of another show (GUIDs are unique across podwire)`,
    );
  }
  const imported = found?.imported ?? null;
  const digest = await sourceDigest(source);
  const wanted = SLOT_NAMES.filter((slot) => {
    const url = source[slot]?.url;
    return url !== undefined && url !== imported?.[SLOTS[slot].url];
  });
  if (found && imported?.sourceDigest === digest && wanted.length === 0) {
    await deps.db.batch([...outcome(deps, item, 'unchanged', null)]);
    return 'unchanged';
  }
  const slug = found?.episode.slug ?? reserveSlug(show, episodeFieldsFrom(source, deps.sanitize).title);
  const stored: Files = {};
  const notes: string[] = [];
  for (const slot of wanted) {
    const url = source[slot]?.url as string;
    const keyBase = `shows/${show.showSlug}/${slug}${SLOTS[slot].suffix}`;
    try {
      stored[slot] = await fetchIntoStore(deps, url, SLOTS[slot].kind, keyBase);
    } catch (error) {
      if (slot !== 'audio') {
        notes.push(`${slot} ${url} not imported (tried again next time): ${reasonOf(error)}`);
        continue;
      }
      await Promise.all(Object.values(stored).map((file) => abandonStored(deps, file)));
      if (!found) show.slugs.delete(slug);
      return fail(deps, item, `audio ${url}: ${reasonOf(error)}`);
    }
  }
  const fresh = await keepChanged(deps, found?.episode, stored);
  const statements = await itemStatements(deps, show, item, {
    source,
    found,
    imported,
    digest,
    slug,
    stored,
    fresh,
  });
  const status = statements.status;
  try {
    await guarded(() =>
      deps.db.batch([
        ...outcome(deps, item, status, notes.length > 0 ? notes.join('; ') : null),
        ...statements.items,
      ]),
    );
  } catch (error) {
    await Promise.all(Object.values(fresh).map((file) => abandonStored(deps, file)));
    if (!found) show.slugs.delete(slug);
    return fail(deps, item, reasonOf(error));
  }
  return status;
}

/** The stored files that differ from what the episode holds; copies of the same bytes are removed. */
async function keepChanged(deps: ImportDeps, episode: Episode | undefined, stored: Files): Promise<Files> {
  const current = episode ? await currentAssets(deps, episode) : {};
  const fresh: Files = {};
  for (const [slot, file] of filesOf(stored)) {
    const before = current[slot];
    // The same bytes as the episode already has: nothing to change (audio matched by content hash).
    if (before && before.sha256 === file.sha256 && before.sizeBytes === file.sizeBytes) {
      await abandonStored(deps, file);
    } else fresh[slot] = file;
  }
  return fresh;
}

interface ItemPlan {
  readonly source: SourceEpisode;
  readonly found: { episode: Episode } | undefined;
  readonly imported: ImportedEpisode | null;
  readonly digest: string;
  readonly slug: string;
  readonly stored: Files;
  readonly fresh: Files;
}

/** The batch that writes the item: files, episode, where it came from, search text, audit. */
async function itemStatements(deps: ImportDeps, show: ShowInImport, item: ImportItem, plan: ItemPlan) {
  const { source, found, imported, digest, fresh } = plan;
  const now = deps.now();
  const fields = episodeFieldsFrom(source, deps.sanitize);
  const changedFields = imported?.sourceDigest !== digest;
  // Refetched files that proved the same bytes change nothing but the URLs recorded for next time.
  const status: ImportItemStatus = !found
    ? 'new'
    : changedFields || Object.keys(fresh).length > 0
      ? 'updated'
      : 'unchanged';
  const id = found
    ? sql<number>`${found.episode.id}`
    : sql<number>`(SELECT id FROM episodes WHERE guid = ${source.guid})`;
  const pointers = Object.fromEntries(
    filesOf(fresh).map(([slot, file]) => [
      SLOTS[slot].column,
      sql<number>`(SELECT id FROM media_assets WHERE key = ${file.key})`,
    ]),
  );
  const at = source.publishedAt === null ? undefined : new Date(source.publishedAt);
  const items: BatchItem<'sqlite'>[] = Object.values(fresh).map((file) =>
    deps.db.insert(mediaAssets).values(file),
  );
  if (found && status === 'updated') {
    const republish = changedFields && found.episode.status !== 'draft' ? publicationFor(at, now) : {};
    items.push(
      deps.db
        .update(episodes)
        .set({
          ...(changedFields ? fields : {}),
          ...republish,
          ...pointers,
          updatedAt: now,
          version: sql`${episodes.version} + 1`,
        })
        .where(eq(episodes.id, found.episode.id)),
    );
    const current = await currentAssets(deps, found.episode);
    for (const [slot, file] of filesOf(fresh)) {
      const before = current[slot];
      if (!before) continue;
      items.push(
        ...redirectStatements(deps.db, mediaPath(before), mediaPath(file), now),
        ...releaseAssetStatements(deps.db, before, new Date(now.getTime() + SUPERSEDED_GRACE_MS)),
      );
    }
  } else if (!found) {
    items.push(
      deps.db.insert(episodes).values({
        ...fields,
        ...publicationFor(at, now),
        ...pointers,
        showId: show.showId,
        guid: source.guid,
        slug: plan.slug,
        createdBy: deps.actor?.userId ?? null,
        createdAt: now,
        updatedAt: now,
      }),
    );
  }
  const urls = Object.fromEntries(
    SLOT_NAMES.map((slot) => {
      const url = plan.stored[slot] ? (source[slot]?.url ?? null) : (imported?.[SLOTS[slot].url] ?? null);
      return [SLOTS[slot].url, url];
    }),
  );
  const record = { feedUrl: show.feedUrl, sourceDigest: digest, ...urls, importedAt: now };
  const transcript = fresh.transcript ? await readTranscriptText(deps.media, fresh.transcript) : undefined;
  items.push(
    deps.db
      .insert(importedEpisodes)
      .values({ episodeId: id, ...record })
      .onConflictDoUpdate({ target: importedEpisodes.episodeId, set: record }),
    ...(changedFields ? episodeSearchStatements(deps.db, id, fields) : []),
    ...(fresh.transcript ? transcriptSearchStatements(deps.db, id, transcript) : []),
    ...Object.values(fresh).map((file) => uploadCommitted(deps.db, file.key)),
    ...(status === 'unchanged'
      ? []
      : auditEpisode(
          { db: deps.db, now, actor: deps.actor, baseUrl: deps.baseUrl },
          id,
          found ? 'update' : 'create',
          `imported from ${show.feedUrl}`,
        )),
    deps.db
      .update(importItems)
      .set({ episodeId: id })
      .where(sql`${importItems.jobId} = ${item.jobId} AND ${importItems.position} = ${item.position}`),
  );
  return { items, status };
}
