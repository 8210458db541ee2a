// MP4 chapters: Nero `chpl` in moov/udta, or a QuickTime text track referenced by `tref/chap`.
import type { Chapter } from '../../domain/vocabulary.ts';
import type { RandomAccessReader } from '../../media-store/media-store.ts';
import { type Box, type ByteView, childBoxes, findBox } from './boxes.ts';

export interface ChapterTrack {
  readonly timescale: number;
  readonly box: Box;
}

/** Chunk offsets of a track (stco or co64). */
export function chunkOffsets(moov: ByteView, trak: Box): number[] {
  const stbl = findBox(moov, trak.payload, trak.end, ['mdia', 'minf', 'stbl']);
  if (!stbl) return [];
  const co = childBoxes(moov, stbl.payload, stbl.end).find((b) => b.type === 'stco' || b.type === 'co64');
  if (!co) return [];
  const wide = co.type === 'co64';
  const count = Math.min(moov.u32(co.payload + 4), (co.end - co.payload - 8) / (wide ? 8 : 4));
  const offsets: number[] = [];
  for (let i = 0; i < count; i++) {
    offsets.push(wide ? moov.u64(co.payload + 8 + i * 8) : moov.u32(co.payload + 8 + i * 4));
  }
  return offsets;
}

/** Nero chapters: moov/udta/chpl, start times in 100 ns units. */
export function neroChapters(moov: ByteView, top: Box): Chapter[] {
  const chpl = findBox(moov, top.payload, top.end, ['udta', 'chpl']);
  if (!chpl) return [];
  let at = chpl.payload + 4 + (moov.u8(chpl.payload) === 1 ? 4 : 0);
  const count = moov.u8(at);
  at += 1;
  const chapters: Chapter[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < count && at + 9 <= chpl.end; i++) {
    const start = moov.u64(at) / 10_000_000;
    const length = moov.u8(at + 8);
    const title = decoder.decode(moov.bytes.subarray(at + 9, Math.min(at + 9 + length, chpl.end)));
    chapters.push({ title, startSeconds: start });
    at += 9 + length;
  }
  return chapters;
}

/** QuickTime chapters: a text track whose samples (16-bit length + text) are the titles. */
export async function textTrackChapters(
  moov: ByteView,
  track: ChapterTrack,
  reader: RandomAccessReader,
): Promise<Chapter[]> {
  const stbl = findBox(moov, track.box.payload, track.box.end, ['mdia', 'minf', 'stbl']);
  if (!stbl || track.timescale <= 0) return [];
  const children = childBoxes(moov, stbl.payload, stbl.end);
  const stts = children.find((b) => b.type === 'stts');
  const stsz = children.find((b) => b.type === 'stsz');
  const stsc = children.find((b) => b.type === 'stsc');
  if (!stts || !stsz || !stsc) return [];
  const sampleCount = Math.min(moov.u32(stsz.payload + 8), 1000);
  const fixedSize = moov.u32(stsz.payload + 4);
  const sizes = Array.from(
    { length: sampleCount },
    (_, i) => fixedSize || moov.u32(stsz.payload + 12 + i * 4),
  );
  const starts: number[] = [];
  let time = 0;
  for (
    let e = 0, at = stts.payload + 8;
    e < moov.u32(stts.payload + 4) && starts.length < sampleCount;
    e++, at += 8
  ) {
    for (let n = 0; n < moov.u32(at) && starts.length < sampleCount; n++) {
      starts.push(time);
      time += moov.u32(at + 4);
    }
  }
  // Sample offsets: walk chunks with the sample-to-chunk table.
  const chunks = chunkOffsets(moov, track.box);
  const runs = Array.from({ length: moov.u32(stsc.payload + 4) }, (_, i) => ({
    first: moov.u32(stsc.payload + 8 + i * 12),
    perChunk: moov.u32(stsc.payload + 12 + i * 12),
  }));
  const offsets: number[] = [];
  for (let c = 0; c < chunks.length && offsets.length < sampleCount; c++) {
    const run = runs.filter((r) => r.first <= c + 1).at(-1);
    let at = chunks[c] as number;
    for (let n = 0; n < (run?.perChunk ?? 1) && offsets.length < sampleCount; n++) {
      offsets.push(at);
      at += sizes[offsets.length - 1] ?? 0;
    }
  }
  const chapters: Chapter[] = [];
  for (let i = 0; i < offsets.length; i++) {
    const size = Math.min(sizes[i] ?? 0, 4096);
    if (size < 2) continue;
    const sample = await reader.read(offsets[i] as number, size);
    const length = Math.min((sample[0] ?? 0) * 256 + (sample[1] ?? 0), sample.byteLength - 2);
    const text = sample.subarray(2, 2 + length);
    const utf16 = text[0] === 0xfe && text[1] === 0xff;
    const title = new TextDecoder(utf16 ? 'utf-16be' : 'utf-8').decode(utf16 ? text.subarray(2) : text);
    chapters.push({ title, startSeconds: (starts[i] ?? 0) / track.timescale });
  }
  return chapters;
}

/** Sorted chapters, each ending where the next starts (the last at the end of the audio). */
export function closeChapters(chapters: readonly Chapter[], durationSeconds: number): Chapter[] {
  const sorted = [...chapters].sort((a, b) => a.startSeconds - b.startSeconds);
  return sorted.map((c, i) => ({
    title: c.title,
    startSeconds: c.startSeconds,
    endSeconds: c.endSeconds ?? sorted[i + 1]?.startSeconds ?? durationSeconds,
  }));
}
