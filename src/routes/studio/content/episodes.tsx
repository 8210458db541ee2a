/** @jsxImportSource hono/jsx */
// /studio/episodes: the list (by state, by show), a new episode, and saving the form with If-Match (a stale save shows both versions).
import { type Context, Hono } from 'hono';
import { createEpisode, episodeViewOf, getEpisode, updateEpisode } from '../../../catalog/editor/episodes.ts';
import { getShow } from '../../../catalog/editor/shows.ts';
import { listStudioEpisodes } from '../../../catalog/studio/listings.ts';
import type { AppEnv } from '../../../deps.ts';
import type { FieldErrors } from '../../../studio/form/field-errors.ts';
import { type FormValues, firstValue } from '../../../studio/form/form-values.ts';
import { validateForm } from '../../../studio/form/validate.ts';
import { EPISODE_LABELS, episodeFormValues, episodeInputFrom } from '../../../studio/forms/episode-form.ts';
import { ContentList } from '../../../studio/screens/content-list.tsx';
import { EpisodeEditor } from '../../../studio/screens/episode-editor.tsx';
import { EpisodeInput, EpisodePatch } from '../../api/schemas.ts';
import { redirectDone } from '../render.tsx';
import { LIST_PAGE_SIZE, listQuery } from './articles.tsx';
import { editRefused, type RefusedEdit } from './edit-refused.tsx';
import { episodeScreen, showChoices } from './episode-screen.tsx';
import {
  changed,
  csrfOf,
  formOf,
  idParam,
  ifMatchOf,
  type ScreenStatus,
  screen,
  studioContext,
  timeZoneOf,
} from './screen.tsx';
import { writeRefused } from './write-outcome.ts';

const newScreen = async (
  c: Context<AppEnv>,
  values: FormValues,
  errors: FieldErrors = {},
  status?: ScreenStatus,
) =>
  screen(
    c,
    { title: 'New episode', current: 'episodes', status },
    <EpisodeEditor
      values={values}
      errors={errors}
      sanitizedNotes={c.var.runtime.sanitize(firstValue(values, 'contentHtml'))}
      shows={await showChoices(c)}
      csrf={csrfOf(c)}
    />,
  );

export function episodeRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/episodes', async (c) => {
    const { state, page } = listQuery((n) => c.req.query(n));
    const showText = c.req.query('showId') ?? '';
    const showId = /^[1-9]\d{0,9}$/.test(showText) ? Number(showText) : undefined;
    const ctx = studioContext(c);
    const show = showId === undefined ? undefined : (await getShow(ctx, showId)).show;
    const { rows, total } = await listStudioEpisodes(ctx, {
      state,
      showId,
      limit: LIST_PAGE_SIZE,
      offset: (page - 1) * LIST_PAGE_SIZE,
    });
    return screen(
      c,
      { title: 'Episodes', current: 'episodes' },
      <ContentList
        kind="episode"
        rows={rows}
        state={state}
        page={page}
        pages={Math.max(1, Math.ceil(total / LIST_PAGE_SIZE))}
        timeZone={timeZoneOf(c)}
        query={show ? { showId: String(show.id) } : undefined}
        heading={show ? `Episodes of ${show.title}` : undefined}
      />,
    );
  });

  routes.get('/episodes/new', (c) => newScreen(c, { showId: c.req.query('showId') ?? '', type: 'full' }));

  routes.post('/episodes', async (c) => {
    const { values } = await formOf(c);
    const { input, problems } = episodeInputFrom(values, 'create');
    const valid = validateForm(EpisodeInput, input, problems);
    if (!valid.ok) return newScreen(c, values, valid.errors, 400);
    try {
      const record = await createEpisode(studioContext(c), valid.data);
      await changed(c, { shows: [record.episode.showId], news: true });
      return redirectDone(c, `/episodes/${record.episode.id}`, 'episode-created', 'audio-panel');
    } catch (error) {
      const refused = writeRefused(error);
      return newScreen(c, values, refused.errors, refused.status);
    }
  });

  routes.get('/episodes/:id', (c) => episodeScreen(c, idParam(c)));

  routes.post('/episodes/:id', async (c) => {
    const id = idParam(c);
    const { values } = await formOf(c);
    const { input, problems } = episodeInputFrom(values, 'edit');
    const valid = validateForm(EpisodePatch, input, problems);
    if (!valid.ok) return episodeScreen(c, id, { values, errors: valid.errors, status: 400 });
    const ctx = studioContext(c);
    let showId: number;
    try {
      showId = (await updateEpisode(ctx, id, valid.data, ifMatchOf(values))).episode.showId;
    } catch (error) {
      const again = (refused: RefusedEdit) => episodeScreen(c, id, { values, ...refused });
      return editRefused(c, error, values, again, async () => {
        const theirs = episodeViewOf(ctx, await getEpisode(ctx, id));
        const fields = [
          'title',
          'slug',
          ...(theirs.status === 'draft' ? ['guid'] : []),
          'summary',
          'contentHtml',
          'season',
          'number',
          'type',
          'explicit',
          'block',
        ];
        return {
          entity: 'episode',
          id,
          labels: EPISODE_LABELS,
          fields,
          checkboxes: ['block'],
          theirs: episodeFormValues(theirs),
          updatedAt: theirs.updatedAt,
        };
      });
    }
    await changed(c, { shows: [showId], news: true });
    return redirectDone(c, `/episodes/${id}`, 'saved');
  });

  return routes;
}
