// loadPlayers: the players of a page's episodes, built alike on article, episode and embed pages:
// whether each audio file is there, its chapters and its artwork, read from the store together.
import type { FeedAudio } from '../../db/queries/episodes.ts';
import type { Episode, MediaAsset, Show } from '../../db/schema.ts';
import { mediaUrl } from '../media-url.ts';
import type { PageImage } from './article-page.ts';
import { loadChapters } from './episode-documents.ts';
import type { PageContext } from './page-context.ts';
import { mediaPresence, type PlayerModel, playerModel } from './player-model.ts';

/** One episode with the stored records its player needs. */
export interface PlayerSource {
  readonly show: Pick<Show, 'slug' | 'title' | 'access'>;
  readonly showArtwork: MediaAsset | null;
  readonly episode: Pick<Episode, 'id' | 'slug' | 'title' | 'publishedAt'>;
  readonly audio: Pick<
    FeedAudio,
    'key' | 'sha256' | 'mimeType' | 'sizeBytes' | 'durationSeconds' | 'chapters'
  >;
  /** The episode's own artwork. */
  readonly image: MediaAsset | null;
  /** The editor's chapters file (Podcast Index JSON). */
  readonly chaptersFile: MediaAsset | null;
}

/** The players, in the order of `sources`; the store is read in parallel (stat, chapters files). */
export async function loadPlayers(
  ctx: PageContext,
  sources: readonly PlayerSource[],
): Promise<PlayerModel[]> {
  const [present, chapterLists] = await Promise.all([
    mediaPresence(
      ctx,
      sources.map((s) => s.audio.key),
    ),
    Promise.all(sources.map((s) => loadChapters(ctx, s.chaptersFile, s.audio.chapters))),
  ]);
  return sources.map((s, i) =>
    playerModel(ctx.baseUrl, s.show, s.episode, s.audio, present.has(s.audio.key), {
      chapters: chapterLists[i] ?? [],
      artworkUrl: episodePicture(ctx.baseUrl, s)?.url,
    }),
  );
}

/** The episode's own artwork, else its show's. */
export function episodePicture(
  baseUrl: string,
  source: Pick<PlayerSource, 'show' | 'showArtwork' | 'episode' | 'image'>,
): PageImage | undefined {
  const picture = source.image ?? source.showArtwork;
  if (!picture) return undefined;
  return {
    url: mediaUrl(baseUrl, picture),
    alt: source.image ? `Artwork of ${source.episode.title}` : `Artwork of ${source.show.title}`,
    width: picture.width,
    height: picture.height,
    mimeType: picture.mimeType,
  };
}
