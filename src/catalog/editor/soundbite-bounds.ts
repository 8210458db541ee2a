// checkSoundbites: an episode's soundbites must lie within its audio, once the audio's length is known.
import type { Soundbite } from '../../domain/vocabulary.ts';
import { ValidationError } from '../../errors.ts';

/** Seconds a soundbite may run past the probed end (rounding in editors' tools). */
const SLACK_SECONDS = 0.5;

/** Whether the soundbite ends within audio of `durationSeconds` (unknown length: yes). */
export const fitsAudio = (bite: Soundbite, durationSeconds: number | null | undefined) =>
  durationSeconds === null ||
  durationSeconds === undefined ||
  bite.startSeconds + bite.durationSeconds <= durationSeconds + SLACK_SECONDS;

/** Throws a 400 naming the first soundbite that runs past the end of the audio. */
export function checkSoundbites(
  soundbites: readonly Soundbite[] | undefined,
  durationSeconds: number | null | undefined,
): void {
  const at = (soundbites ?? []).findIndex((bite) => !fitsAudio(bite, durationSeconds));
  if (at < 0) return;
  const bite = soundbites?.[at] as Soundbite;
  const end = bite.startSeconds + bite.durationSeconds;
  throw new ValidationError(
    `soundbite ${at + 1} runs to ${end} s, past the end of the audio (${durationSeconds} s): start it earlier or shorten it`,
    { context: { errors: [`soundbites.${at}: ends past the audio`] } },
  );
}
