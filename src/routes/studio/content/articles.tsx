/** @jsxImportSource hono/jsx */
// /studio/articles: the list (by state), a new article, and saving the form with If-Match (a stale save shows both versions).
import { type Context, Hono } from 'hono';
import { articleViewOf, createArticle, getArticle, updateArticle } from '../../../catalog/editor/articles.ts';
import { listStudioArticles, STUDIO_STATES, type StudioState } from '../../../catalog/studio/listings.ts';
import type { AppEnv } from '../../../deps.ts';
import type { FieldErrors } from '../../../studio/form/field-errors.ts';
import { type FormValues, firstValue } from '../../../studio/form/form-values.ts';
import { validateForm } from '../../../studio/form/validate.ts';
import { ARTICLE_LABELS, articleFormValues, articleInputFrom } from '../../../studio/forms/article-form.ts';
import { ArticleEditor } from '../../../studio/screens/article-editor.tsx';
import { ContentList } from '../../../studio/screens/content-list.tsx';
import { ArticleInput, ArticlePatch } from '../../api/schemas.ts';
import { redirectDone } from '../render.tsx';
import { articleScreen, sectionChoices } from './article-screen.tsx';
import { editRefused, type RefusedEdit } from './edit-refused.tsx';
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
import { NEWS, writeRefused } from './write-outcome.ts';

export const LIST_PAGE_SIZE = 25;

/** `?state=` and `?page=` of a list: unknown values mean "all" and page 1. */
export function listQuery(query: (name: string) => string | undefined) {
  const stateText = query('state');
  const state = STUDIO_STATES.includes(stateText as StudioState) ? (stateText as StudioState) : undefined;
  const pageText = query('page') ?? '';
  const page = /^[1-9]\d{0,5}$/.test(pageText) ? Number(pageText) : 1;
  return { state, page };
}

export function articleRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/articles', async (c) => {
    const { state, page } = listQuery((n) => c.req.query(n));
    const { rows, total } = await listStudioArticles(studioContext(c), {
      state,
      limit: LIST_PAGE_SIZE,
      offset: (page - 1) * LIST_PAGE_SIZE,
    });
    return screen(
      c,
      { title: 'Articles', current: 'articles' },
      <ContentList
        kind="article"
        rows={rows}
        state={state}
        page={page}
        pages={Math.max(1, Math.ceil(total / LIST_PAGE_SIZE))}
        timeZone={timeZoneOf(c)}
      />,
    );
  });

  const newScreen = async (
    c: Context<AppEnv>,
    values: FormValues = {},
    errors: FieldErrors = {},
    status?: ScreenStatus,
  ) =>
    screen(
      c,
      { title: 'New article', current: 'articles', status },
      <ArticleEditor
        values={values}
        errors={errors}
        sanitizedBody={c.var.runtime.sanitize(firstValue(values, 'bodyHtml'))}
        sections={await sectionChoices(c)}
        csrf={csrfOf(c)}
      />,
    );

  routes.get('/articles/new', (c) => newScreen(c));

  routes.post('/articles', async (c) => {
    const { values } = await formOf(c);
    const { input, problems } = articleInputFrom(values, 'create');
    const valid = validateForm(ArticleInput, input, problems);
    if (!valid.ok) return newScreen(c, values, valid.errors, 400);
    try {
      const record = await createArticle(studioContext(c), valid.data);
      await changed(c, NEWS);
      return redirectDone(c, `/articles/${record.article.id}`, 'created');
    } catch (error) {
      const refused = writeRefused(error);
      return newScreen(c, values, refused.errors, refused.status);
    }
  });

  routes.get('/articles/:id', (c) => articleScreen(c, idParam(c)));

  routes.post('/articles/:id', async (c) => {
    const id = idParam(c);
    const { values } = await formOf(c);
    const { input, problems } = articleInputFrom(values, 'edit');
    const valid = validateForm(ArticlePatch, input, problems);
    if (!valid.ok) return articleScreen(c, id, { values, errors: valid.errors, status: 400 });
    const ctx = studioContext(c);
    try {
      await updateArticle(ctx, id, valid.data, ifMatchOf(values));
    } catch (error) {
      const again = (refused: RefusedEdit) => articleScreen(c, id, { values, ...refused });
      return editRefused(c, error, values, again, async () => {
        const theirs = articleViewOf(ctx, await getArticle(ctx, id));
        const formValues = articleFormValues(theirs);
        return {
          entity: 'article',
          id,
          labels: ARTICLE_LABELS,
          theirs: formValues,
          updatedAt: theirs.updatedAt,
        };
      });
    }
    await changed(c, NEWS);
    return redirectDone(c, `/articles/${id}`, 'saved');
  });

  return routes;
}
