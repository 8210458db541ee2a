/** @jsxImportSource hono/jsx */
// One import's screen: its status and progress, the summary, failures with reasons, warnings, and the steps that finish the move.
import type { ImportJobView } from '../../catalog/import/import-jobs.ts';
import { Crumbs, Refusal } from './common.tsx';
import { IMPORT_STATUS_LABELS } from './import-list.tsx';
import { useStudioBase } from './links.ts';

const unfinished = (status: string) => status === 'queued' || status === 'running';

function Progress(props: { view: ImportJobView }) {
  const { view } = props;
  const base = useStudioBase();
  const { total, done } = view.progress;
  return (
    // A live region: a screen reader hears the new status after a refresh without hunting for it.
    <div class="panel" role="status" aria-live="polite">
      <p>
        Status: <strong data-status={view.status}>{IMPORT_STATUS_LABELS[view.status] ?? view.status}</strong>
        {total > 0 ? ` · ${done} of ${total} episodes` : null}
      </p>
      {total > 0 ? (
        <progress class="progress" max={total} value={done} aria-label="Episodes imported">
          {done} of {total}
        </progress>
      ) : null}
      {unfinished(view.status) ? (
        <p>
          The import runs in the background, a few episodes at a time.{' '}
          <a href={`${base}/imports/${view.id}`}>Refresh</a> to follow it.
        </p>
      ) : null}
    </div>
  );
}

function Summary(props: { view: ImportJobView }) {
  const { summary, show, showStatus } = props.view;
  return (
    <section aria-labelledby="import-summary">
      <h2 id="import-summary">Summary</h2>
      <dl class="facts">
        {show ? (
          <>
            <dt>Show</dt>
            <dd>
              {show.title} ({showStatus ?? 'unchanged'}) · <a href={show.feedUrl}>its feed here</a>
            </dd>
          </>
        ) : null}
        <dt>New episodes</dt>
        <dd data-count="new">{summary.new}</dd>
        <dt>Updated</dt>
        <dd data-count="updated">{summary.updated}</dd>
        <dt>Unchanged</dt>
        <dd data-count="unchanged">{summary.unchanged}</dd>
        <dt>Failed</dt>
        <dd data-count="failed">{summary.failed}</dd>
      </dl>
    </section>
  );
}

function Failures(props: { view: ImportJobView }) {
  const { failures } = props.view;
  if (failures.length === 0) return null;
  return (
    <section aria-labelledby="import-failures">
      <h2 id="import-failures">Episodes with a problem</h2>
      <p>Each is tried again the next time this feed is imported.</p>
      <table class="list">
        <caption class="visually-hidden">Episodes with a problem</caption>
        <thead>
          <tr>
            <th scope="col">Episode</th>
            <th scope="col">GUID</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {failures.map((f) => (
            <tr>
              <td>{f.title}</td>
              <td>
                <code>{f.guid}</code>
              </td>
              <td>{f.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** A headed list (warnings, the moving steps), or nothing when it is empty. */
function ListSection(props: { id: string; title: string; items: readonly string[]; ordered?: boolean }) {
  if (props.items.length === 0) return null;
  const items = props.items.map((item) => <li>{item}</li>);
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.ordered ? <ol>{items}</ol> : <ul>{items}</ul>}
    </section>
  );
}

export function ImportJobScreen(props: { view: ImportJobView }) {
  const { view } = props;
  return (
    <div class="screen">
      <Crumbs trail={[['Imports', '/imports']]} />
      <h1>Import {view.id}</h1>
      <p>
        From <a href={view.source}>{view.source}</a>
        {view.feedUrl && view.feedUrl !== view.source ? (
          <>
            {' '}
            (read at <a href={view.feedUrl}>{view.feedUrl}</a>)
          </>
        ) : null}
      </p>
      <Progress view={view} />
      {view.error ? (
        <Refusal text={`${view.status === 'refused' ? 'Refused' : 'Failed'}: ${view.error}`} />
      ) : null}
      {view.progress.total > 0 || view.show ? <Summary view={view} /> : null}
      <Failures view={view} />
      <ListSection id="import-warnings" title="Warnings" items={view.warnings} />
      <ListSection id="moving-steps" title="To finish the move" items={view.movingSteps} ordered />
    </div>
  );
}
