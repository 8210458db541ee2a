// measureContainer: the exact length and audio facts of a file, by the method its container allows.
import type { Chapter } from '../domain/vocabulary.ts';
import type { RandomAccessReader } from '../media-store/media-store.ts';
import { flacMinuteEnd } from './flac-minute.ts';
import { lastFrameEnd, readFlacStreamInfo } from './flac-streaminfo.ts';
import { MINUTE_SECONDS } from './minute-bytes.ts';
import { analyzeMp4 } from './mp4/mp4-info.ts';
import { analyzeMpeg } from './mpeg/mpeg-duration.ts';
import { analyzeOgg } from './ogg-duration.ts';
import { analyzePcm } from './pcm-chunks.ts';
import type { AudioContainer } from './sniff.ts';
import { trailingTagsStart } from './tag-spans.ts';

export interface ContainerFacts {
  readonly durationSeconds: number;
  readonly method: string;
  readonly codec?: string;
  /** Set where podwire's own parser knows it; music-metadata's answer otherwise. */
  readonly lossless?: boolean;
  readonly bitrate?: number;
  readonly sampleRate?: number;
  readonly channels?: number;
  /** Chapters found by podwire's own parser; undefined to use music-metadata's (ID3 CHAP). */
  readonly chapters?: readonly Chapter[];
  readonly hasVideo: boolean;
  /**
   * Bytes up to the end of the frame, packet or page in which playback reaches 60 s, headers and
   * tags before it included (see AudioProbe.minuteBytes); undefined when it could not be found.
   */
  readonly minuteBytes: number | undefined;
  readonly partial: boolean;
  readonly warnings: readonly string[];
}

const averageBitrate = (bytes: number, seconds: number) =>
  seconds > 0 ? Math.round((bytes * 8) / seconds) : undefined;

export async function measureContainer(
  container: AudioContainer,
  reader: RandomAccessReader,
  afterTags: number,
): Promise<ContainerFacts> {
  switch (container) {
    case 'mpeg': {
      const end = await trailingTagsStart(reader, afterTags);
      const a = await analyzeMpeg(reader, afterTags, end);
      return {
        durationSeconds: a.durationSeconds,
        method: a.method,
        codec: `MPEG ${a.header.version} Layer ${a.header.layer}`,
        bitrate: a.bitrate,
        sampleRate: a.header.sampleRate,
        channels: a.header.channels,
        hasVideo: false,
        minuteBytes: a.minuteEnd,
        partial: a.partial,
        warnings: a.warnings,
      };
    }
    case 'mp4': {
      const a = await analyzeMp4(reader);
      return {
        durationSeconds: a.durationSeconds,
        method: a.method,
        bitrate: averageBitrate(reader.size, a.durationSeconds),
        chapters: a.chapters,
        channels: a.channels,
        hasVideo: a.hasVideo,
        minuteBytes: a.minuteBytes,
        partial: a.partial,
        warnings: a.warnings,
      };
    }
    case 'ogg': {
      const a = await analyzeOgg(reader);
      return {
        durationSeconds: a.durationSeconds,
        method: 'ogg-granule',
        codec: a.codec,
        bitrate: averageBitrate(reader.size, a.durationSeconds),
        sampleRate: a.sampleRate,
        channels: a.channels,
        hasVideo: false,
        minuteBytes: a.minuteEnd,
        partial: a.partial,
        warnings: a.warnings,
      };
    }
    case 'flac': {
      const info = await readFlacStreamInfo(reader, afterTags);
      const end = await trailingTagsStart(reader, afterTags);
      // STREAMINFO states the length; the last frame's position proves the file still holds it.
      const present = await lastFrameEnd(reader, info, end);
      const partial = present !== undefined && present < info.samples;
      const durationSeconds = (partial ? present : info.samples) / info.sampleRate;
      const minuteBytes =
        durationSeconds > MINUTE_SECONDS
          ? await flacMinuteEnd(reader, info, afterTags, end, MINUTE_SECONDS * info.sampleRate)
          : undefined;
      return {
        sampleRate: info.sampleRate,
        channels: info.channels,
        durationSeconds,
        method: 'flac-streaminfo',
        bitrate: averageBitrate(reader.size, durationSeconds),
        hasVideo: false,
        minuteBytes,
        partial,
        warnings: partial ? [`file is truncated: ${info.samples - present} samples missing`] : [],
      };
    }
    case 'wav':
    case 'aiff': {
      const a = await analyzePcm(reader, container);
      return {
        durationSeconds: a.durationSeconds,
        method: 'pcm-chunks',
        codec: a.codec?.codec,
        lossless: a.codec?.lossless,
        bitrate: a.sampleRate * a.channels * a.bitsPerSample,
        sampleRate: a.sampleRate,
        channels: a.channels,
        hasVideo: false,
        minuteBytes: a.minuteEnd,
        partial: a.partial,
        warnings: a.warnings,
      };
    }
  }
}
