// analyzeMp4: the gapless length (edit list) and the chapters (Nero chpl or QuickTime chapter track) of an MP4/M4A.

import type { Chapter } from '../../domain/vocabulary.ts';
import { CorruptMediaError, UnsupportedMediaError } from '../../errors.ts';
import type { RandomAccessReader } from '../../media-store/media-store.ts';
import { type Box, ByteView, childBoxes, findBox, topLevelBoxes } from './boxes.ts';
import { chunkOffsets, closeChapters, neroChapters, textTrackChapters } from './mp4-chapters.ts';
import { mp4MinuteBytes } from './mp4-minute.ts';

/** A moov larger than this is refused rather than read into memory (real ones are far smaller). */
export const MAX_MOOV_BYTES = 64 * 1024 * 1024;

export interface Mp4Analysis {
  readonly durationSeconds: number;
  readonly method: 'mp4-edit-list' | 'mp4-media-header';
  readonly chapters: readonly Chapter[];
  readonly hasVideo: boolean;
  /** Channels from the AAC AudioSpecificConfig (more reliable than the sample entry's field). */
  readonly channels: number | undefined;
  /**
   * Bytes a player needs for the first minute: up to the end of the sample in which playback
   * reaches 60 s, plus the moov when it comes after the media data; undefined when unknown.
   */
  readonly minuteBytes: number | undefined;
  readonly partial: boolean;
  readonly warnings: readonly string[];
}

interface Track {
  readonly id: number;
  readonly handler: string;
  readonly timescale: number;
  readonly duration: number;
  readonly edits: readonly { segment: number; mediaTime: number }[];
  readonly chapterTrackIds: readonly number[];
  readonly box: Box;
}

export async function analyzeMp4(reader: RandomAccessReader): Promise<Mp4Analysis> {
  const boxes = await topLevelBoxes(reader);
  const moovBox = boxes.find((b) => b.type === 'moov');
  if (!moovBox) {
    throw new CorruptMediaError('MP4 file has no moov box (an unfinished recording or upload?)');
  }
  const moovSize = moovBox.end - moovBox.start;
  if (moovSize > MAX_MOOV_BYTES) {
    throw new CorruptMediaError(`MP4 moov box of ${moovSize} bytes is larger than ${MAX_MOOV_BYTES}`);
  }
  const moov = new ByteView(await reader.read(moovBox.start, moovSize));
  try {
    return await analyzeMoov(moov, reader, moovBox);
  } catch (error) {
    if (error instanceof RangeError) {
      throw new CorruptMediaError(`MP4 metadata is malformed: ${error.message}`, { cause: error });
    }
    throw error;
  }
}

async function analyzeMoov(moov: ByteView, reader: RandomAccessReader, moovBox: Box): Promise<Mp4Analysis> {
  const top = childBoxes(moov, 0, moov.length)[0] as Box;
  const mvhd = findBox(moov, top.payload, top.end, ['mvhd']);
  if (!mvhd) throw new CorruptMediaError('MP4 moov box has no movie header (mvhd)');
  const movieTimescale =
    moov.u8(mvhd.payload) === 1 ? moov.u32(mvhd.payload + 20) : moov.u32(mvhd.payload + 12);
  const tracks = childBoxes(moov, top.payload, top.end)
    .filter((b) => b.type === 'trak')
    .map((b) => readTrack(moov, b));
  const audio = tracks.find((t) => t.handler === 'soun');
  if (!audio) throw new UnsupportedMediaError('MP4 file has no audio track');
  if (audio.timescale <= 0 || movieTimescale <= 0)
    throw new CorruptMediaError('MP4 track has a zero timescale');

  const warnings: string[] = [];
  let durationSeconds = audio.duration / audio.timescale;
  let method: Mp4Analysis['method'] = 'mp4-media-header';
  const played = audio.edits.filter((e) => e.mediaTime >= 0);
  if (played.length > 0) {
    // ISO 14496-12 §8.6.6: the edit list says which part of the media plays; encoders trim
    // the AAC priming samples (and the padding) this way.
    const edited = played.reduce((sum, e) => sum + e.segment, 0) / movieTimescale;
    const firstMediaTime = played[0]?.mediaTime ?? 0;
    if (edited > 0) {
      durationSeconds = Math.min(edited, (audio.duration - firstMediaTime) / audio.timescale);
      method = 'mp4-edit-list';
    } else {
      durationSeconds = (audio.duration - firstMediaTime) / audio.timescale;
    }
  }
  const partial = mediaIsCut(moov, audio, reader.size);
  if (partial) warnings.push('file is truncated: sample data points past the end of the file');

  const minuteBytes = mp4MinuteBytes(moov, audio, movieTimescale, moovBox);

  const chapterTrack = tracks.find((t) => audio.chapterTrackIds.includes(t.id));
  let chapters = neroChapters(moov, top);
  if (chapters.length === 0 && chapterTrack) chapters = await textTrackChapters(moov, chapterTrack, reader);
  return {
    durationSeconds,
    method,
    chapters: closeChapters(chapters, durationSeconds),
    hasVideo: tracks.some((t) => t.handler === 'vide'),
    channels: aacChannels(moov, audio.box),
    minuteBytes,
    partial,
    warnings,
  };
}

function readTrack(moov: ByteView, trak: Box): Track {
  const tkhd = findBox(moov, trak.payload, trak.end, ['tkhd']);
  const mdhd = findBox(moov, trak.payload, trak.end, ['mdia', 'mdhd']);
  const hdlr = findBox(moov, trak.payload, trak.end, ['mdia', 'hdlr']);
  const elst = findBox(moov, trak.payload, trak.end, ['edts', 'elst']);
  const chap = findBox(moov, trak.payload, trak.end, ['tref', 'chap']);
  const id = tkhd ? moov.u32(tkhd.payload + (moov.u8(tkhd.payload) === 1 ? 20 : 12)) : 0;
  let timescale = 0;
  let duration = 0;
  if (mdhd) {
    const v1 = moov.u8(mdhd.payload) === 1;
    timescale = moov.u32(mdhd.payload + (v1 ? 20 : 12));
    duration = v1 ? moov.u64(mdhd.payload + 24) : moov.u32(mdhd.payload + 16);
  }
  const edits: { segment: number; mediaTime: number }[] = [];
  if (elst) {
    const v1 = moov.u8(elst.payload) === 1;
    const count = Math.min(moov.u32(elst.payload + 4), 1000);
    for (let i = 0, at = elst.payload + 8; i < count; i++, at += v1 ? 20 : 12) {
      edits.push(
        v1
          ? { segment: moov.u64(at), mediaTime: moov.i64(at + 8) }
          : { segment: moov.u32(at), mediaTime: moov.i32(at + 4) },
      );
    }
  }
  const chapterTrackIds: number[] = [];
  if (chap) for (let at = chap.payload; at + 4 <= chap.end; at += 4) chapterTrackIds.push(moov.u32(at));
  return {
    id,
    handler: hdlr ? moov.type(hdlr.payload + 8) : '',
    timescale,
    duration,
    edits,
    chapterTrackIds,
    box: trak,
  };
}

/** True when sample data is said to lie past the end of the file: it was cut short. */
function mediaIsCut(moov: ByteView, audio: Track, fileSize: number): boolean {
  return chunkOffsets(moov, audio.box).some((offset) => offset >= fileSize);
}

/**
 * Channel count from the AAC AudioSpecificConfig in mp4a/esds (ISO 14496-3 §1.6.2.1): encoders
 * often write 2 in the sample entry's own field whatever the stream holds.
 */
function aacChannels(moov: ByteView, trak: Box): number | undefined {
  const stsd = findBox(moov, trak.payload, trak.end, ['mdia', 'minf', 'stbl', 'stsd']);
  if (!stsd) return undefined;
  const entry = childBoxes(moov, stsd.payload + 8, stsd.end)[0];
  if (entry?.type !== 'mp4a') return undefined;
  const esds = childBoxes(moov, entry.payload + 28, entry.end).find((b) => b.type === 'esds');
  if (!esds) return undefined;
  // Walk the descriptors: ES (0x03) > DecoderConfig (0x04) > DecoderSpecificInfo (0x05).
  let at = esds.payload + 4;
  const descriptor = () => {
    const tag = moov.u8(at++);
    let length = 0;
    for (let i = 0; i < 4; i++) {
      const b = moov.u8(at++);
      length = (length << 7) | (b & 0x7f);
      if (!(b & 0x80)) break;
    }
    return { tag, length };
  };
  if (descriptor().tag !== 0x03) return undefined;
  const flags = moov.u8(at + 2);
  at += 3 + (flags & 0x80 ? 2 : 0) + (flags & 0x40 ? 1 + moov.u8(at + 3) : 0) + (flags & 0x20 ? 2 : 0);
  if (descriptor().tag !== 0x04) return undefined;
  at += 13;
  if (descriptor().tag !== 0x05) return undefined;
  const config = moov.u16(at);
  let bit = 5;
  if (config >>> 11 === 31) bit += 6; // escaped audio object type
  const frequencyIndex = (moov.u32(at) >>> (32 - bit - 4)) & 15;
  bit += 4 + (frequencyIndex === 15 ? 24 : 0);
  const channelConfig =
    Number(((BigInt(moov.u32(at)) << 32n) | BigInt(moov.u32(at + 4))) >> BigInt(64 - bit - 4)) & 15;
  if (channelConfig >= 1 && channelConfig <= 6) return channelConfig;
  return channelConfig === 7 ? 8 : undefined;
}
