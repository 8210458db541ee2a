/** @jsxImportSource hono/jsx */
// /studio/sections: list in navigation order (Move up / Move down), create, edit (If-Match), delete with confirmation.
import { type Context, Hono } from 'hono';
import type { Child } from 'hono/jsx';
import {
  createSection,
  deleteSection,
  getSection,
  listSectionRecords,
  updateSection,
} from '../../../catalog/editor/sections.ts';
import { sectionView } from '../../../catalog/editor/views.ts';
import type { AppEnv } from '../../../deps.ts';
import type { FieldErrors } from '../../../studio/form/field-errors.ts';
import type { FormValues } from '../../../studio/form/form-values.ts';
import { validateForm } from '../../../studio/form/validate.ts';
import { SECTION_LABELS, sectionFormValues, sectionInputFrom } from '../../../studio/forms/section-form.ts';
import { SectionForm, SectionList } from '../../../studio/screens/section-screens.tsx';
import { SectionInput, SectionPatch } from '../../api/schemas.ts';
import { redirectDone } from '../render.tsx';
import { deleteScreen } from './delete-screen.tsx';
import { editRefused, type RefusedEdit } from './edit-refused.tsx';
import {
  changed,
  csrfOf,
  etagOf,
  formOf,
  idParam,
  ifMatchOf,
  type ScreenStatus,
  screen,
  studioContext,
  wantsJson,
} from './screen.tsx';
import { actionRefused, NEWS, reorderedIds, writeRefused } from './write-outcome.ts';

type SectionViewModel = ReturnType<typeof sectionView>;

async function formScreen(
  c: Context<AppEnv>,
  state: {
    section?: SectionViewModel;
    values: FormValues;
    errors: FieldErrors;
    status?: ScreenStatus;
    conflict?: Child;
  },
) {
  const { section } = state;
  return screen(
    c,
    {
      title: section ? `Section: ${section.name}` : 'New section',
      current: 'sections',
      status: state.status,
    },
    <SectionForm
      section={section}
      etag={section ? await etagOf(section) : undefined}
      values={state.values}
      errors={state.errors}
      csrf={csrfOf(c)}
      conflict={state.conflict}
    />,
  );
}

export function sectionRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const viewOf = async (c: Context<AppEnv>, id: number) =>
    sectionView(c.var.deps.config.baseUrl, await getSection(studioContext(c), id));

  routes.get('/sections', async (c) => {
    const ctx = studioContext(c);
    const sections = (await listSectionRecords(ctx)).map((s) => sectionView(ctx.baseUrl, s));
    return screen(
      c,
      { title: 'Sections', current: 'sections' },
      <SectionList sections={sections} csrf={csrfOf(c)} />,
    );
  });

  routes.get('/sections/new', (c) => formScreen(c, { values: {}, errors: {} }));

  routes.post('/sections', async (c) => {
    const { values } = await formOf(c);
    const { input, problems } = sectionInputFrom(values, 'create');
    const ctx = studioContext(c);
    if (input.position === undefined) {
      const all = await listSectionRecords(ctx);
      input.position = Math.min(10_000, Math.max(-1, ...all.map((s) => s.position)) + 1);
    }
    const valid = validateForm(SectionInput, input, problems);
    if (!valid.ok) return formScreen(c, { values, errors: valid.errors, status: 400 });
    try {
      const section = await createSection(ctx, valid.data);
      await changed(c, NEWS);
      return redirectDone(c, `/sections/${section.id}`, 'created');
    } catch (error) {
      const refused = writeRefused(error);
      return formScreen(c, { values, errors: refused.errors, status: refused.status });
    }
  });

  routes.post('/sections/reorder', async (c) => {
    const { values } = await formOf(c);
    const ctx = studioContext(c);
    const current = await listSectionRecords(ctx);
    const order = reorderedIds(
      current.map((s) => s.id),
      values,
    );
    // Positions 0, 1, 2… in the new order; only the sections whose position changes are written.
    for (const [position, id] of order.entries()) {
      const section = current.find((s) => s.id === id);
      if (section && section.position !== position) await updateSection(ctx, id, { position });
    }
    await changed(c, NEWS);
    if (wantsJson(c)) return c.json({ order });
    return redirectDone(c, '/sections', 'reordered');
  });

  routes.get('/sections/:id', async (c) => {
    const section = await viewOf(c, idParam(c));
    return formScreen(c, { section, values: sectionFormValues(section), errors: {} });
  });

  routes.post('/sections/:id', async (c) => {
    const id = idParam(c);
    const { values } = await formOf(c);
    const { input, problems } = sectionInputFrom(values, 'edit');
    const valid = validateForm(SectionPatch, input, problems);
    const before = await viewOf(c, id);
    if (!valid.ok) return formScreen(c, { section: before, values, errors: valid.errors, status: 400 });
    try {
      await updateSection(studioContext(c), id, valid.data, ifMatchOf(values));
      await changed(c, NEWS);
      return redirectDone(c, `/sections/${id}`, 'saved');
    } catch (error) {
      const again = (refused: RefusedEdit) =>
        formScreen(c, { section: before, values, errors: {}, ...refused });
      return editRefused(c, error, values, again, async () => ({
        entity: 'section',
        id,
        labels: SECTION_LABELS,
        theirs: sectionFormValues(before),
        updatedAt: before.updatedAt,
      }));
    }
  });

  const confirmScreen = async (c: Context<AppEnv>, id: number, blocked?: string, status?: ScreenStatus) => {
    const section = await viewOf(c, id);
    return deleteScreen(c, {
      current: 'sections',
      noun: 'section',
      id,
      title: section.name,
      view: section,
      goneUrls: [],
      notes: ['Its page and feeds will answer 404 Not Found; a section with articles cannot be deleted.'],
      blocked,
      status,
    });
  };

  routes.get('/sections/:id/delete', (c) => confirmScreen(c, idParam(c)));

  routes.post('/sections/:id/delete', async (c) => {
    const id = idParam(c);
    const { values } = await formOf(c);
    try {
      await deleteSection(studioContext(c), id, ifMatchOf(values));
    } catch (error) {
      const refused = actionRefused(error);
      return confirmScreen(c, id, refused.message, refused.status);
    }
    await changed(c, NEWS);
    return redirectDone(c, '/sections', 'deleted');
  });

  return routes;
}
