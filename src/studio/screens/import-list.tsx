/** @jsxImportSource hono/jsx */
// The Imports screen: the form that starts an import of a show from another host, and the latest jobs with their progress.
import type { RecentImportJob } from '../../catalog/import/import-jobs.ts';
import { ErrorSummary } from '../form/error-summary.tsx';
import type { FieldErrors } from '../form/field-errors.ts';
import { CheckboxField, TextField } from '../form/fields.tsx';
import { PostForm, When } from './common.tsx';
import { useStudioBase } from './links.ts';

export const IMPORT_LABELS = {
  url: 'Feed address',
  showSlug: 'Into the show (slug)',
  ownerEmail: 'Owner e-mail',
  iOwnThisFeed: 'I own this feed',
} as const;

export interface ImportFormValues {
  readonly url: string;
  readonly showSlug: string;
  readonly ownerEmail: string;
  readonly iOwnThisFeed: boolean;
}

export const EMPTY_IMPORT: ImportFormValues = { url: '', showSlug: '', ownerEmail: '', iOwnThisFeed: false };

/** A job's status in words (the API's value stays in the markup for scripts and tests). */
export const IMPORT_STATUS_LABELS: Readonly<Record<string, string>> = {
  queued: 'Waiting to start',
  running: 'Importing',
  done: 'Done',
  failed: 'Failed',
  refused: 'Refused',
};

export interface ImportsScreenProps {
  readonly jobs: readonly RecentImportJob[];
  readonly values: ImportFormValues;
  readonly errors: FieldErrors;
  readonly csrf: string;
  readonly timeZone: string;
  /** False when this server has no SSRF-safe fetch: the form is not offered. */
  readonly available: boolean;
}

function ImportForm(props: Pick<ImportsScreenProps, 'values' | 'errors' | 'csrf'>) {
  const { values, errors } = props;
  return (
    <PostForm action="/imports" csrf={props.csrf} label="Start an import">
      <TextField
        name="url"
        label={IMPORT_LABELS.url}
        type="url"
        required
        value={values.url}
        errors={errors}
        size="long"
        hint="The podcast RSS feed at the old host, such as https://old-host.example/feed.xml. Permanent redirects and itunes:new-feed-url are followed."
      />
      <TextField
        name="showSlug"
        label={IMPORT_LABELS.showSlug}
        value={values.showSlug}
        errors={errors}
        hint="Optional. Empty: the show this feed was imported into before, or a new one."
      />
      <fieldset>
        <legend>For a locked feed (podcast:locked)</legend>
        <TextField
          name="ownerEmail"
          label={IMPORT_LABELS.ownerEmail}
          type="email"
          autocomplete="off"
          value={values.ownerEmail}
          errors={errors}
          hint="The feed's itunes:owner e-mail, to show the feed is yours."
        />
        <CheckboxField
          name="iOwnThisFeed"
          label={IMPORT_LABELS.iOwnThisFeed}
          checked={values.iOwnThisFeed}
          errors={errors}
        />
      </fieldset>
      <button type="submit">Start the import</button>
    </PostForm>
  );
}

export function ImportsScreen(props: ImportsScreenProps) {
  const base = useStudioBase();
  return (
    <div class="screen">
      <h1>Imports</h1>
      <p>
        Bring a show from another host: its episodes (GUIDs kept, so apps download nothing again), artwork,
        transcripts and chapters, with the audio re-hosted here.
      </p>
      <ErrorSummary errors={props.errors} labels={IMPORT_LABELS} />
      {props.available ? (
        <section class="panel" aria-labelledby="start-import">
          <h2 id="start-import">Start an import</h2>
          <ImportForm values={props.values} errors={props.errors} csrf={props.csrf} />
        </section>
      ) : (
        <p class="notice" role="note">
          Imports are not available on this server: it has no safe fetch configured.
        </p>
      )}
      <h2>Latest imports</h2>
      {props.jobs.length === 0 ? (
        <p>No imports yet.</p>
      ) : (
        <table class="list">
          <caption class="visually-hidden">Latest imports</caption>
          <thead>
            <tr>
              <th scope="col">Feed</th>
              <th scope="col">Show</th>
              <th scope="col">Status</th>
              <th scope="col">Episodes</th>
              <th scope="col">Started</th>
            </tr>
          </thead>
          <tbody>
            {props.jobs.map(({ job, showTitle }) => (
              <tr>
                <td>
                  <a href={`${base}/imports/${job.id}`}>{job.url}</a>
                </td>
                <td>{showTitle ?? '—'}</td>
                <td data-status={job.status}>{IMPORT_STATUS_LABELS[job.status] ?? job.status}</td>
                <td>
                  {job.created + job.updated + job.unchanged + job.failed} of {job.total}
                </td>
                <td>
                  <When at={job.createdAt} timeZone={props.timeZone} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
