/** @jsxImportSource hono/jsx */
// The show screen's live streams panel: each stream with its status and its next step (go live, end), and a form to plan one.
import type { liveItemView } from '../../catalog/editor/live-items.ts';
import { type FieldErrors, hasErrors } from '../form/field-errors.ts';
import { SelectField, TextField } from '../form/fields.tsx';
import { type FormValues, firstValue } from '../form/form-values.ts';
import { LIVE_LABELS, STREAM_TYPES } from '../forms/live-item-form.ts';
import { PostForm, When } from './common.tsx';

export type LiveItemViewModel = ReturnType<typeof liveItemView>;

const STATUS_LABELS = { pending: 'Planned', live: 'Live now', ended: 'Ended' } as const;

function StatusButton(props: {
  id: number;
  etag: string;
  csrf: string;
  to: 'live' | 'ended';
  label: string;
}) {
  return (
    <PostForm action={`/live-items/${props.id}/status`} csrf={props.csrf} etag={props.etag} class="inline">
      <input type="hidden" name="status" value={props.to} />
      <button type="submit" class={props.to === 'ended' ? 'secondary' : undefined}>
        {props.label}
      </button>
    </PostForm>
  );
}

export function LiveItemsPanel(props: {
  showId: number;
  items: readonly (LiveItemViewModel & { etag: string })[];
  csrf: string;
  timeZone: string;
  values: FormValues;
  errors: FieldErrors;
  refusal?: string;
}) {
  const v = (name: string) => firstValue(props.values, name);
  return (
    <section class="panel" aria-labelledby="live-title" id="live-panel">
      <h2 id="live-title">Live streams</h2>
      <p class="hint">
        Podcast apps list them above the episodes (podcast:liveItem). Going live and ending tell them at once
        through Podping.
      </p>
      {props.refusal ? (
        <p class="field-error" role="alert">
          {props.refusal}
        </p>
      ) : null}
      {props.items.length === 0 ? (
        <p>No live streams.</p>
      ) : (
        <ul class="live-items">
          {props.items.map((item) => (
            <li data-live-item={item.id} data-status={item.status}>
              <strong>{item.title}</strong>{' '}
              <span class={`state live-${item.status}`}>{STATUS_LABELS[item.status]}</span>
              <br />
              <When at={new Date(item.startAt)} timeZone={props.timeZone} />
              {item.endAt ? (
                <>
                  {' to '}
                  <When at={new Date(item.endAt)} timeZone={props.timeZone} />
                </>
              ) : null}
              <div class="actions">
                {item.status === 'pending' ? (
                  <StatusButton id={item.id} etag={item.etag} csrf={props.csrf} to="live" label="Go live" />
                ) : null}
                {item.status !== 'ended' ? (
                  <StatusButton
                    id={item.id}
                    etag={item.etag}
                    csrf={props.csrf}
                    to="ended"
                    label={item.status === 'live' ? 'End the stream' : 'Call it off'}
                  />
                ) : null}
                <PostForm
                  action={`/live-items/${item.id}/delete`}
                  csrf={props.csrf}
                  etag={item.etag}
                  class="inline"
                >
                  <button type="submit" class="danger">
                    Delete
                  </button>
                </PostForm>
              </div>
            </li>
          ))}
        </ul>
      )}
      <h3>Plan a live stream</h3>
      {hasErrors(props.errors) ? (
        <p class="field-error" role="alert" id="live-form-problem">
          The stream was not planned: {Object.values(props.errors).flat().length} problem(s), said beside the
          fields.
        </p>
      ) : null}
      <PostForm action={`/shows/${props.showId}/live-items`} csrf={props.csrf} label="Plan a live stream">
        <TextField
          name="title"
          id="f-live-title"
          label={LIVE_LABELS.title}
          value={v('title')}
          errors={props.errors}
          required
        />
        <TextField
          name="startAt"
          type="datetime-local"
          label={LIVE_LABELS.startAt}
          value={v('startAt')}
          errors={props.errors}
          required
        />
        <TextField
          name="endAt"
          type="datetime-local"
          label={LIVE_LABELS.endAt}
          value={v('endAt')}
          errors={props.errors}
        />
        <TextField
          name="streamUrl"
          type="url"
          label={LIVE_LABELS.streamUrl}
          value={v('streamUrl')}
          errors={props.errors}
          required
          hint="The stream itself, from your streaming service (podwire does not relay live audio)."
        />
        <SelectField
          name="streamType"
          label={LIVE_LABELS.streamType}
          value={v('streamType')}
          choices={STREAM_TYPES}
          errors={props.errors}
        />
        <TextField
          name="contentLink"
          type="url"
          label={LIVE_LABELS.contentLink}
          value={v('contentLink')}
          errors={props.errors}
          hint="For apps that cannot play the stream; the show page when left empty."
        />
        <p class="actions">
          <button type="submit" class="secondary">
            Plan live stream
          </button>
        </p>
      </PostForm>
    </section>
  );
}
