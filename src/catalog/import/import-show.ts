// The show an import fills: found (--show, podcast:guid, an earlier import) or made, updated from the feed, artwork re-hosted.
import { eq, like, or, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { importedShows, type MediaAsset, mediaAssets, type Show, shows } from '../../db/schema.ts';
import { podcastGuid } from '../../domain/podcast-guid.ts';
import { slugFrom } from '../../domain/slug.ts';
import type { SourceShow } from '../../feeds-in/podcast-source.ts';
import { auditStatements } from '../accounts/audit.ts';
import { guarded } from '../editor/constraint-errors.ts';
import { redirectStatements } from '../editor/routing-records.ts';
import { artworkProblem, stillPointsAt } from '../editor/uploads.ts';
import { releaseAssetStatements, SUPERSEDED_GRACE_MS, uploadCommitted } from '../media-journal.ts';
import { mediaPath } from '../media-url.ts';
import { abandonStored, fetchIntoStore, reasonOf } from './fetch-file.ts';
import type { ImportDeps } from './import-ports.ts';
import type { ReadSourceFeed } from './read-source-feed.ts';
import { showFieldsFrom, sourceDigest } from './source-fields.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ImportedShowOutcome {
  readonly show: Show;
  readonly status: 'new' | 'updated' | 'unchanged';
  readonly warnings: readonly string[];
}

/** The feed's podcast:guid, kept through the move (Podcast Index: it never changes); else the UUIDv5 of its URL. */
export async function guidOf(source: SourceShow, feedUrl: string): Promise<string> {
  return source.podcastGuid && UUID.test(source.podcastGuid)
    ? source.podcastGuid.toLowerCase()
    : podcastGuid(feedUrl);
}

export async function findShow(deps: ImportDeps, slug: string | null, guid: string, sourceUrl: string) {
  if (slug !== null) {
    const [show] = await deps.db.select().from(shows).where(eq(shows.slug, slug));
    return show;
  }
  const [show] = await deps.db
    .select()
    .from(shows)
    .where(
      or(
        eq(shows.podcastGuid, guid),
        sql`${shows.id} IN (SELECT show_id FROM ${importedShows} WHERE source_url = ${sourceUrl})`,
      ),
    )
    .limit(1);
  return show;
}

/** A slug for a new show: from its title, with -2, -3... when taken. */
async function freeShowSlug(deps: ImportDeps, title: string): Promise<string> {
  const base = slugFrom(title) || 'imported-show';
  const taken = new Set(
    (
      await deps.db
        .select({ slug: shows.slug })
        .from(shows)
        .where(like(shows.slug, `${base}%`))
    ).map((r) => r.slug),
  );
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!taken.has(slug)) return slug;
  }
}

async function currentArtwork(deps: ImportDeps, show: Show): Promise<MediaAsset | undefined> {
  if (show.artworkAssetId === null) return undefined;
  const [asset] = await deps.db.select().from(mediaAssets).where(eq(mediaAssets.id, show.artworkAssetId));
  return asset;
}

/** Fetches the artwork; a failure or Apple's objection is a warning, never a stop. */
async function fetchArtwork(deps: ImportDeps, url: string, slug: string, warnings: string[]) {
  try {
    const file = await fetchIntoStore(deps, url, 'image', `shows/${slug}/artwork`);
    const problem = artworkProblem(file.mimeType, file.width ?? 0, file.height ?? 0);
    if (problem) warnings.push(`artwork kept as it is, but ${problem}`);
    return file;
  } catch (error) {
    warnings.push(`artwork ${url} not imported (tried again next time): ${reasonOf(error)}`);
    return undefined;
  }
}

/**
 * Finds or makes the show and brings it up to date with the feed in one batch (artwork included).
 * An unchanged feed (same digest, same artwork URL) changes nothing.
 */
export async function importShow(
  deps: ImportDeps,
  request: { sourceUrl: string; showSlug: string | null },
  read: ReadSourceFeed,
): Promise<ImportedShowOutcome> {
  const source = read.feed.show;
  const guid = await guidOf(source, read.feedUrl);
  const existing = await findShow(deps, request.showSlug, guid, request.sourceUrl);
  const [imported] = existing
    ? await deps.db.select().from(importedShows).where(eq(importedShows.showId, existing.id))
    : [];
  const digest = await sourceDigest(source);
  const artworkUrl = source.image?.url ?? null;
  const warnings: string[] = [];
  if (
    existing &&
    imported?.sourceDigest === digest &&
    (artworkUrl === null || imported.artworkUrl === artworkUrl)
  ) {
    return { show: existing, status: 'unchanged', warnings };
  }
  const slug = existing?.slug ?? request.showSlug ?? (await freeShowSlug(deps, source.title));
  const artwork =
    artworkUrl && artworkUrl !== imported?.artworkUrl
      ? await fetchArtwork(deps, artworkUrl, slug, warnings)
      : undefined;
  const now = deps.now();
  const fields = showFieldsFrom(source);
  const showId = existing
    ? sql<number>`${existing.id}`
    : sql<number>`(SELECT id FROM shows WHERE slug = ${slug})`;
  const artworkId = artwork
    ? sql<number>`(SELECT id FROM media_assets WHERE key = ${artwork.key})`
    : undefined;
  const statements: BatchItem<'sqlite'>[] = [];
  if (artwork)
    statements.push(deps.db.insert(mediaAssets).values(artwork), uploadCommitted(deps.db, artwork.key));
  if (existing) {
    const replaced = artwork ? await currentArtwork(deps, existing) : undefined;
    statements.push(
      deps.db
        .update(shows)
        .set({
          ...fields,
          ...(artworkId ? { artworkAssetId: artworkId } : {}),
          updatedAt: now,
          version: sql`${shows.version} + 1`,
        })
        .where(
          artworkId
            ? sql`${eq(shows.id, existing.id)} AND ${stillPointsAt(shows.artworkAssetId, replaced ?? null)}`
            : eq(shows.id, existing.id),
        ),
    );
    if (replaced && artwork) {
      statements.push(
        ...redirectStatements(
          deps.db,
          mediaPath(replaced),
          mediaPath({ key: artwork.key, sha256: artwork.sha256 }),
          now,
        ),
        ...releaseAssetStatements(deps.db, replaced, new Date(now.getTime() + SUPERSEDED_GRACE_MS)),
      );
    }
  } else {
    statements.push(
      deps.db.insert(shows).values({
        ...fields,
        slug,
        podcastGuid: guid,
        ...(artworkId ? { artworkAssetId: artworkId } : {}),
        createdAt: now,
        updatedAt: now,
      }),
    );
  }
  const record = {
    sourceUrl: request.sourceUrl,
    feedUrl: read.feedUrl,
    sourceDigest: digest,
    // Kept as it was when this run's fetch failed, so the next run tries again.
    artworkUrl: artwork ? artworkUrl : (imported?.artworkUrl ?? null),
    importedAt: now,
  };
  statements.push(
    deps.db
      .insert(importedShows)
      .values({ showId, ...record })
      .onConflictDoUpdate({ target: importedShows.showId, set: record }),
    ...auditStatements(
      { db: deps.db, now, actor: deps.actor },
      {
        entity: 'show',
        entityId: showId,
        action: existing ? 'update' : 'create',
        summary: `imported from ${read.feedUrl}`,
      },
    ),
  );
  try {
    await guarded(() => deps.db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]));
  } catch (error) {
    if (artwork) await abandonStored(deps, artwork);
    throw error;
  }
  const [show] = await deps.db.select().from(shows).where(eq(shows.slug, slug));
  return { show: show as Show, status: existing ? 'updated' : 'new', warnings };
}
