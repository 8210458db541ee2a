/** @jsxImportSource hono/jsx */
// The show editor as a response: the form (as stored or as submitted), artwork with Apple's rules, and history.
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { listAuditEvents } from '../../../catalog/accounts/audit.ts';
import { listLiveItems, liveItemView } from '../../../catalog/editor/live-items.ts';
import { getShow, showViewOf } from '../../../catalog/editor/shows.ts';
import { listStudioEpisodes } from '../../../catalog/studio/listings.ts';
import type { AppEnv } from '../../../deps.ts';
import { sitePath } from '../../../http/studio-session.ts';
import type { FieldErrors } from '../../../studio/form/field-errors.ts';
import type { FormValues } from '../../../studio/form/form-values.ts';
import { NEW_LIVE_VALUES } from '../../../studio/forms/live-item-form.ts';
import { showFormValues } from '../../../studio/forms/show-form.ts';
import { HistoryPanel } from '../../../studio/screens/history-panel.tsx';
import { ListeningLinkPanel } from '../../../studio/screens/listening-link-panel.tsx';
import { LiveItemsPanel } from '../../../studio/screens/live-items-panel.tsx';
import { ShowEditor } from '../../../studio/screens/show-editor.tsx';
import { ShowEpisodesPanel } from '../../../studio/screens/show-episodes-panel.tsx';
import { SubscribersLinkPanel } from '../../../studio/screens/subscribers-screen.tsx';
import { UploadPanel } from '../../../studio/screens/upload-panel.tsx';
import { csrfOf, etagOf, type ScreenStatus, screen, studioContext, timeZoneOf } from './screen.tsx';

export interface ShowScreenState {
  readonly values?: FormValues;
  readonly errors?: FieldErrors;
  readonly status?: ScreenStatus;
  readonly conflict?: Child;
  readonly refusal?: string;
  readonly artworkErrors?: FieldErrors;
  /** The live stream form as submitted, with its problems. */
  readonly live?: { readonly values: FormValues; readonly errors: FieldErrors };
  /** A refused go-live, end or delete. */
  readonly liveRefusal?: string;
}

export async function showScreen(c: Context<AppEnv>, id: number, state: ShowScreenState = {}) {
  const ctx = studioContext(c);
  const view = showViewOf(ctx, await getShow(ctx, id));
  const etag = await etagOf(view);
  const [history, episodes, live] = await Promise.all([
    listAuditEvents(ctx, { entity: 'show', entityId: id, limit: 20 }),
    listStudioEpisodes(ctx, { showId: id, limit: 1 }),
    listLiveItems(ctx, id),
  ]);
  const liveItems = await Promise.all(
    live.map(async (item) => {
      const itemView = liveItemView(item);
      return { ...itemView, etag: await etagOf(itemView) };
    }),
  );
  const aside = (
    <>
      <UploadPanel
        title="Artwork"
        action={`/shows/${id}/artwork`}
        attach={`${sitePath(c)}/api/v1/shows/${id}/artwork`}
        check="artwork"
        label="Artwork file"
        accept="image/jpeg,image/png"
        hint="Apple Podcasts: square JPEG or PNG, 1400×1400 to 3000×3000 pixels."
        csrf={csrfOf(c)}
        etag={etag}
        errors={state.artworkErrors ?? {}}
      >
        {view.artwork ? (
          <img
            class="thumb"
            src={view.artwork.url}
            alt={`Artwork of ${view.title}`}
            width={view.artwork.width ?? undefined}
            height={view.artwork.height ?? undefined}
          />
        ) : (
          <p>No artwork yet: Apple Podcasts needs it.</p>
        )}
      </UploadPanel>
      <ShowEpisodesPanel showId={id} count={episodes.total} />
      <LiveItemsPanel
        showId={id}
        items={liveItems}
        csrf={csrfOf(c)}
        timeZone={timeZoneOf(c)}
        values={state.live?.values ?? NEW_LIVE_VALUES}
        errors={state.live?.errors ?? {}}
        refusal={state.liveRefusal}
      />
      <ListeningLinkPanel path={`/shows/${id}`} what="show" />
      <SubscribersLinkPanel showId={id} access={view.access} />
      <HistoryPanel entries={history} timeZone={timeZoneOf(c)} />
    </>
  );
  return screen(
    c,
    { title: `Show: ${view.title}`, current: 'shows', status: state.status },
    <ShowEditor
      show={view}
      etag={etag}
      values={state.values ?? showFormValues(view)}
      errors={state.errors ?? {}}
      csrf={csrfOf(c)}
      refusal={state.refusal}
      conflict={state.conflict}
      aside={aside}
    />,
  );
}
