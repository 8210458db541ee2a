// PlayerModel: one episode as a page plays it: where the audio is, how long it is, whether it is there,
// its chapters and its artwork.
import type { FeedAudio } from '../../db/queries/episodes.ts';
import type { Episode, Show } from '../../db/schema.ts';
import { formatDuration, isoDuration } from '../../domain/duration.ts';
import { humanSize } from '../../domain/size.ts';
import { mediaUrl } from '../media-url.ts';
import { siteUrls } from '../site-urls.ts';
import type { PageChapter } from './episode-documents.ts';
import type { PageContext } from './page-context.ts';

export interface PlayerModel {
  /** The `id` of the page's audio element (chapter links seek it). */
  readonly audioId: string;
  /**
   * The fragment id of the player in its page (`episode-<slug>`): a shared moment on a page with
   * several players names the one it means (`?t=807#episode-<slug>`).
   */
  readonly anchor: string;
  readonly title: string;
  readonly pageUrl: string;
  readonly embedUrl: string;
  readonly showTitle: string;
  readonly showUrl: string;
  readonly audioUrl: string;
  readonly downloadUrl: string;
  readonly mimeType: string;
  /** "MP3, 2.9 MB" */
  readonly fileLabel: string;
  readonly sizeBytes: number;
  readonly durationSeconds: number;
  /** "25:36": the probed length, as the feeds declare it. */
  readonly durationText: string;
  /** "PT25M36S" */
  readonly isoDuration: string;
  readonly publishedAt: Date;
  /** False when the media store has lost the file, or the show is for subscribers: no player then. */
  readonly available: boolean;
  /** The show's audio goes only to private subscriber feeds: no audio URL on any page. */
  readonly subscribersOnly: boolean;
  /** Marked on the seek bar; the editor's chapters file, else the chapters inside the audio. */
  readonly chapters: readonly PageChapter[];
  /** The episode's artwork, else its show's: lock screens show it (Media Session). */
  readonly artworkUrl?: string;
}

export interface PlayerExtras {
  readonly chapters?: readonly PageChapter[];
  readonly artworkUrl?: string;
}

const FORMAT_NAMES: Readonly<Record<string, string>> = {
  'audio/mpeg': 'MP3',
  'audio/mp4': 'M4A',
  'audio/x-m4a': 'M4A',
  'audio/aac': 'AAC',
  'audio/ogg': 'Ogg',
  'audio/opus': 'Opus',
  'audio/flac': 'FLAC',
  'audio/wav': 'WAV',
  'audio/x-wav': 'WAV',
  'audio/aiff': 'AIFF',
  'audio/x-aiff': 'AIFF',
};

export function playerModel(
  baseUrl: string,
  show: Pick<Show, 'slug' | 'title' | 'access'>,
  episode: Pick<Episode, 'id' | 'slug' | 'title' | 'publishedAt'>,
  audio: Pick<FeedAudio, 'key' | 'sha256' | 'mimeType' | 'sizeBytes' | 'durationSeconds'>,
  available: boolean,
  extras: PlayerExtras = {},
): PlayerModel {
  const urls = siteUrls(baseUrl);
  const subscribersOnly = show.access === 'subscribers';
  // Not even a URL that would answer 404: pages of a subscribers-only show carry none.
  const audioUrl = subscribersOnly ? '' : mediaUrl(baseUrl, audio);
  const seconds = audio.durationSeconds ?? 0;
  const format = FORMAT_NAMES[audio.mimeType] ?? audio.mimeType;
  return {
    audioId: `audio-${episode.id}`,
    anchor: `episode-${episode.slug}`,
    title: episode.title,
    pageUrl: urls.episode(show.slug, episode.slug),
    embedUrl: urls.embed(show.slug, episode.slug),
    showTitle: show.title,
    showUrl: urls.show(show.slug),
    audioUrl,
    downloadUrl: subscribersOnly ? '' : `${audioUrl}?download`,
    mimeType: audio.mimeType,
    fileLabel: `${format}, ${humanSize(audio.sizeBytes)}`,
    sizeBytes: audio.sizeBytes,
    durationSeconds: seconds,
    durationText: formatDuration(seconds),
    isoDuration: isoDuration(seconds),
    publishedAt: episode.publishedAt as Date,
    available: available && !subscribersOnly,
    subscribersOnly,
    chapters: extras.chapters ?? [],
    artworkUrl: extras.artworkUrl,
  };
}

/**
 * Whether the store still has each file: a lost file is logged and its episode shown without a
 * player (never a player that cannot play).
 */
export async function mediaPresence(ctx: PageContext, keys: readonly string[]): Promise<Set<string>> {
  const present = new Set<string>();
  await Promise.all(
    [...new Set(keys)].map(async (key) => {
      const found = await ctx.media.stat(key).catch(() => null);
      if (found) present.add(key);
      else ctx.log.error('registered media file is missing from the store', { key });
    }),
  );
  return present;
}
