// readItem(item): one RSS <item> as a SourceEpisode (GUID kept exactly), or why it cannot be imported.
import { EPISODE_TYPES, type EpisodeType } from '../domain/vocabulary.ts';
import type { SourceEpisode, SourceFile } from './podcast-source.ts';
import {
  durationSeconds,
  explicitFlag,
  fileOf,
  isYes,
  personsOf,
  positiveInteger,
  rfc822Date,
} from './rss-values.ts';
import { child, childrenNamed, childText, type XmlElement } from './xml-tree.ts';

/** Transcript types podwire stores, best first (timed cues before untimed text). */
const TRANSCRIPT_PREFERENCE = [
  'text/vtt',
  'application/x-subrip',
  'application/srt',
  'application/json',
  'text/html',
];

/** The transcript podwire would rather have among several (`podcast:transcript`). */
function bestTranscript(item: XmlElement, base: string): SourceFile | undefined {
  const files = childrenNamed(item, 'podcast:transcript')
    .map((element) => fileOf(element, base))
    .filter((file): file is SourceFile => file !== undefined);
  const rank = (file: SourceFile) => {
    const at = TRANSCRIPT_PREFERENCE.indexOf(file.type?.toLowerCase() ?? '');
    return at < 0 ? TRANSCRIPT_PREFERENCE.length : at;
  };
  return files.sort((a, b) => rank(a) - rank(b))[0];
}

/**
 * The item as the import model. The guid is kept exactly as written, URL or not (RSS 2.0: apps key
 * on it); without one, the enclosure URL is what apps used, so it becomes the guid.
 */
export function readItem(item: XmlElement, base: string): SourceEpisode | { readonly skipped: string } {
  const audio = fileOf(child(item, 'enclosure'), base);
  const title = childText(item, 'title') ?? childText(item, 'itunes:title');
  const guid = child(item, 'guid')?.text.trim() || audio?.url;
  const named = title ?? guid ?? 'an item';
  if (!guid) return { skipped: `"${named}" has neither a guid nor an enclosure` };
  if (!audio) return { skipped: `"${named}" (${guid}) has no enclosure: podwire episodes need audio` };
  const description = childText(item, 'description');
  const episodeType = childText(item, 'itunes:episodeType')?.toLowerCase();
  const episode: SourceEpisode = {
    guid,
    title: title ?? guid,
    summary: childText(item, 'itunes:summary') ?? childText(item, 'itunes:subtitle') ?? description ?? '',
    contentHtml: childText(item, 'content:encoded') ?? description ?? '',
    publishedAt: rfc822Date(childText(item, 'pubDate')),
    season: positiveInteger(childText(item, 'itunes:season')),
    number: positiveInteger(childText(item, 'itunes:episode')),
    type: EPISODE_TYPES.includes(episodeType as EpisodeType) ? (episodeType as EpisodeType) : 'full',
    explicit: explicitFlag(childText(item, 'itunes:explicit')),
    block: isYes(childText(item, 'itunes:block')),
    persons: personsOf(item, base),
    audio,
    declaredDurationSeconds: durationSeconds(childText(item, 'itunes:duration')),
  };
  const image = fileOf(child(item, 'itunes:image'), base, 'href');
  const transcript = bestTranscript(item, base);
  const chapters = fileOf(child(item, 'podcast:chapters'), base);
  return {
    ...episode,
    ...(image ? { image } : {}),
    ...(transcript ? { transcript } : {}),
    ...(chapters ? { chapters } : {}),
  };
}
