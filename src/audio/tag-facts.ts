// TagFacts: what a probe takes from a file's tags (common fields, first picture, chapters), whoever read them.
import type { IAudioMetadata } from 'music-metadata';
import type { Chapter } from '../domain/vocabulary.ts';

export interface AudioTags {
  readonly title?: string;
  readonly artist?: string;
  readonly album?: string;
  readonly year?: number;
  readonly comment?: string;
}

export interface TagPicture {
  readonly format: string;
  readonly data: Uint8Array;
  readonly type?: string;
}

export interface TagFacts {
  readonly tags: AudioTags;
  readonly picture: TagPicture | undefined;
  readonly chapters: readonly Chapter[];
}

/** The facts in music-metadata's answer (undefined when it could not read the tags: no facts). */
export function tagFactsOf(metadata: IAudioMetadata | undefined): TagFacts {
  const common = metadata?.common;
  return {
    tags: {
      title: common?.title,
      artist: common?.artist,
      album: common?.album,
      year: common?.year,
      comment: common?.comment?.[0]?.text ?? ffmpegComment(metadata),
    },
    picture: common?.picture?.[0],
    chapters: (metadata?.format.chapters ?? []).map((c) => ({ title: c.title, startSeconds: c.start })),
  };
}

/** ffmpeg writes a `comment` as an ID3v2 TXXX frame named "comment", which is not mapped to common. */
function ffmpegComment(metadata: IAudioMetadata | undefined): string | undefined {
  for (const tags of Object.values(metadata?.native ?? {})) {
    const value = tags.find((t) => t.id === 'TXXX:comment')?.value;
    if (typeof value === 'string') return value;
  }
  return undefined;
}
