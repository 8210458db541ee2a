// The files an imported episode holds (audio, image, transcript, chapters): where each is recorded, and what it holds now.
import { inArray } from 'drizzle-orm';
import { type Episode, type MediaAsset, mediaAssets } from '../../db/schema.ts';
import { slugFrom } from '../../domain/slug.ts';
import type { FetchedKind } from './fetch-file.ts';
import type { ImportDeps } from './import-ports.ts';

/** Each slot: the kind stored, the episode column, the imported_episodes URL column, the key suffix. */
export const SLOTS = {
  audio: { kind: 'audio', column: 'audioAssetId', url: 'audioUrl', suffix: '' },
  image: { kind: 'image', column: 'imageAssetId', url: 'imageUrl', suffix: '-image' },
  transcript: {
    kind: 'transcript',
    column: 'transcriptAssetId',
    url: 'transcriptUrl',
    suffix: '-transcript',
  },
  chapters: { kind: 'chapters', column: 'chaptersAssetId', url: 'chaptersUrl', suffix: '-chapters' },
} as const satisfies Record<
  string,
  { kind: FetchedKind; column: keyof Episode; url: string; suffix: string }
>;
export type Slot = keyof typeof SLOTS;
export const SLOT_NAMES = Object.keys(SLOTS) as Slot[];

/** What one step knows about the show being filled. */
export interface ShowInImport {
  readonly jobId: number;
  readonly showId: number;
  readonly showSlug: string;
  readonly feedUrl: string;
  /** Episode slugs taken in the show, including those reserved by items in flight. */
  readonly slugs: Set<string>;
}

/** A slug for a new episode: from its title, with -2, -3... when taken; reserved at once. */
export function reserveSlug(show: ShowInImport, title: string): string {
  const base = slugFrom(title) || 'episode';
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!show.slugs.has(slug)) {
      show.slugs.add(slug);
      return slug;
    }
  }
}

/** The episode's files now, by slot. */
export async function currentAssets(
  deps: ImportDeps,
  episode: Episode,
): Promise<Partial<Record<Slot, MediaAsset>>> {
  const ids = SLOT_NAMES.map((slot) => episode[SLOTS[slot].column]).filter((v): v is number => v !== null);
  if (ids.length === 0) return {};
  const assets = await deps.db.select().from(mediaAssets).where(inArray(mediaAssets.id, ids));
  return Object.fromEntries(
    SLOT_NAMES.flatMap((slot) => {
      const asset = assets.find((a) => a.id === episode[SLOTS[slot].column]);
      return asset ? [[slot, asset]] : [];
    }),
  );
}
