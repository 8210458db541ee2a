// loadEpisodePage: one live episode with its player, show notes, chapters, transcript and articles.
import { findLiveEpisode, type LiveEpisode } from '../../db/queries/episodes.ts';
import { liveArticlesOfEpisode } from '../../db/queries/pairing.ts';
import type { Html } from '../../domain/html.ts';
import type { Person } from '../../domain/vocabulary.ts';
import { NotFoundError } from '../../errors.ts';
import { mediaUrl } from '../media-url.ts';
import { siteUrls } from '../site-urls.ts';
import type { PageImage } from './article-page.ts';
import { loadTranscript, type PageChapter, type Transcript } from './episode-documents.ts';
import { episodePicture, loadPlayers } from './episode-players.ts';
import type { PageContext } from './page-context.ts';
import type { PlayerModel } from './player-model.ts';
import { type FeedLink, podcastFeedLink } from './site-chrome.ts';

export interface EpisodePage {
  readonly url: string;
  readonly guid: string;
  readonly title: string;
  readonly summary: string;
  /** Sanitised show notes. */
  readonly notesHtml: Html;
  readonly season: number | null;
  readonly number: number | null;
  readonly persons: readonly Person[];
  readonly player: PlayerModel;
  readonly show: {
    readonly slug: string;
    readonly title: string;
    readonly url: string;
    readonly feedUrl: string;
  };
  /** The episode's own artwork, else the show's. */
  readonly image?: PageImage;
  readonly chapters: readonly PageChapter[];
  readonly transcript?: Transcript;
  readonly transcriptUrl?: string;
  readonly articles: readonly { readonly headline: string; readonly url: string }[];
  readonly feed: FeedLink;
  /** oEmbed: what another site asks for to embed this episode. */
  readonly oembedUrl: string;
}

/** Throws NotFoundError unless the show exists and the episode is live. */
export async function loadEpisodePage(
  ctx: PageContext,
  showSlug: string,
  episodeSlug: string,
): Promise<EpisodePage> {
  const found = await findLiveEpisode(ctx.db, showSlug, episodeSlug, ctx.now);
  if (!found) throw new NotFoundError(`there is no episode "${episodeSlug}" of "${showSlug}"`);
  return episodePageOf(ctx, found);
}

/**
 * The page of an episode with audio, live or not: the public page reads it through
 * loadEpisodePage, and the studio's preview of a draft directly (dated when it would go out: its
 * scheduled time, or now). Only live articles are listed, as readers would see them.
 */
export async function episodePageOf(ctx: PageContext, found: LiveEpisode): Promise<EpisodePage> {
  const { episode, audio, show, artwork, image, transcript, chapters } = found;
  const urls = siteUrls(ctx.baseUrl);
  // A subscribers-only show's transcript is part of what subscribers get: not on its public page.
  const open = show.access === 'public';
  const source = {
    show,
    showArtwork: artwork,
    episode: { ...episode, publishedAt: episode.publishedAt ?? ctx.now },
    audio,
    image,
    chaptersFile: chapters,
  };
  const [[player], articles, transcriptDoc] = await Promise.all([
    loadPlayers(ctx, [source]),
    liveArticlesOfEpisode(ctx.db, episode.id, ctx.now),
    transcript && open ? loadTranscript(ctx, transcript) : undefined,
  ]);
  if (!player) throw new Error(`no player was built for episode ${episode.id}`);
  return {
    url: urls.episode(show.slug, episode.slug),
    guid: episode.guid,
    title: episode.title,
    summary: episode.summary,
    notesHtml: ctx.sanitize(episode.contentHtml),
    season: episode.season,
    number: episode.number,
    persons: episode.persons,
    player,
    show: {
      slug: show.slug,
      title: show.title,
      url: urls.show(show.slug),
      feedUrl: urls.podcastFeed(show.slug),
    },
    image: episodePicture(ctx.baseUrl, source),
    chapters: player.chapters,
    transcript: open ? transcriptDoc : undefined,
    transcriptUrl: transcript && open ? mediaUrl(ctx.baseUrl, transcript) : undefined,
    articles: articles.map((a) => ({ headline: a.headline, url: urls.article(a.slug) })),
    feed: podcastFeedLink(ctx.baseUrl, show),
    oembedUrl: urls.oembed(urls.episode(show.slug, episode.slug)),
  };
}
