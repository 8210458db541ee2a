// mp4MinuteBytes: an MP4's first minute in bytes, from the audio track's sample tables and where the moov is.
import { MINUTE_SECONDS } from '../minute-bytes.ts';
import { type Box, type ByteView, childBoxes, findBox } from './boxes.ts';
import { chunkOffsets } from './mp4-chapters.ts';

/** What mp4MinuteBytes needs of the audio track. */
export interface MinuteTrack {
  readonly timescale: number;
  readonly edits: readonly { segment: number; mediaTime: number }[];
  readonly box: Box;
}

/**
 * The first minute in bytes. Playback starts at the first edit's media time (the AAC priming the
 * edit list skips), later by any empty edit before it (ISO 14496-12 §8.6.6). A player needs the
 * moov before it can play, so a moov after the media data counts whole.
 */
export function mp4MinuteBytes(
  moov: ByteView,
  audio: MinuteTrack,
  movieTimescale: number,
  moovBox: Box,
): number | undefined {
  let delay = 0;
  let mediaTime = 0;
  for (const edit of audio.edits) {
    if (edit.mediaTime >= 0) {
      mediaTime = edit.mediaTime;
      break;
    }
    delay += edit.segment / movieTimescale;
  }
  const target = mediaTime + Math.max(0, MINUTE_SECONDS - delay) * audio.timescale;
  const end = mp4MinuteEnd(moov, audio.box, target);
  if (end === undefined) return undefined;
  const firstSample = chunkOffsets(moov, audio.box)[0] ?? 0;
  return end + (moovBox.start > firstSample ? moovBox.end - moovBox.start : 0);
}

/** Table entries walked at most (a real first minute needs a few thousand); more means a hostile file. */
const MAX_ENTRIES = 10_000_000;

/**
 * File offset just past the sample of `trak` whose end time first reaches `target` (in the track's
 * timescale), from the sample tables (ISO 14496-12 §8.6.1.2 stts, §8.7.4 stsc, §8.7.3 stsz,
 * §8.7.5 stco/co64). Undefined when the tables are missing, inconsistent or end before `target`;
 * never throws, so a damaged table costs only this figure.
 */
export function mp4MinuteEnd(moov: ByteView, trak: Box, target: number): number | undefined {
  try {
    return sampleEnd(moov, trak, target);
  } catch {
    return undefined; // a table that points outside its box (RangeError) or a malformed box
  }
}

function sampleEnd(moov: ByteView, trak: Box, target: number): number | undefined {
  const stbl = findBox(moov, trak.payload, trak.end, ['mdia', 'minf', 'stbl']);
  if (!stbl) return undefined;
  const boxes = childBoxes(moov, stbl.payload, stbl.end);
  const stts = boxes.find((b) => b.type === 'stts');
  const stsc = boxes.find((b) => b.type === 'stsc');
  const stsz = boxes.find((b) => b.type === 'stsz');
  const co = boxes.find((b) => b.type === 'stco' || b.type === 'co64');
  if (!stts || !stsc || !stsz || !co) return undefined;

  // stts: the first sample whose end (decoding time + duration) reaches the target.
  let sample = -1;
  let time = 0;
  let index = 0;
  const timeEntries = Math.min(moov.u32(stts.payload + 4), MAX_ENTRIES);
  for (let e = 0, at = stts.payload + 8; e < timeEntries && sample < 0; e++, at += 8) {
    const count = moov.u32(at);
    const delta = moov.u32(at + 4);
    if (delta > 0 && time + count * delta >= target) {
      sample = index + Math.max(0, Math.ceil((target - time) / delta) - 1);
    }
    time += count * delta;
    index += count;
  }
  if (sample < 0) return undefined;

  // stsz: sizes, one for all samples or one each.
  const fixedSize = moov.u32(stsz.payload + 4);
  const sampleCount = moov.u32(stsz.payload + 8);
  if (sample >= sampleCount) return undefined;
  const sizeOf = (n: number) => fixedSize || moov.u32(stsz.payload + 12 + n * 4);

  // stsc: runs of chunks with the same number of samples; find the chunk holding the sample.
  const wide = co.type === 'co64';
  const chunkCount = moov.u32(co.payload + 4);
  const runs = Math.min(moov.u32(stsc.payload + 4), MAX_ENTRIES);
  let before = 0; // samples in the chunks before this run
  for (let r = 0; r < runs; r++) {
    const at = stsc.payload + 8 + r * 12;
    const firstChunk = moov.u32(at);
    const perChunk = moov.u32(at + 4);
    const nextFirst = r + 1 < runs ? moov.u32(at + 12) : chunkCount + 1;
    if (firstChunk < 1 || nextFirst <= firstChunk || perChunk === 0) return undefined;
    const inRun = (nextFirst - firstChunk) * perChunk;
    if (sample < before + inRun) {
      const chunk = firstChunk + Math.floor((sample - before) / perChunk); // 1-based
      if (chunk > chunkCount) return undefined;
      const firstInChunk = sample - ((sample - before) % perChunk);
      let offset = wide
        ? moov.u64(co.payload + 8 + (chunk - 1) * 8)
        : moov.u32(co.payload + 8 + (chunk - 1) * 4);
      for (let n = firstInChunk; n < sample; n++) offset += sizeOf(n);
      return offset + sizeOf(sample);
    }
    before += inRun;
  }
  return undefined;
}
