/** @jsxImportSource hono/jsx */
// The article and episode lists: a state filter (all, drafts, scheduled, published), one row per item, paging.
import { STUDIO_STATES, type StudioRow, type StudioState } from '../../catalog/studio/listings.ts';
import { StateBadge, When } from './common.tsx';
import { editPath } from './dashboard-lists.tsx';
import { useStudioBase } from './links.ts';

const FILTER_LABELS: Record<StudioState, string> = {
  draft: 'Drafts',
  scheduled: 'Scheduled',
  published: 'Published',
};

export interface ContentListProps {
  readonly kind: 'article' | 'episode';
  readonly rows: readonly StudioRow[];
  readonly state?: StudioState;
  readonly page: number;
  readonly pages: number;
  readonly timeZone: string;
  /** Extra query kept on filter and page links (`showId=3`). */
  readonly query?: Readonly<Record<string, string>>;
  /** Shown above the list: the show filter on episodes. */
  readonly heading?: string;
}

export function ContentList(props: ContentListProps) {
  const { kind, rows, state, timeZone } = props;
  const root = useStudioBase();
  const base = `${root}/${kind}s`;
  const href = (s: StudioState | undefined, page = 1) => {
    const query = new URLSearchParams(props.query);
    if (s) query.set('state', s);
    if (page > 1) query.set('page', String(page));
    const text = query.toString();
    return text ? `${base}?${text}` : base;
  };
  const title = props.heading ?? (kind === 'article' ? 'Articles' : 'Episodes');
  return (
    <div class="screen">
      <h1>{title}</h1>
      <p>
        <a class="button" href={`${base}/new${props.query?.showId ? `?showId=${props.query.showId}` : ''}`}>
          {kind === 'article' ? 'New article' : 'New episode'}
        </a>
      </p>
      <nav aria-label="Filter by state">
        <ul class="filters">
          <li>
            <a href={href(undefined)} aria-current={state === undefined ? 'page' : undefined}>
              All
            </a>
          </li>
          {STUDIO_STATES.map((s) => (
            <li>
              <a href={href(s)} aria-current={state === s ? 'page' : undefined}>
                {FILTER_LABELS[s]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {rows.length === 0 ? (
        <p>Nothing here.</p>
      ) : (
        <table class="list">
          <caption class="visually-hidden">
            {title}
            {state ? ` (${FILTER_LABELS[state]})` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">{kind === 'article' ? 'Headline' : 'Title'}</th>
              <th scope="col">{kind === 'article' ? 'Section' : 'Show'}</th>
              <th scope="col">State</th>
              <th scope="col">Date</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr>
                <td>
                  <a href={`${root}${editPath(row)}`}>{row.title}</a>
                </td>
                <td>{row.parent}</td>
                <td>
                  <StateBadge state={row.state} />
                </td>
                <td>
                  <When at={row.publishedAt ?? row.updatedAt} timeZone={timeZone} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.pages > 1 ? (
        <nav aria-label="Pages">
          <ul class="filters">
            {props.page > 1 ? (
              <li>
                <a href={href(state, props.page - 1)} rel="prev">
                  Newer
                </a>
              </li>
            ) : null}
            <li>
              Page {props.page} of {props.pages}
            </li>
            {props.page < props.pages ? (
              <li>
                <a href={href(state, props.page + 1)} rel="next">
                  Older
                </a>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </div>
  );
}
