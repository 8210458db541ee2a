// minuteFrames: how many MPEG audio frames a player needs to have played the first 60 s of an MP3.
import { MINUTE_SECONDS } from '../minute-bytes.ts';
import type { FrameHeader } from './frame-header.ts';
import type { VbrHeader } from './vbr-header.ts';

/**
 * Samples a decoder outputs before the first sample of the track: LAME's encoder delay plus the
 * 529 samples of an MP3 decoder's own delay (LAME's and ffmpeg's gapless decoding drop
 * delay + 528 + 1); nothing without a LAME tag, as players then play from the first sample.
 */
export const DECODER_DELAY = 529;

/**
 * Frames, counted from the first audio frame (after any Xing/VBRI frame), up to and including the
 * one in which gapless playback reaches 60 s: the count times the samples per frame is the first
 * that covers the skipped samples plus 60 s of audio.
 */
export function minuteFrames(header: FrameHeader, vbr: VbrHeader | undefined): number {
  const skip = vbr?.encoderDelay !== undefined ? vbr.encoderDelay + DECODER_DELAY : 0;
  return Math.ceil((skip + MINUTE_SECONDS * header.sampleRate) / header.samplesPerFrame);
}
