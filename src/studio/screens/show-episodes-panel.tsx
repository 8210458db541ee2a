/** @jsxImportSource hono/jsx */
// Beside a show's form: how many episodes it has, and the next step (its first episode, or another).
import { useStudioBase } from './links.ts';

export function ShowEpisodesPanel(props: { showId: number; count: number }) {
  const base = useStudioBase();
  const add = `${base}/episodes/new?showId=${props.showId}`;
  return (
    <section class="panel" aria-labelledby="show-episodes-title" id="show-episodes-panel">
      <h2 id="show-episodes-title">Episodes of this show</h2>
      {props.count === 0 ? (
        <>
          <p>No episodes yet.</p>
          <p>
            <a class="button" href={add}>
              Add the first episode
            </a>
          </p>
        </>
      ) : (
        <>
          <p>
            <a href={`${base}/episodes?showId=${props.showId}`}>
              {props.count === 1 ? '1 episode' : `${props.count} episodes`}
            </a>
          </p>
          <p>
            <a class="button secondary" href={add}>
              Add an episode
            </a>
          </p>
        </>
      )}
    </section>
  );
}
