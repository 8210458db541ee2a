/** @jsxImportSource hono/jsx */
// The Search index screen (editors and admins): rebuild the site search index, or index only what has no text yet, and follow the runs.
import type { SearchReindexJob } from '../../db/schema.ts';
import { PostForm, When } from './common.tsx';

/** A job's state in words (the stored value stays in the markup for scripts and tests). */
const STATUS_LABELS: Readonly<Record<SearchReindexJob['status'], string>> = {
  running: 'Running',
  done: 'Done',
  failed: 'Failed',
};
const PHASE_LABELS: Readonly<Record<SearchReindexJob['phase'], string>> = {
  articles: 'Articles',
  episodes: 'Episodes and transcripts',
  index: 'Rebuilding the index',
  done: 'Finished',
};

export interface SearchIndexScreenProps {
  readonly jobs: readonly SearchReindexJob[];
  readonly catalogue: { readonly articles: number; readonly episodes: number };
  readonly csrf: string;
  readonly timeZone: string;
  /** A refusal to show (another run still going), as the API's message says it. */
  readonly refusal?: string;
}

export function SearchIndexScreen(props: SearchIndexScreenProps) {
  const running = props.jobs.find((job) => job.status === 'running');
  return (
    <div class="screen">
      <h1>Search index</h1>
      <p>
        Every write keeps the site search up to date. Rebuild the index after upgrading from a version without
        search, or to repair it: the {props.catalogue.articles} articles and {props.catalogue.episodes}{' '}
        episodes (with their transcripts) are written again, 200 at a time, while the site keeps serving. On
        Workers each minute's cron run writes the next 800.
      </p>
      {props.refusal ? (
        <p class="notice" role="alert">
          {props.refusal}
        </p>
      ) : null}
      {running ? (
        <p class="notice" role="status">
          A run is going ({PHASE_LABELS[running.phase]}): refresh this page to follow it.
        </p>
      ) : (
        <section class="panel" aria-labelledby="rebuild">
          <h2 id="rebuild">Rebuild</h2>
          <PostForm action="/search-index" csrf={props.csrf} label="Rebuild the whole search index">
            <input type="hidden" name="only" value="all" />
            <button type="submit">Rebuild the whole index</button>
          </PostForm>
          <PostForm action="/search-index" csrf={props.csrf} label="Index only what has no search text">
            <input type="hidden" name="only" value="missing" />
            <button type="submit" class="secondary">
              Index only what is missing
            </button>
          </PostForm>
        </section>
      )}
      <h2>Latest runs</h2>
      {props.jobs.length === 0 ? (
        <p>No runs yet.</p>
      ) : (
        <table class="list">
          <caption class="visually-hidden">Latest search index runs</caption>
          <thead>
            <tr>
              <th scope="col">Started</th>
              <th scope="col">What</th>
              <th scope="col">Status</th>
              <th scope="col">Written</th>
              <th scope="col">Finished</th>
            </tr>
          </thead>
          <tbody>
            {props.jobs.map((job) => (
              <tr>
                <td>
                  <When at={job.createdAt} timeZone={props.timeZone} />
                </td>
                <td>{job.missingOnly ? 'What was missing' : 'Everything'}</td>
                <td data-status={job.status}>
                  {STATUS_LABELS[job.status]}
                  {job.status === 'running' ? ` (${PHASE_LABELS[job.phase]})` : ''}
                  {job.error ? `: ${job.error}` : ''}
                </td>
                <td>
                  {job.articles} articles, {job.episodes} episodes, {job.transcripts} transcripts
                </td>
                <td>{job.finishedAt ? <When at={job.finishedAt} timeZone={props.timeZone} /> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
