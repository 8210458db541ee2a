// Synthetic header-less VBR MPEG audio for frame-walk tests: frames of every bitrate, so they straddle any buffer edge.

// MPEG-1 Layer III, 44.1 kHz, mono: frame length floor(144 * bitrate / 44100) + padding.
const BITRATES = [32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];

/** `frames` frames cycling through the bitrates (padding on odd frames), and their byte count. */
export function vbrStream(frames: number): Uint8Array {
  const lengths: number[] = [];
  const headers: number[] = [];
  for (let i = 0; i < frames; i++) {
    const index = (i * 5) % BITRATES.length;
    const padding = i % 2;
    lengths.push(Math.floor((144 * (BITRATES[index] as number) * 1000) / 44100) + padding);
    headers.push(((index + 1) << 4) | (padding << 1));
  }
  const out = new Uint8Array(lengths.reduce((n, l) => n + l, 0));
  let at = 0;
  for (let i = 0; i < frames; i++) {
    out.set([0xff, 0xfb, headers[i] as number, 0xc4], at);
    at += lengths[i] as number;
  }
  return out;
}

/** Samples per MPEG-1 Layer III frame, and the rate of vbrStream. */
export const SAMPLES_PER_FRAME = 1152;
export const SAMPLE_RATE = 44100;

/** A valid MPEG-1 Layer III 44.1 kHz mono frame header and its frame length, for bitrate `index` (1-14). */
export function frameOf(index: number, padding: 0 | 1): Uint8Array {
  const length = Math.floor((144 * (BITRATES[index - 1] as number) * 1000) / 44100) + padding;
  const frame = new Uint8Array(length);
  frame.set([0xff, 0xfb, (index << 4) | (padding << 1), 0xc4]);
  return frame;
}
