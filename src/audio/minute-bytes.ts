// minuteBytes: an IAB download's byte threshold for one file: its headers and tags plus its first minute of audio.

/**
 * Playback an IAB download must cover: "the file's header/tag bytes plus one minute of audio"
 * (IAB Tech Lab, Podcast Measurement Technical Guidelines v2.2, §3.2.3).
 */
export const MINUTE_SECONDS = 60;

export interface MinuteInput {
  readonly sizeBytes: number;
  readonly durationSeconds: number;
  /** What the container's parser established exactly (see AudioProbe.minuteBytes); undefined if not. */
  readonly exact: number | undefined;
  readonly partial: boolean;
}

/**
 * The threshold for a probed file: the whole file when its audio lasts 60 s or less; the exact
 * figure when the parser found it; else a proportional estimate (the file's share of a minute)
 * with a warning saying so. Never more than the file.
 */
export function resolveMinuteBytes(input: MinuteInput, warnings: string[]): number {
  const { sizeBytes, durationSeconds, exact } = input;
  if (durationSeconds <= MINUTE_SECONDS) return sizeBytes;
  if (exact !== undefined && Number.isFinite(exact) && exact > 0) return Math.min(exact, sizeBytes);
  const estimate = Math.min(sizeBytes, Math.ceil((sizeBytes * MINUTE_SECONDS) / durationSeconds));
  if (!input.partial)
    warnings.push(
      `the bytes of the first minute could not be read from the frames; estimated in proportion to the length (${estimate})`,
    );
  return estimate;
}
