/** @jsxImportSource hono/jsx */
// A show's subscribers: who may hear it, private feed links (shown once, with Copy), counts, shared-link warnings, revoking.
import type { SubscriberView } from '../../catalog/subscribers/manage-subscribers.ts';
import { Crumbs, PostForm, Refusal, When } from './common.tsx';
import { useStudioBase } from './links.ts';

export interface SubscribersScreenProps {
  readonly show: { readonly id: number; readonly title: string; readonly access: 'public' | 'subscribers' };
  readonly subscribers: readonly SubscriberView[];
  readonly csrf: string;
  readonly timeZone: string;
  /** Right after adding: the new private feed URL, shown this once. */
  readonly created?: { readonly name: string; readonly feedUrl: string };
  readonly refusal?: string;
  readonly values?: { readonly name?: string; readonly email?: string };
}

export function SubscribersScreen(props: SubscribersScreenProps) {
  const { show } = props;
  const back = `/shows/${show.id}`;
  const live = props.subscribers.filter((s) => s.revokedAt === null);
  const revoked = props.subscribers.filter((s) => s.revokedAt !== null);
  return (
    <div class="screen">
      <Crumbs trail={[[show.title, back]]} />
      <h1>Subscribers of “{show.title}”</h1>
      <Refusal text={props.refusal} />
      {props.created ? <NewLink {...props.created} /> : null}
      <section class="panel" aria-labelledby="access-title">
        <h2 id="access-title">Who may listen</h2>
        <PostForm action={`${back}/access`} csrf={props.csrf} label="Who may listen">
          <fieldset>
            <legend>Audio of this show</legend>
            <label>
              <input type="radio" name="access" value="public" checked={show.access === 'public'} /> Everyone:
              the public feed and the site’s players
            </label>
            <label>
              <input type="radio" name="access" value="subscribers" checked={show.access === 'subscribers'} />{' '}
              Subscribers only: no public feed, pages without players
            </label>
          </fieldset>
          <button type="submit">Save</button>
        </PostForm>
      </section>
      <section class="panel" aria-labelledby="add-title">
        <h2 id="add-title">Add a subscriber</h2>
        <p>They get their own private feed address: give it to them, it is shown only once.</p>
        <PostForm action={`${back}/subscribers`} csrf={props.csrf} label="Add a subscriber">
          <label for="subscriber-name">Name</label>
          <input id="subscriber-name" name="name" required maxlength={200} value={props.values?.name ?? ''} />
          <label for="subscriber-email">Email</label>
          <input
            id="subscriber-email"
            name="email"
            type="email"
            required
            maxlength={320}
            value={props.values?.email ?? ''}
          />
          <button type="submit">Add subscriber</button>
        </PostForm>
      </section>
      <SubscriberTable
        title="Subscribers"
        rows={live}
        showId={show.id}
        timeZone={props.timeZone}
        empty="No subscribers yet."
      />
      {revoked.length > 0 ? (
        <SubscriberTable title="Revoked" rows={revoked} showId={show.id} timeZone={props.timeZone} empty="" />
      ) : null}
    </div>
  );
}

function NewLink(props: { name: string; feedUrl: string }) {
  return (
    <section class="panel new-link" aria-labelledby="new-link-title" role="status">
      <h2 id="new-link-title">Private feed of {props.name}</h2>
      <p>Copy it now and send it to them: it is not shown again (only a hash of it is kept).</p>
      <div class="feed-url">
        <label for="private-feed-url">Private feed address</label>
        <input id="private-feed-url" type="url" readonly value={props.feedUrl} />
        <button type="button" data-copy="private-feed-url" data-status="copy-status" hidden>
          Copy
        </button>
      </div>
      <p id="copy-status" role="status" class="meta" />
    </section>
  );
}

function SubscriberTable(props: {
  title: string;
  rows: readonly SubscriberView[];
  showId: number;
  timeZone: string;
  empty: string;
}) {
  const base = useStudioBase();
  const id = `subscribers-${props.title.toLowerCase()}`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{props.title}</h2>
      {props.rows.length === 0 ? (
        <p>{props.empty}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Added</th>
              <th scope="col">Downloads (30 days)</th>
              <th scope="col">Feed fetches (30 days)</th>
              <th scope="col">Networks today</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((s) => (
              <tr data-subscriber={String(s.id)}>
                <td>{s.name}</td>
                <td>{s.email}</td>
                <td>
                  <When at={new Date(s.createdAt)} timeZone={props.timeZone} />
                </td>
                <td>{s.downloads}</td>
                <td>{s.feedFetches}</td>
                <td>
                  {s.networksToday}
                  {s.sharedWarning ? (
                    <>
                      {' '}
                      <span class="state" title="More networks today than SUBSCRIBER_MAX_NETWORKS">
                        Shared link?
                      </span>
                    </>
                  ) : null}
                </td>
                <td>
                  {s.revokedAt === null ? (
                    <a href={`${base}/shows/${props.showId}/subscribers/${s.id}/revoke`}>Revoke</a>
                  ) : (
                    <>
                      Revoked <When at={new Date(s.revokedAt)} timeZone={props.timeZone} />
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The page that asks before revoking: the link stops working at once, for good. */
export function ConfirmRevoke(props: {
  showId: number;
  showTitle: string;
  subscriber: SubscriberView;
  csrf: string;
}) {
  const base = useStudioBase();
  const back = `/shows/${props.showId}/subscribers`;
  return (
    <div class="screen">
      <Crumbs
        trail={[
          [props.showTitle, `/shows/${props.showId}`],
          ['Subscribers', back],
        ]}
      />
      <h1>Revoke the private feed of {props.subscriber.name}?</h1>
      <p>
        Their feed address and every file address in it stop working at once, in every app they use it in.
        Their counts are kept. This cannot be undone: to let them back, add them again (a new address).
      </p>
      <PostForm action={`${back}/${props.subscriber.id}/revoke`} csrf={props.csrf} label="Revoke">
        <div class="actions">
          <button type="submit" class="danger">
            Revoke
          </button>
          <a href={`${base}${back}`}>Cancel</a>
        </div>
      </PostForm>
    </div>
  );
}

/** Beside a show's form: the way to its subscribers. */
export function SubscribersLinkPanel(props: { showId: number; access: 'public' | 'subscribers' }) {
  const base = useStudioBase();
  return (
    <section class="panel" aria-labelledby="subscribers-link-title" id="subscribers-link-panel">
      <h2 id="subscribers-link-title">Subscribers</h2>
      <p>
        {props.access === 'subscribers'
          ? 'Subscribers only: no public feed.'
          : 'Public; subscribers can still have private feeds.'}{' '}
        <a href={`${base}/shows/${props.showId}/subscribers`}>Private feeds and who may listen</a>
      </p>
    </section>
  );
}
