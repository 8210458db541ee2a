// probeAudio(reader): duration, type and technical facts of an audio file, read from the file itself.
import { type IAudioMetadata, parseFromTokenizer } from 'music-metadata';
import { formatDuration } from '../domain/duration.ts';
import type { Chapter } from '../domain/vocabulary.ts';
import { MediaError } from '../errors.ts';
import type { RandomAccessReader } from '../media-store/media-store.ts';
import { audioMimeType } from './mime.ts';
import { ReaderTokenizer } from './reader-tokenizer.ts';

export interface AudioProbe {
  readonly durationSeconds: number;
  /** `M:SS` or `H:MM:SS`, rounded to the nearest second. */
  readonly durationText: string;
  readonly mimeType: string;
  readonly sizeBytes: number;
  readonly container: string;
  readonly codec: string;
  /** Bits per second. */
  readonly bitrate: number | undefined;
  readonly sampleRate: number | undefined;
  readonly channels: number | undefined;
  readonly lossless: boolean;
  readonly chapters: readonly Chapter[];
  readonly tags: AudioTags;
}

export interface AudioTags {
  readonly title?: string;
  readonly artist?: string;
  readonly album?: string;
  readonly year?: number;
  readonly comment?: string;
}

export interface ProbeOptions {
  /** A file name or key, used as a hint only; the content decides the type. */
  readonly name?: string;
}

/**
 * Probes the file behind `reader`. Throws MediaError when it is not audio podwire can serve or its
 * length cannot be established.
 */
export async function probeAudio(
  reader: RandomAccessReader,
  options: ProbeOptions = {},
): Promise<AudioProbe> {
  const label = options.name ?? 'file';
  if (reader.size === 0) throw new MediaError(`${label} is empty`, { context: { name: options.name } });
  let metadata: IAudioMetadata;
  try {
    metadata = await parseFromTokenizer(new ReaderTokenizer(reader), {
      duration: true,
      includeChapters: true,
    });
  } catch (cause) {
    throw new MediaError(`${label} is not a readable audio file: ${(cause as Error).message}`, {
      cause,
      context: { name: options.name },
    });
  }
  const { format, common } = metadata;
  const mimeType = audioMimeType(format);
  if (!mimeType || !format.hasAudio) {
    throw new MediaError(
      `${label} is not audio podwire can serve (container ${format.container ?? 'unknown'})`,
      {
        context: { name: options.name, container: format.container },
      },
    );
  }
  const duration = format.duration;
  if (duration === undefined || !Number.isFinite(duration) || duration <= 0) {
    throw new MediaError(`${label}: the length of the audio could not be established`, {
      context: { name: options.name },
    });
  }
  return {
    durationSeconds: duration,
    durationText: formatDuration(duration),
    mimeType,
    sizeBytes: reader.size,
    container: format.container ?? '',
    codec: format.codec ?? '',
    bitrate: format.bitrate === undefined ? undefined : Math.round(format.bitrate),
    sampleRate: format.sampleRate,
    channels: format.numberOfChannels,
    lossless: format.lossless ?? false,
    chapters: (format.chapters ?? []).map((chapter, i, all) => ({
      title: chapter.title,
      startSeconds: chapter.start,
      endSeconds: chapter.end ?? all[i + 1]?.start ?? duration,
    })),
    tags: {
      title: common.title,
      artist: common.artist,
      album: common.album,
      year: common.year,
      comment: common.comment?.[0]?.text,
    },
  };
}
