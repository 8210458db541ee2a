/** @jsxImportSource hono/jsx */
// /studio/shows: list, create, edit (If-Match; a stale save shows both versions), artwork with Apple's rules, delete after confirming.
import { type Context, Hono } from 'hono';
import {
  attachShowArtwork,
  createShow,
  deleteShow,
  getShow,
  listShowRecords,
  type ShowFields,
  showViewOf,
  updateShow,
} from '../../../catalog/editor/shows.ts';
import type { AppEnv } from '../../../deps.ts';
import type { FieldErrors } from '../../../studio/form/field-errors.ts';
import type { FormValues } from '../../../studio/form/form-values.ts';
import { validateForm } from '../../../studio/form/validate.ts';
import {
  NEW_SHOW_VALUES,
  SHOW_LABELS,
  showFormValues,
  showInputFrom,
} from '../../../studio/forms/show-form.ts';
import { ShowEditor } from '../../../studio/screens/show-editor.tsx';
import { ShowList } from '../../../studio/screens/show-list.tsx';
import { ShowInput, ShowPatch } from '../../api/schemas.ts';
import { redirectDone } from '../render.tsx';
import { deleteScreen } from './delete-screen.tsx';
import { editRefused, type RefusedEdit } from './edit-refused.tsx';
import { postedFile } from './posted-file.ts';
import {
  changed,
  csrfOf,
  formOf,
  idParam,
  ifMatchOf,
  mayPublish,
  type ScreenStatus,
  screen,
  studioContext,
  studioUploadContext,
} from './screen.tsx';
import { showScreen } from './show-screen.tsx';
import { actionRefused, writeRefused } from './write-outcome.ts';

const newScreen = (c: Context<AppEnv>, values: FormValues, errors: FieldErrors = {}, status?: ScreenStatus) =>
  screen(
    c,
    { title: 'New show', current: 'shows', status },
    <ShowEditor values={values} errors={errors} csrf={csrfOf(c)} />,
  );

export function showRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/shows', async (c) => {
    const ctx = studioContext(c);
    const shows = (await listShowRecords(ctx)).map((r) => showViewOf(ctx, r));
    return screen(
      c,
      { title: 'Shows', current: 'shows' },
      <ShowList shows={shows} mayCreate={mayPublish(c)} />,
    );
  });

  routes.get('/shows/new', (c) => newScreen(c, NEW_SHOW_VALUES));

  routes.post('/shows', async (c) => {
    const { values } = await formOf(c);
    const { input, problems } = showInputFrom(values, 'create');
    const valid = validateForm(ShowInput, input, problems);
    if (!valid.ok) return newScreen(c, values, valid.errors, 400);
    try {
      const record = await createShow(studioContext(c), valid.data as ShowFields);
      await changed(c, { shows: [record.show.id], news: true });
      return redirectDone(c, `/shows/${record.show.id}`, 'show-created');
    } catch (error) {
      const refused = writeRefused(error);
      return newScreen(c, values, refused.errors, refused.status);
    }
  });

  routes.get('/shows/:id', (c) => showScreen(c, idParam(c)));

  routes.post('/shows/:id', async (c) => {
    const id = idParam(c);
    const { values } = await formOf(c);
    const { input, cleared, problems } = showInputFrom(values, 'edit');
    const valid = validateForm(ShowPatch, input, problems);
    if (!valid.ok) return showScreen(c, id, { values, errors: valid.errors, status: 400 });
    // Optional fields left empty are cleared (the API's patch can only omit them).
    const patch = {
      ...valid.data,
      ...Object.fromEntries(cleared.map((f) => [f, null])),
    } as Partial<ShowFields>;
    const ctx = studioContext(c);
    try {
      await updateShow(ctx, id, patch, ifMatchOf(values));
    } catch (error) {
      const again = (refused: RefusedEdit) => showScreen(c, id, { values, ...refused });
      return editRefused(c, error, values, again, async () => {
        const theirs = showViewOf(ctx, await getShow(ctx, id));
        return {
          entity: 'show',
          id,
          labels: SHOW_LABELS,
          fields: Object.keys(SHOW_LABELS).filter((f) => f !== 'artwork'),
          checkboxes: ['explicit', 'locked', 'complete', 'block'],
          theirs: showFormValues(theirs),
          updatedAt: theirs.updatedAt,
        };
      });
    }
    await changed(c, { shows: [id], news: true });
    return redirectDone(c, `/shows/${id}`, 'saved');
  });

  routes.post('/shows/:id/artwork', async (c) => {
    const id = idParam(c);
    const { values, form } = await formOf(c);
    const upload = postedFile(form);
    if (!upload) {
      return showScreen(c, id, { artworkErrors: { file: ['Choose an image file.'] }, status: 400 });
    }
    try {
      await attachShowArtwork(studioUploadContext(c), id, upload, ifMatchOf(values));
    } catch (error) {
      const refused = actionRefused(error);
      return showScreen(c, id, { artworkErrors: { file: [refused.message] }, status: refused.status });
    }
    await changed(c, { shows: [id], news: true });
    return redirectDone(c, `/shows/${id}`, 'uploaded');
  });

  const confirmScreen = async (c: Context<AppEnv>, id: number, blocked?: string, status?: ScreenStatus) => {
    const ctx = studioContext(c);
    const view = showViewOf(ctx, await getShow(ctx, id));
    return deleteScreen(c, {
      current: 'shows',
      noun: 'show',
      id,
      title: view.title,
      view,
      goneUrls: [],
      notes: [
        'Only a show without episodes can be deleted: delete its episodes first (their addresses then answer 410).',
        `Its page and feed (${view.feedUrl}) will answer 404 Not Found.`,
      ],
      blocked,
      status,
    });
  };

  routes.get('/shows/:id/delete', (c) => {
    return confirmScreen(c, idParam(c));
  });

  routes.post('/shows/:id/delete', async (c) => {
    const id = idParam(c);
    const { values } = await formOf(c);
    try {
      await deleteShow(studioContext(c), id, ifMatchOf(values));
    } catch (error) {
      const refused = actionRefused(error);
      return confirmScreen(c, id, refused.message, refused.status);
    }
    await changed(c, { shows: [id], news: true });
    return redirectDone(c, '/shows', 'deleted');
  });

  return routes;
}
