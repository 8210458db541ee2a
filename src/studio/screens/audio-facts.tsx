/** @jsxImportSource hono/jsx */
// What the probe found in an episode's audio: duration, codec, bitrate, size and type, and the chapters inside it. The script fills the same list after an upload.
import { formatDuration } from '../../domain/duration.ts';
import { humanSize } from '../../domain/size.ts';

export interface AudioFactsModel {
  readonly url: string;
  readonly durationSeconds: number;
  readonly mimeType: string;
  readonly sizeBytes: number;
  readonly codec: string | null;
  readonly bitrate: number | null;
  readonly chapters: readonly { readonly startSeconds: number; readonly title: string }[];
}

/** "128 kb/s" from bits per second. */
export const bitrateText = (bps: number | null) => (bps ? `${Math.round(bps / 1000)} kb/s` : 'unknown');

export function AudioFacts(props: { audio: AudioFactsModel | null }) {
  const { audio } = props;
  if (!audio) return <p data-audio-none="">No audio yet: an episode is published with its audio.</p>;
  return (
    <>
      <dl class="facts" data-audio-facts="">
        <dt>Duration</dt>
        <dd data-fact="duration">{formatDuration(audio.durationSeconds)}</dd>
        <dt>Codec</dt>
        <dd data-fact="codec">{audio.codec ?? 'unknown'}</dd>
        <dt>Bitrate</dt>
        <dd data-fact="bitrate">{bitrateText(audio.bitrate)}</dd>
        <dt>Size</dt>
        <dd data-fact="size">{humanSize(audio.sizeBytes)}</dd>
        <dt>Type</dt>
        <dd data-fact="type">{audio.mimeType}</dd>
      </dl>
      <p>
        <a href={audio.url}>Listen to the stored file</a>
      </p>
      {audio.chapters.length > 0 ? (
        <details>
          <summary>Chapters in the file ({audio.chapters.length})</summary>
          <ol data-fact="chapters">
            {audio.chapters.map((c) => (
              <li>
                {formatDuration(Math.floor(c.startSeconds))} {c.title}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </>
  );
}
