/** @jsxImportSource hono/jsx */
// The dashboard's lists: drafts, what is scheduled (with its time) and what went out last, articles and episodes together.
import type { Dashboard, StudioRow } from '../../catalog/studio/listings.ts';
import { When } from './common.tsx';
import { useStudioBase } from './links.ts';

/** A row's edit screen, below the studio's root. */
export const editPath = (row: Pick<StudioRow, 'kind' | 'id'>) => `/${row.kind}s/${row.id}`;

function RowList(props: {
  rows: readonly StudioRow[];
  timeZone: string;
  empty: string;
  time: 'updated' | 'published';
}) {
  const base = useStudioBase();
  if (props.rows.length === 0) return <p>{props.empty}</p>;
  return (
    <ul>
      {props.rows.map((row) => (
        <li>
          <a href={`${base}${editPath(row)}`}>{row.title}</a>{' '}
          <span class="hint">
            ({row.kind}, {row.parent})
          </span>
          <br />
          {props.time === 'updated' ? (
            <span class="hint">
              Changed <When at={row.updatedAt} timeZone={props.timeZone} />
            </span>
          ) : row.publishedAt ? (
            <When at={row.publishedAt} timeZone={props.timeZone} />
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The three lists (their headings are the landmarks a test or a screen reader finds them by). */
export function DashboardLists(props: { dashboard: Dashboard; timeZone: string; ownDraftsOnly?: boolean }) {
  const { dashboard, timeZone } = props;
  return (
    <div class="dashboard-lists">
      <section aria-labelledby="drafts-title">
        <h2 id="drafts-title">Drafts</h2>
        {props.ownDraftsOnly ? <p class="hint">Yours: contributors see their own drafts.</p> : null}
        <RowList rows={dashboard.drafts} timeZone={timeZone} empty="No drafts." time="updated" />
      </section>
      <section aria-labelledby="scheduled-title">
        <h2 id="scheduled-title">Scheduled</h2>
        <RowList rows={dashboard.scheduled} timeZone={timeZone} empty="Nothing scheduled." time="published" />
      </section>
      <section aria-labelledby="published-title">
        <h2 id="published-title">Recently published</h2>
        <RowList
          rows={dashboard.published}
          timeZone={timeZone}
          empty="Nothing published yet."
          time="published"
        />
      </section>
    </div>
  );
}
