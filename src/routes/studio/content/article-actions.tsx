/** @jsxImportSource hono/jsx */
// The article's other forms: publish now or schedule, unpublish, pair and reorder episodes, upload the image, delete after confirming.
import { type Context, Hono } from 'hono';
import {
  articleGonePaths,
  articleViewOf,
  attachArticleImage,
  deleteArticle,
  getArticle,
  pairEpisodes,
  publishArticle,
  unpublishArticle,
} from '../../../catalog/editor/articles.ts';
import type { AppEnv } from '../../../deps.ts';
import { sitePath } from '../../../http/studio-session.ts';
import { publicationRequestOf } from '../../../studio/forms/publication-form.ts';
import { redirectDone } from '../render.tsx';
import { articleScreen } from './article-screen.tsx';
import { deleteScreen } from './delete-screen.tsx';
import { postedFile } from './posted-file.ts';
import {
  changed,
  etagOf,
  formOf,
  idParam,
  ifMatchOf,
  screenAccess,
  studioContext,
  studioUploadContext,
  timeZoneOf,
  wantsJson,
} from './screen.tsx';
import { actionRefused, NEWS, reorderedIds } from './write-outcome.ts';

export function articleActionRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.post('/articles/:id/publish', async (c) => {
    const id = idParam(c);
    const { values } = await formOf(c);
    const ctx = studioContext(c);
    const request = publicationRequestOf(values, timeZoneOf(c), ctx.now);
    if (!request.ok)
      return articleScreen(c, id, {
        at: String(values.at ?? ''),
        publishErrors: request.errors,
        status: 400,
      });
    try {
      await publishArticle(ctx, id, request.at, ifMatchOf(values));
    } catch (error) {
      const refused = actionRefused(error);
      return articleScreen(c, id, { refusal: refused.message, status: refused.status });
    }
    await changed(c, NEWS);
    return redirectDone(c, `/articles/${id}`, request.done);
  });

  routes.post('/articles/:id/unpublish', async (c) => {
    const id = idParam(c);
    const { values } = await formOf(c);
    try {
      await unpublishArticle(studioContext(c), id, ifMatchOf(values));
    } catch (error) {
      const refused = actionRefused(error);
      return articleScreen(c, id, { refusal: refused.message, status: refused.status });
    }
    await changed(c, NEWS);
    return redirectDone(c, `/articles/${id}`, 'unpublished');
  });

  // Move up / Move down / Remove / Add: one pairing write with If-Match; JSON for the script.
  routes.post('/articles/:id/episodes', async (c) => {
    const id = idParam(c);
    const { values } = await formOf(c);
    const ctx = studioContext(c);
    const current = await getArticle(ctx, id);
    const order = reorderedIds(current.episodeIds, values);
    try {
      const record = await pairEpisodes(ctx, id, order, ifMatchOf(values));
      await changed(c, NEWS);
      if (wantsJson(c))
        return c.json({ order: record.episodeIds, etag: await etagOf(articleViewOf(ctx, record)) });
    } catch (error) {
      const refused = actionRefused(error);
      if (wantsJson(c)) return c.json({ error: refused.message }, refused.status);
      return articleScreen(c, id, { pairingError: refused.message, status: refused.status });
    }
    // Back to the list, the moved item in view (and focused again by the script); the fragment follows the query.
    const [action, moved] = String(values.move ?? '').split(':');
    const fragment =
      (action === 'up' || action === 'down') && /^\d+$/.test(moved ?? '') ? `paired-${moved}` : 'pairing';
    return c.redirect(`${sitePath(c)}/studio/articles/${id}?done=paired#${fragment}`, 303);
  });

  routes.post('/articles/:id/image', async (c) => {
    const id = idParam(c);
    const { values, form } = await formOf(c);
    const upload = postedFile(form);
    if (!upload) {
      return articleScreen(c, id, { imageErrors: { file: ['Choose an image file.'] }, status: 400 });
    }
    try {
      await attachArticleImage(studioUploadContext(c), id, upload, ifMatchOf(values));
    } catch (error) {
      const refused = actionRefused(error);
      return articleScreen(c, id, { imageErrors: { file: [refused.message] }, status: refused.status });
    }
    await changed(c, NEWS);
    return redirectDone(c, `/articles/${id}`, 'uploaded');
  });

  const confirmScreen = async (
    c: Context<AppEnv>,
    id: number,
    blocked?: string,
    status?: 409 | 412 | 403,
  ) => {
    const ctx = studioContext(c);
    const record = await getArticle(ctx, id);
    // Another person's draft: 403 for a contributor; a published item: the reason, no button.
    const readOnly = screenAccess(c, record.article, `article ${id}`) === 'read';
    const view = articleViewOf(ctx, record);
    return deleteScreen(c, {
      current: 'articles',
      noun: 'article',
      id,
      title: view.headline,
      view,
      goneUrls: articleGonePaths(record).map((path) => `${ctx.baseUrl}${path}`),
      notes: record.image ? ['Its image is removed too, unless something else uses it.'] : [],
      readOnly,
      blocked,
      status,
    });
  };

  routes.get('/articles/:id/delete', (c) => {
    return confirmScreen(c, idParam(c));
  });

  routes.post('/articles/:id/delete', async (c) => {
    const id = idParam(c);
    const { values } = await formOf(c);
    try {
      await deleteArticle(studioContext(c), id, ifMatchOf(values));
    } catch (error) {
      const refused = actionRefused(error);
      return confirmScreen(c, id, refused.message, refused.status === 412 ? 412 : 409);
    }
    await changed(c, NEWS);
    return redirectDone(c, '/articles', 'deleted');
  });

  return routes;
}
