/** @jsxImportSource hono/jsx */
// The episode's other forms: publish now or schedule, unpublish, upload audio / artwork / transcript, save chapters, delete after confirming.
import { type Context, Hono } from 'hono';
import { attachEpisodeFile } from '../../../catalog/editor/episode-files.ts';
import {
  deleteEpisode,
  episodeGonePaths,
  episodeViewOf,
  getEpisode,
  publishEpisode,
  unpublishEpisode,
} from '../../../catalog/editor/episodes.ts';
import type { AppEnv } from '../../../deps.ts';
import { firstValue } from '../../../studio/form/form-values.ts';
import { chaptersFromLines } from '../../../studio/forms/chapters-form.ts';
import { publicationRequestOf } from '../../../studio/forms/publication-form.ts';
import { redirectDone } from '../render.tsx';
import { deleteScreen } from './delete-screen.tsx';
import { type EpisodeFileField, episodeScreen } from './episode-screen.tsx';
import { postedFile } from './posted-file.ts';
import {
  changed,
  formOf,
  idParam,
  ifMatchOf,
  type ScreenStatus,
  screenAccess,
  studioContext,
  studioUploadContext,
  timeZoneOf,
} from './screen.tsx';
import { actionRefused } from './write-outcome.ts';

const FILE_FIELDS: readonly EpisodeFileField[] = ['audio', 'image', 'transcript'];

export function episodeActionRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const refreshed = (c: Context<AppEnv>, showId: number) => changed(c, { shows: [showId], news: true });

  routes.post('/episodes/:id/publish', async (c) => {
    const id = idParam(c);
    const { values } = await formOf(c);
    const ctx = studioContext(c);
    const request = publicationRequestOf(values, timeZoneOf(c), ctx.now);
    if (!request.ok)
      return episodeScreen(c, id, {
        at: firstValue(values, 'at'),
        publishErrors: request.errors,
        status: 400,
      });
    try {
      const record = await publishEpisode(ctx, id, request.at, ifMatchOf(values));
      await refreshed(c, record.episode.showId);
    } catch (error) {
      const refused = actionRefused(error);
      return episodeScreen(c, id, { refusal: refused.message, status: refused.status });
    }
    return redirectDone(c, `/episodes/${id}`, request.done);
  });

  routes.post('/episodes/:id/unpublish', async (c) => {
    const id = idParam(c);
    const { values } = await formOf(c);
    try {
      const record = await unpublishEpisode(studioContext(c), id, ifMatchOf(values));
      await refreshed(c, record.episode.showId);
    } catch (error) {
      const refused = actionRefused(error);
      return episodeScreen(c, id, { refusal: refused.message, status: refused.status });
    }
    return redirectDone(c, `/episodes/${id}`, 'unpublished');
  });

  // The file posted as is (no script): audio, artwork or transcript. Not what it should be: the
  // message beside the field, and nothing stored (storeUpload removes what it wrote).
  for (const field of FILE_FIELDS) {
    routes.post(`/episodes/:id/${field}`, async (c) => {
      const id = idParam(c);
      const { values, form } = await formOf(c);
      const upload = postedFile(form);
      if (!upload) {
        return episodeScreen(c, id, {
          fileErrors: { field, errors: { file: ['Choose a file.'] } },
          status: 400,
        });
      }
      try {
        const { record } = await attachEpisodeFile(
          studioUploadContext(c),
          id,
          field,
          upload,
          ifMatchOf(values),
        );
        await refreshed(c, record.episode.showId);
      } catch (error) {
        const refused = actionRefused(error);
        return episodeScreen(c, id, {
          fileErrors: { field, errors: { file: [refused.message] } },
          status: refused.status,
        });
      }
      return redirectDone(c, `/episodes/${id}`, 'uploaded');
    });
  }

  routes.post('/episodes/:id/chapters', async (c) => {
    const id = idParam(c);
    const { values } = await formOf(c);
    const lines = firstValue(values, 'chapters');
    const parsed = chaptersFromLines(lines);
    if (!parsed.ok) return episodeScreen(c, id, { chapters: { lines, errors: parsed.errors }, status: 400 });
    const bytes = new TextEncoder().encode(JSON.stringify(parsed.document));
    try {
      const { record } = await attachEpisodeFile(
        studioUploadContext(c),
        id,
        'chapters',
        { body: new Blob([bytes]).stream(), declaredLength: bytes.byteLength },
        ifMatchOf(values),
      );
      await refreshed(c, record.episode.showId);
    } catch (error) {
      const refused = actionRefused(error);
      return episodeScreen(c, id, {
        chapters: { lines, errors: { chapters: [refused.message] } },
        status: refused.status,
      });
    }
    return redirectDone(c, `/episodes/${id}`, 'saved');
  });

  const confirmScreen = async (c: Context<AppEnv>, id: number, blocked?: string, status?: ScreenStatus) => {
    const ctx = studioContext(c);
    const record = await getEpisode(ctx, id);
    // Another person's draft: 403 for a contributor; a published item: the reason, no button.
    const readOnly = screenAccess(c, record.episode, `episode ${id}`) === 'read';
    const view = episodeViewOf(ctx, record);
    return deleteScreen(c, {
      current: 'episodes',
      noun: 'episode',
      id,
      title: view.title,
      view,
      goneUrls: episodeGonePaths(record).map((path) => `${ctx.baseUrl}${path}`),
      notes: [
        'Its files are removed, unless something else uses them.',
        'Articles that carry it stop playing it.',
      ],
      readOnly,
      blocked,
      status,
    });
  };

  routes.get('/episodes/:id/delete', (c) => {
    return confirmScreen(c, idParam(c));
  });

  routes.post('/episodes/:id/delete', async (c) => {
    const id = idParam(c);
    const { values } = await formOf(c);
    let showId: number;
    try {
      ({ showId } = await deleteEpisode(
        { ...studioContext(c), media: c.var.deps.media },
        id,
        ifMatchOf(values),
      ));
    } catch (error) {
      const refused = actionRefused(error);
      return confirmScreen(c, id, refused.message, refused.status);
    }
    await refreshed(c, showId);
    return redirectDone(c, '/episodes', 'deleted');
  });

  return routes;
}
