/** @jsxImportSource hono/jsx */
// The item's history: who changed what and when, newest first, from the audit trail.
import { When } from './common.tsx';

export interface HistoryEntry {
  readonly at: Date;
  readonly actor: string;
  readonly action: string;
  readonly summary: string;
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
              <When at={e.at} timeZone={props.timeZone} />: {e.actor} — {e.summary || e.action}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
