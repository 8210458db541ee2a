/** @jsxImportSource hono/jsx */
// The dashboard's content part: quick links, then drafts, what is scheduled (with its time) and what went out last.
import type { Dashboard, StudioRow } from '../../catalog/studio/listings.ts';
import { When } from './common.tsx';

export const editPath = (row: Pick<StudioRow, 'kind' | 'id'>) => `/studio/${row.kind}s/${row.id}`;

export function QuickLinks(props: { mayCreateShows: boolean }) {
  return (
    <nav aria-label="Quick links">
      <ul class="quick-links">
        <li>
          <a class="button" href="/studio/articles/new">
            New article
          </a>
        </li>
        <li>
          <a class="button" href="/studio/episodes/new">
            New episode
          </a>
        </li>
        {props.mayCreateShows ? (
          <li>
            <a class="button secondary" href="/studio/shows/new">
              New show
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

function RowList(props: {
  rows: readonly StudioRow[];
  timeZone: string;
  empty: string;
  time: 'updated' | 'published';
}) {
  if (props.rows.length === 0) return <p>{props.empty}</p>;
  return (
    <ul>
      {props.rows.map((row) => (
        <li>
          <a href={editPath(row)}>{row.title}</a>{' '}
          <span class="hint">
            ({row.kind === 'article' ? 'article' : 'episode'}, {row.parent})
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

/** The three lists (section headings are the landmarks a test or a screen reader finds them by). */
export function DashboardLists(props: { dashboard: Dashboard; timeZone: string; mayCreateShows: boolean }) {
  const { dashboard, timeZone } = props;
  return (
    <>
      <QuickLinks mayCreateShows={props.mayCreateShows} />
      <div class="dashboard-lists">
        <section aria-labelledby="drafts-title">
          <h2 id="drafts-title">Drafts</h2>
          <RowList rows={dashboard.drafts} timeZone={timeZone} empty="No drafts." time="updated" />
        </section>
        <section aria-labelledby="scheduled-title">
          <h2 id="scheduled-title">Scheduled</h2>
          <RowList
            rows={dashboard.scheduled}
            timeZone={timeZone}
            empty="Nothing scheduled."
            time="published"
          />
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
    </>
  );
}
