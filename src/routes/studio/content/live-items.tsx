/** @jsxImportSource hono/jsx */
// /studio: plan a show's live stream, take it live, end it, delete it (the show screen's live streams panel).
import { Hono } from 'hono';
import {
  createLiveItem,
  deleteLiveItem,
  getLiveItem,
  type LiveItemFields,
  updateLiveItem,
} from '../../../catalog/editor/live-items.ts';
import type { AppEnv } from '../../../deps.ts';
import { firstValue } from '../../../studio/form/form-values.ts';
import { liveItemInputFrom } from '../../../studio/forms/live-item-form.ts';
import { liveItemChanged } from '../../api/live-items-api.ts';
import { redirectDone } from '../render.tsx';
import { changed, formOf, idParam, ifMatchOf, studioContext, timeZoneOf } from './screen.tsx';
import { showScreen } from './show-screen.tsx';
import { actionRefused } from './write-outcome.ts';

export function liveItemRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.post('/shows/:id/live-items', async (c) => {
    const showId = idParam(c);
    const { values } = await formOf(c);
    const valid = liveItemInputFrom(values, timeZoneOf(c));
    if (!valid.ok) return showScreen(c, showId, { live: { values, errors: valid.errors }, status: 400 });
    const data = valid.data as LiveItemFields & { startAt: string; endAt?: string };
    try {
      const record = await createLiveItem(studioContext(c), showId, {
        ...data,
        startAt: new Date(data.startAt),
        endAt: data.endAt ? new Date(data.endAt) : undefined,
      });
      await liveItemChanged(c, record);
    } catch (error) {
      const refused = actionRefused(error);
      return showScreen(c, showId, {
        live: { values, errors: { title: [refused.message] } },
        status: refused.status,
      });
    }
    return redirectDone(c, `/shows/${showId}`, 'live-planned', 'live-panel');
  });

  routes.post('/live-items/:id/status', async (c) => {
    const id = idParam(c);
    const { values } = await formOf(c);
    const status = firstValue(values, 'status');
    const ctx = studioContext(c);
    const { item } = await getLiveItem(ctx, id);
    if (status !== 'live' && status !== 'ended') {
      return showScreen(c, item.showId, { liveRefusal: 'Choose Go live or End.', status: 400 });
    }
    try {
      const { record, reason } = await updateLiveItem(ctx, id, { status }, ifMatchOf(values));
      await liveItemChanged(c, record, reason);
    } catch (error) {
      const refused = actionRefused(error);
      return showScreen(c, item.showId, { liveRefusal: refused.message, status: refused.status });
    }
    return redirectDone(
      c,
      `/shows/${item.showId}`,
      status === 'live' ? 'live-live' : 'live-ended',
      'live-panel',
    );
  });

  routes.post('/live-items/:id/delete', async (c) => {
    const id = idParam(c);
    const { values } = await formOf(c);
    const ctx = studioContext(c);
    const { item } = await getLiveItem(ctx, id);
    try {
      await deleteLiveItem(ctx, id, ifMatchOf(values));
    } catch (error) {
      const refused = actionRefused(error);
      return showScreen(c, item.showId, { liveRefusal: refused.message, status: refused.status });
    }
    await changed(c, { shows: [item.showId], news: false });
    return redirectDone(c, `/shows/${item.showId}`, 'deleted', 'live-panel');
  });

  return routes;
}
