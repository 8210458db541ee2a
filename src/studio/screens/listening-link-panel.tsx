/** @jsxImportSource hono/jsx */
// Beside a show's or an episode's form: the way to its listening report.
import { useStudioBase } from './links.ts';

export function ListeningLinkPanel(props: { path: string; what: 'show' | 'episode' }) {
  const base = useStudioBase();
  return (
    <section class="panel" aria-labelledby="listening-link-title" id="listening-link-panel">
      <h2 id="listening-link-title">Listening</h2>
      <p>
        <a href={`${base}/listening${props.path}`}>Downloads of this {props.what}</a>: by day, app and the
        pages that played it.
      </p>
    </section>
  );
}
