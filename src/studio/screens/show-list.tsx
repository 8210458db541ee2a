/** @jsxImportSource hono/jsx */
// The shows list: each show with its artwork state, its episodes and its feed.
import type { ShowViewModel } from '../forms/show-form.ts';
import { useStudioBase } from './links.ts';

export function ShowList(props: { shows: readonly ShowViewModel[]; mayCreate: boolean }) {
  const base = useStudioBase();
  return (
    <div class="screen">
      <h1>Shows</h1>
      {props.mayCreate ? (
        <p>
          <a class="button" href={`${base}/shows/new`}>
            New show
          </a>
        </p>
      ) : null}
      {props.shows.length === 0 ? (
        <p>No shows yet.</p>
      ) : (
        <table class="list">
          <caption class="visually-hidden">Shows</caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Episodes</th>
              <th scope="col">Feed</th>
            </tr>
          </thead>
          <tbody>
            {props.shows.map((show) => (
              <tr>
                <td>
                  <a href={`${base}/shows/${show.id}`}>{show.title}</a>
                  {show.artwork ? null : <span class="hint"> (no artwork yet)</span>}
                </td>
                <td>
                  <a href={`${base}/episodes?showId=${show.id}`}>
                    Episodes<span class="visually-hidden"> of {show.title}</span>
                  </a>
                </td>
                <td>
                  <a href={show.feedUrl}>
                    Feed<span class="visually-hidden"> of {show.title}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
