/** @jsxImportSource hono/jsx */
// The page that asks before deleting: what goes, and the exact public URLs that will answer 410 Gone from then on.
import { Crumbs, PostForm } from './common.tsx';
import { useStudioBase } from './links.ts';

export function ConfirmDelete(props: {
  /** "article", "episode", "show", "section". */
  noun: string;
  title: string;
  /** Where the record's screen is, below the studio's root (Cancel goes back there). */
  back: string;
  action: string;
  csrf: string;
  etag: string;
  /** Absolute URLs that will answer 410 Gone. */
  goneUrls: readonly string[];
  /** What else happens (its image is removed, its old addresses stop redirecting). */
  notes?: readonly string[];
  /** Why it cannot be deleted now (a show with episodes): shown instead of the button. */
  blocked?: string;
}) {
  const base = useStudioBase();
  return (
    <div class="screen">
      <Crumbs trail={[[props.title, props.back]]} />
      <h1>
        Delete {props.noun} “{props.title}”?
      </h1>
      {props.blocked ? (
        <div class="refusal" role="alert">
          <p>{props.blocked}</p>
        </div>
      ) : null}
      <section aria-labelledby="gone-title" class="gone-list">
        <h2 id="gone-title">What will answer 410 Gone</h2>
        {props.goneUrls.length === 0 ? (
          <p>
            Nothing: this {props.noun} was never published, so no public address will say it was deleted (they
            answer 404 Not Found).
          </p>
        ) : (
          <>
            <p>
              These addresses will answer 410 Gone, telling readers, apps and search engines it was deleted on
              purpose:
            </p>
            <ul aria-label="Addresses that will answer 410 Gone">
              {props.goneUrls.map((url) => (
                <li>
                  <code>{url}</code>
                </li>
              ))}
            </ul>
          </>
        )}
        {(props.notes ?? []).length > 0 ? (
          <ul>
            {props.notes?.map((note) => (
              <li>{note}</li>
            ))}
          </ul>
        ) : null}
      </section>
      <p>This cannot be undone.</p>
      <PostForm action={props.action} csrf={props.csrf} etag={props.etag} label={`Delete ${props.noun}`}>
        <div class="actions">
          {props.blocked ? null : (
            <button type="submit" class="danger">
              Delete {props.noun}
            </button>
          )}
          <a href={`${base}${props.back}`}>Cancel</a>
        </div>
      </PostForm>
    </div>
  );
}
