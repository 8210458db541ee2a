// audioFacts: what a media_assets record keeps of an audio probe (scan and upload store the same).
import type { AudioProbe } from '../audio/probe.ts';
import type { NewMediaAsset } from '../db/schema.ts';

export function audioFacts(
  probe: AudioProbe,
): Pick<
  NewMediaAsset,
  | 'mimeType'
  | 'durationSeconds'
  | 'bitrate'
  | 'container'
  | 'codec'
  | 'sampleRate'
  | 'channels'
  | 'lossless'
  | 'chapters'
  | 'minuteBytes'
> {
  return {
    mimeType: probe.mimeType,
    durationSeconds: probe.durationSeconds,
    bitrate: probe.bitrate ?? null,
    container: probe.container,
    codec: probe.codec,
    sampleRate: probe.sampleRate ?? null,
    channels: probe.channels ?? null,
    lossless: probe.lossless,
    chapters: [...probe.chapters],
    // The IAB download threshold (headers and tags plus the first minute), exact per file.
    minuteBytes: probe.minuteBytes,
  };
}
