// A long MP3 in memory behind a large ID3v2 tag (as episodes with embedded artwork are): a minute's share is far above a few KB.
import { readFile } from 'node:fs/promises';
import { AUDIO_FIXTURES } from './byte-reader.ts';
import { id3v2Tag, textFrame } from './id3-tags.ts';

/** The committed fixture repeated (see large-mp3.ts): 64 kbit/s CBR, 281 frames of 1152 samples at 44.1 kHz. */
const SOURCE = 'mp3-cbr-no-header.mp3';
const SECONDS_PER_COPY = (281 * 1152) / 44_100;

export interface TaggedMp3 {
  readonly bytes: Uint8Array;
  /** Where the audio starts: the tag's length. */
  readonly audioOffset: number;
  readonly durationSeconds: number;
}

/**
 * At least `seconds` of audio (whole copies of the fixture, whose joins are clean frames) behind an
 * ID3v2.3 tag of about `tagBytes`: a title and a PRIV frame standing in for embedded artwork. A
 * listener must receive the tag and a minute of audio (IAB v2.2), so `tagBytes` sets how far above
 * a few kilobytes a download lies, whatever the audio's bit rate.
 */
export async function taggedLongMp3(seconds: number, tagBytes: number): Promise<TaggedMp3> {
  const unit = new Uint8Array(await readFile(new URL(SOURCE, AUDIO_FIXTURES)));
  const copies = Math.ceil(seconds / SECONDS_PER_COPY);
  const owner = new TextEncoder().encode('podwire-artwork\0');
  const priv = new Uint8Array(owner.length + tagBytes);
  priv.set(owner);
  priv.fill(0x5a, owner.length);
  const tag = id3v2Tag(3, [textFrame('TIT2', 0, 'The long tide'), { id: 'PRIV', body: priv }]);
  const bytes = new Uint8Array(tag.length + copies * unit.length);
  bytes.set(tag);
  for (let i = 0; i < copies; i++) bytes.set(unit, tag.length + i * unit.length);
  return { bytes, audioOffset: tag.length, durationSeconds: copies * SECONDS_PER_COPY };
}
