/** @jsxImportSource hono/jsx */
// The item's history: who changed what and when, newest first, from the audit trail, as sentences.
import { formatDateTime } from '../../domain/dates.ts';
import { When } from './common.tsx';

export interface HistoryEntry {
  readonly at: Date;
  readonly actor: string;
  readonly action: string;
  readonly summary: string;
}

/** What each recorded action says in the history ("pair" → "Episodes set"). */
const ACTIONS: Readonly<Record<string, string>> = {
  create: 'Created',
  update: 'Edited',
  delete: 'Deleted',
  publish: 'Published',
  schedule: 'Scheduled',
  unpublish: 'Unpublished',
  upload: 'File',
  pair: 'Episodes set',
};

/** The line for one entry: the action in words and its summary, a recorded time shown in `timeZone`. */
export function historyLine(entry: Pick<HistoryEntry, 'action' | 'summary'>, timeZone: string): string {
  const action = ACTIONS[entry.action] ?? entry.action;
  const summary = entry.summary.trim();
  if (summary === '') return action;
  // publish/schedule record the publication time as ISO 8601: shown the way the studio shows times.
  if (/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(summary)) {
    const at = new Date(summary);
    if (!Number.isNaN(at.getTime())) {
      const when = formatDateTime(at, timeZone);
      return entry.action === 'schedule' ? `${action} for ${when}` : `${action}, dated ${when}`;
    }
  }
  return entry.action === 'upload'
    ? `${summary.charAt(0).toUpperCase()}${summary.slice(1)}`
    : `${action}: ${summary}`;
}

export function HistoryPanel(props: { entries: readonly HistoryEntry[]; timeZone: string }) {
  return (
    <section class="panel history" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      {props.entries.length === 0 ? (
        <p>No changes recorded.</p>
      ) : (
        <ol>
          {props.entries.map((e) => (
            <li>
              <When at={e.at} timeZone={props.timeZone} />: {historyLine(e, props.timeZone)}, by {e.actor}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
