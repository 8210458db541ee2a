/** @jsxImportSource hono/jsx */
// The publication panel of an article or episode: its state, publish now, schedule (in TIME_ZONE), unpublish, preview, delete.
import type { StudioState } from '../../catalog/studio/listings.ts';
import type { FieldErrors } from '../form/field-errors.ts';
import { TextField } from '../form/fields.tsx';
import { PostForm, StateBadge, When } from './common.tsx';
import { useStudioBase } from './links.ts';

export interface PublicationProps {
  /** `/studio/articles/7` (under BASE_URL's path): the panel's forms post under it. */
  readonly path: string;
  readonly etag: string;
  readonly csrf: string;
  readonly state: StudioState;
  readonly publishedAt: Date | null;
  readonly timeZone: string;
  /** The `at` field as last submitted or shown (datetime-local, in TIME_ZONE). */
  readonly at: string;
  readonly errors: FieldErrors;
  /** Editors and admins; a contributor sees the state and a note instead of the buttons. */
  readonly mayPublish: boolean;
  readonly mayDelete: boolean;
  readonly previewLinks: readonly (readonly [string, string])[];
}

export function PublicationPanel(props: PublicationProps) {
  const { path, etag, csrf, state, publishedAt, timeZone } = props;
  const base = useStudioBase();
  return (
    <section class="panel" aria-labelledby="publication-title">
      <h2 id="publication-title">Publication</h2>
      <p>
        <StateBadge state={state} />{' '}
        {publishedAt && state !== 'draft' ? (
          <>
            {state === 'scheduled' ? 'goes out ' : 'since '}
            <When at={publishedAt} timeZone={timeZone} />
          </>
        ) : null}
      </p>
      {props.previewLinks.length > 0 ? (
        <ul>
          {props.previewLinks.map(([label, href]) => (
            <li>
              <a href={href}>{label}</a>
            </li>
          ))}
        </ul>
      ) : null}
      {props.mayPublish ? (
        <>
          {state !== 'published' ? (
            <PostForm action={`${path}/publish`} csrf={csrf} etag={etag} label="Publish now">
              <input type="hidden" name="when" value="now" />
              <button type="submit">Publish now</button>
            </PostForm>
          ) : null}
          {state !== 'published' ? (
            <PostForm action={`${path}/publish`} csrf={csrf} etag={etag} label="Schedule">
              <input type="hidden" name="when" value="schedule" />
              <TextField
                name="at"
                type="datetime-local"
                label={`Publish at (${timeZone})`}
                value={props.at}
                errors={props.errors}
              />
              <button type="submit" class="secondary">
                {state === 'scheduled' ? 'Reschedule' : 'Schedule'}
              </button>
            </PostForm>
          ) : null}
          {state !== 'draft' ? (
            <PostForm action={`${path}/unpublish`} csrf={csrf} etag={etag} label="Unpublish">
              <p class="actions">
                <button type="submit" class="secondary">
                  Unpublish (back to draft)
                </button>
              </p>
            </PostForm>
          ) : null}
        </>
      ) : (
        <p class="hint">Contributors write drafts; an editor publishes them.</p>
      )}
      {props.mayDelete ? (
        <p>
          <a class="button danger" href={`${base}${path}/delete`}>
            Delete…
          </a>
        </p>
      ) : null}
    </section>
  );
}
