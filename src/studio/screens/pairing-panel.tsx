/** @jsxImportSource hono/jsx */
// The article's episodes in the order readers get them: Move up / Move down / Remove buttons (no script needed), Alt+↑/↓ with the script, and Add.
import type { StudioState } from '../../catalog/studio/listings.ts';
import { PostForm, StateBadge } from './common.tsx';
import { useStudioBase } from './links.ts';
import { MoveButtons } from './move-buttons.tsx';

export interface PairedItem {
  readonly id: number;
  readonly title: string;
  readonly showTitle: string;
  readonly state: StudioState;
}

export function PairingPanel(props: {
  articleId: number;
  etag: string;
  csrf: string;
  paired: readonly PairedItem[];
  candidates: readonly PairedItem[];
  error?: string;
}) {
  const { paired } = props;
  const base = useStudioBase();
  return (
    <section class="panel pairing" aria-labelledby="pairing-title" id="pairing">
      <h2 id="pairing-title">Episodes</h2>
      <PostForm
        action={`/articles/${props.articleId}/episodes`}
        csrf={props.csrf}
        etag={props.etag}
        label="Paired episodes"
      >
        <div data-reorder="">
          {props.error ? (
            <p class="field-error" role="alert">
              {props.error}
            </p>
          ) : null}
          {paired.length === 0 ? (
            <p>No episodes yet.</p>
          ) : (
            <ol aria-label="Paired episodes, in order">
              {paired.map((e, i) => (
                <li data-reorder-item={String(e.id)} id={`paired-${e.id}`}>
                  <span>
                    <a href={`${base}/episodes/${e.id}`}>{e.title}</a>{' '}
                    <span class="hint">({e.showTitle})</span>{' '}
                    {e.state === 'published' ? null : <StateBadge state={e.state} />}
                  </span>
                  <span class="moves">
                    <MoveButtons id={e.id} name={e.title} index={i} count={paired.length} />
                    <button
                      type="submit"
                      class="small danger"
                      name="move"
                      value={`remove:${e.id}`}
                      aria-label={`Remove: ${e.title}`}
                    >
                      Remove
                    </button>
                  </span>
                </li>
              ))}
            </ol>
          )}
          {paired.length > 1 ? (
            <p class="hint">With a Move button focused, Alt+↑ and Alt+↓ move the episode too.</p>
          ) : null}
          <p class="visually-hidden" aria-live="polite" data-reorder-status="" />
        </div>
        {props.candidates.length > 0 ? (
          <div class="field">
            <label for="f-add">Add an episode</label>
            <select id="f-add" name="add">
              {props.candidates.map((e) => (
                <option value={String(e.id)}>
                  {e.title} ({e.showTitle}
                  {e.state === 'published' ? '' : `, ${e.state}`})
                </option>
              ))}
            </select>
            <p class="actions">
              <button type="submit" class="secondary" name="move" value="add">
                Add episode
              </button>
            </p>
          </div>
        ) : null}
        <p class="hint">Only published episodes play on the article page and in feeds.</p>
      </PostForm>
    </section>
  );
}
