// Writes a large, valid MP3 of exactly known length by repeating a committed header-less CBR fixture end to end.

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { AUDIO_FIXTURES } from './byte-reader.ts';

/** The fixture: MPEG-1 Layer III, 64 kbit/s CBR at 44.1 kHz, 281 frames, no tags, no Xing header. */
const SOURCE = 'mp3-cbr-no-header.mp3';
const SOURCE_FRAMES = 281;
const SAMPLES_PER_FRAME = 1152;
const SAMPLE_RATE = 44_100;

export interface LargeMp3 {
  readonly path: string;
  readonly sizeBytes: number;
  /** The exact length: every copy adds 281 frames of 1152 samples. */
  readonly durationSeconds: number;
}

/**
 * Writes at least `minBytes` of audio to `path`: whole copies of the fixture, which starts and ends
 * on frame boundaries with an empty bit reservoir, so the joins are clean frames a decoder plays.
 */
export async function writeLargeMp3(path: string, minBytes: number): Promise<LargeMp3> {
  const unit = new Uint8Array(await readFile(new URL(SOURCE, AUDIO_FIXTURES)));
  const copies = Math.ceil(minBytes / unit.length);
  // Write in blocks of many copies: a few hundred writes for 150 MB, not thousands.
  const perBlock = Math.max(1, Math.floor((4 * 1024 * 1024) / unit.length));
  const block = new Uint8Array(unit.length * perBlock);
  for (let i = 0; i < perBlock; i++) block.set(unit, i * unit.length);
  const out = createWriteStream(path);
  for (let done = 0; done < copies; done += perBlock) {
    const n = Math.min(perBlock, copies - done);
    if (!out.write(n === perBlock ? block : block.subarray(0, n * unit.length))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return {
    path,
    sizeBytes: copies * unit.length,
    durationSeconds: (copies * SOURCE_FRAMES * SAMPLES_PER_FRAME) / SAMPLE_RATE,
  };
}
