// About a minute of MP3 in memory (long enough for 15–120 s soundbites), of exactly known length.
import { readFile } from 'node:fs/promises';
import { AUDIO_FIXTURES } from './byte-reader.ts';

/** The header-less CBR fixture (281 frames of 1152 samples at 44.1 kHz) nine times over, joined on frame boundaries: 66.06 s. */
export async function minuteMp3(): Promise<{ bytes: Uint8Array; seconds: number }> {
  const unit = new Uint8Array(await readFile(new URL('mp3-cbr-no-header.mp3', AUDIO_FIXTURES)));
  const bytes = new Uint8Array(unit.length * 9);
  for (let i = 0; i < 9; i++) bytes.set(unit, i * unit.length);
  return { bytes, seconds: (9 * 281 * 1152) / 44_100 };
}
