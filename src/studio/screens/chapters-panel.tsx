/** @jsxImportSource hono/jsx */
// The chapter editor: one chapter per line ("12:05 The machine"); saved as the episode's JSON chapters file, which podcast apps read instead of the audio's own.
import type { FieldErrors } from '../form/field-errors.ts';
import { TextArea } from '../form/fields.tsx';
import { PostForm } from './common.tsx';

export function ChaptersPanel(props: {
  episodeId: number;
  etag: string;
  csrf: string;
  lines: string;
  /** Where the lines come from: the episode's chapters file, the audio's own chapters, or nothing yet. */
  source: 'file' | 'audio' | 'none';
  errors: FieldErrors;
}) {
  const said = {
    file: 'These are the episode’s chapters file.',
    audio: 'These are the chapters found in the audio file; saving them makes a chapters file you can edit.',
    none: 'The audio has no chapters. Add some, one per line.',
  }[props.source];
  return (
    <section
      class="panel"
      aria-labelledby="chapters-title"
      id="chapters-panel"
      data-chapters-source={props.source}
    >
      <h2 id="chapters-title">Chapters</h2>
      <p class="hint" data-chapters-hint aria-live="polite">
        {said}
      </p>
      <PostForm
        action={`/episodes/${props.episodeId}/chapters`}
        csrf={props.csrf}
        etag={props.etag}
        label="Chapters"
      >
        <TextArea
          name="chapters"
          label="Chapters, one per line"
          value={props.lines}
          errors={props.errors}
          rows={6}
          hint="Start time, then title: “0:00 Introduction”, “12:05 The machine”, “1:02:03 Questions”."
        />
        <p class="actions">
          <button type="submit" class="secondary">
            Save chapters
          </button>
        </p>
      </PostForm>
    </section>
  );
}
