// probeAudio(reader): exact duration, type, chapters, artwork and tags of an audio file, read from the file itself.
import { type IAudioMetadata, parseFromTokenizer } from 'music-metadata';
import { formatDuration } from '../domain/duration.ts';
import type { Chapter } from '../domain/vocabulary.ts';
import { CorruptMediaError, MediaError } from '../errors.ts';
import type { RandomAccessReader } from '../media-store/media-store.ts';
import { describeArtwork, type EmbeddedArtwork } from './artwork.ts';
import { type BlockReader, createBlockReader } from './block-reader.ts';
import { readMpegTags } from './id3/mpeg-tags.ts';
import { type ContainerFacts, measureContainer } from './measure-container.ts';
import { audioMimeType } from './mime.ts';
import { resolveMinuteBytes } from './minute-bytes.ts';
import { closeChapters } from './mp4/mp4-chapters.ts';
import { ReaderTokenizer } from './reader-tokenizer.ts';
import { type AudioContainer, sniffContainer } from './sniff.ts';
import { type AudioTags, tagFactsOf } from './tag-facts.ts';

export type { AudioTags } from './tag-facts.ts';

export interface AudioProbe {
  /** Seconds a gapless decoder plays (encoder delay and padding removed where the file declares them). */
  readonly durationSeconds: number;
  /** `M:SS` or `H:MM:SS`, rounded to the nearest second. */
  readonly durationText: string;
  /** How the length was established, such as "xing", "frame-walk", "mp4-edit-list", "ogg-granule". */
  readonly durationMethod: string;
  readonly mimeType: string;
  readonly sizeBytes: number;
  /**
   * The IAB download threshold: the bytes a player must have received to hold the file's header
   * and tags and its first 60 seconds of audio, that is (a) the bytes from the start of the file to
   * the first audio frame or packet (ID3v2 tags, the Xing/LAME frame, ftyp and moov when the moov
   * comes first, the Ogg header pages, the FLAC metadata blocks, the WAV header), plus (b) for an
   * MP4 whose moov follows the media data, the moov's size (a player needs it to play), plus (c)
   * the bytes from the first audio frame to the end of the frame, packet or page in which
   * playback (gapless: after the encoder delay, the edit list's priming, the Opus pre-skip)
   * reaches 60.000 s. A file whose audio lasts 60 s or less: its whole size. Never more than the
   * file. Exact from the frames (MPEG frame walk, MP4 sample tables, Ogg granules, FLAC frame
   * headers, WAV block alignment); where they do not allow it, a proportional estimate and a warning.
   */
  readonly minuteBytes: number;
  readonly container: AudioContainer;
  readonly codec: string;
  /** Average bits per second. */
  readonly bitrate: number | undefined;
  readonly sampleRate: number | undefined;
  readonly channels: number | undefined;
  readonly lossless: boolean;
  readonly chapters: readonly Chapter[];
  readonly artwork: EmbeddedArtwork | undefined;
  readonly tags: AudioTags;
  /** True when the file is cut short or damaged: the duration is what can be played, not what was meant. */
  readonly partial: boolean;
  readonly warnings: readonly string[];
  /** Bytes read from the file to probe it. */
  readonly bytesRead: number;
}

export interface ProbeOptions {
  /** A file name or key, for messages only; the content decides the type. */
  readonly name?: string;
}

/** Tags and artwork larger than this are skipped rather than read into memory. */
const MAX_TAG_BUFFER = 16 * 1024 * 1024;

/**
 * Probes the file behind `reader`. Reads only what it needs (headers, and every frame header of an
 * MP3 that has no usable VBR header) through a small block cache, so memory stays bounded for any
 * file size. Throws UnsupportedMediaError for what is not audio, CorruptMediaError for broken files.
 */
export async function probeAudio(
  source: RandomAccessReader,
  options: ProbeOptions = {},
): Promise<AudioProbe> {
  const label = options.name ?? 'file';
  try {
    return await probe(source);
  } catch (error) {
    if (error instanceof MediaError) {
      throw new (error.constructor as typeof MediaError)(`${label}: ${error.message}`, {
        cause: error.cause,
        context: { ...error.context, name: options.name },
      });
    }
    throw new CorruptMediaError(`${label}: ${(error as Error).message}`, {
      cause: error,
      context: { name: options.name },
    });
  }
}

async function probe(source: RandomAccessReader): Promise<AudioProbe> {
  if (source.size === 0) throw new CorruptMediaError('the file is empty');
  const reader = createBlockReader(source);
  try {
    return await probeWith(reader, source.size);
  } finally {
    reader.release();
  }
}

async function probeWith(reader: BlockReader, size: number): Promise<AudioProbe> {
  const { container, afterTags } = await sniffContainer(reader);
  // podwire's own analysis first: it gives the precise error for a broken file.
  const facts: ContainerFacts = await measureContainer(container, reader, afterTags);
  const warnings: string[] = [...facts.warnings];
  // An MP3's tags are read here when they are plain; music-metadata reads everything else.
  const mpegTags = container === 'mpeg' ? await readMpegTags(reader, afterTags) : undefined;
  const metadata = mpegTags ? undefined : await readMetadata(reader, container, warnings);
  const format = metadata?.format;
  const tagged = mpegTags ?? tagFactsOf(metadata);
  const mimeType = audioMimeType({ container: format?.container ?? container, hasVideo: facts.hasVideo });
  if (!mimeType) throw new CorruptMediaError(`unrecognised ${container} file`);
  const duration = facts.durationSeconds;
  if (!Number.isFinite(duration) || duration <= 0) throw new CorruptMediaError('the file holds no audio');
  const chapters = facts.chapters ?? tagged.chapters;
  return {
    durationSeconds: duration,
    durationText: formatDuration(duration),
    durationMethod: facts.method,
    mimeType,
    sizeBytes: size,
    minuteBytes: resolveMinuteBytes(
      { sizeBytes: size, durationSeconds: duration, exact: facts.minuteBytes, partial: facts.partial },
      warnings,
    ),
    container,
    codec: facts.codec ?? format?.codec ?? container,
    bitrate: facts.bitrate ?? (format?.bitrate ? Math.round(format.bitrate) : undefined),
    sampleRate: facts.sampleRate ?? format?.sampleRate,
    channels: facts.channels ?? format?.numberOfChannels,
    lossless: facts.lossless ?? format?.lossless ?? false,
    chapters: closeChapters(chapters, duration).filter((c) => c.startSeconds < duration),
    artwork: describeArtwork(tagged.picture),
    tags: tagged.tags,
    partial: facts.partial,
    warnings,
    bytesRead: reader.bytesRead,
  };
}

/**
 * music-metadata's header-only parse (tags, codec, rate, channels, ID3 chapters). For MPEG the
 * audio facts come from podwire's own frame analysis, so broken tags only cost the tags.
 */
async function readMetadata(
  reader: RandomAccessReader,
  container: AudioContainer,
  warnings: string[],
): Promise<IAudioMetadata | undefined> {
  try {
    const tokenizer = new ReaderTokenizer(reader, { maxBufferSize: MAX_TAG_BUFFER });
    return await parseFromTokenizer(tokenizer, {
      duration: false,
      includeChapters: container === 'mpeg',
    });
  } catch (error) {
    if (container !== 'mpeg')
      throw new CorruptMediaError(`the ${container} headers are unreadable: ${(error as Error).message}`, {
        cause: error,
      });
    warnings.push(`tags unreadable, ignored: ${(error as Error).message}`);
    return undefined;
  }
}
