// /api/v1/shows/{id}/live-items and /api/v1/live-items/{id}: a show's live streams (podcast:liveItem), pending → live → ended.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  createLiveItem,
  deleteLiveItem,
  getLiveItem,
  type LiveItemPatch as LiveItemChange,
  type LiveItemFields,
  type LiveItemRecord,
  listLiveItems,
  liveItemView,
  updateLiveItem,
} from '../../catalog/editor/live-items.ts';
import { oweLiveNotice } from '../../catalog/push/live-notices.ts';
import type { PingReason } from '../../catalog/push/ping-targets.ts';
import type { AppEnv } from '../../deps.ts';
import { LiveItemInput, LiveItemPatch, LiveItemView } from './live-item-schemas.ts';
import {
  apiRouter,
  BEARER,
  changed,
  editorContext,
  json,
  jsonBody,
  READ_PROBLEMS,
  tagRecord,
  WRITE_PROBLEMS,
  writeCondition,
  written,
} from './openapi-helpers.ts';
import { IdParam } from './schemas.ts';

const tags = ['Live items'];

const date = (text: string | null | undefined) =>
  text === undefined ? undefined : text === null ? null : new Date(text);

/** The API's ISO times as the use case's Dates (absent stays absent, null stays null). */
function timesOf<T extends { startAt?: string; endAt?: string | null }>(body: T) {
  const { startAt, endAt, ...rest } = body;
  return {
    ...rest,
    ...(startAt === undefined ? {} : { startAt: new Date(startAt) }),
    ...(endAt === undefined ? {} : { endAt: date(endAt) }),
  };
}

/**
 * The podcast feed is rendered again (live items go out in it); a move to live or ended also owes a
 * Podping with that reason, recorded once the new feed is stored.
 */
export function liveItemChanged(c: Context<AppEnv>, record: LiveItemRecord, reason?: PingReason) {
  const { db, config } = c.var.deps;
  const notices =
    reason === 'live' || reason === 'liveEnd'
      ? () =>
          oweLiveNotice(
            { db, config, now: c.var.deps.now() },
            record.showSlug,
            reason,
            `live-item ${record.item.id} v${record.item.version}`,
          )
      : undefined;
  return changed(c, { shows: [record.item.showId], news: false }, notices);
}

export function liveItemsApi() {
  const api = apiRouter();

  api.openapi(
    createRoute({
      method: 'get',
      path: '/shows/{id}/live-items',
      tags,
      summary: "List a show's live items, soonest start first",
      request: { params: IdParam },
      responses: {
        200: json(z.object({ items: z.array(LiveItemView) }), 'Its live items.'),
        ...READ_PROBLEMS,
      },
    }),
    async (c) => {
      const items = await listLiveItems(editorContext(c), c.req.valid('param').id);
      return c.json({ items: items.map(liveItemView) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/shows/{id}/live-items',
      tags,
      summary: 'Plan a live stream (it starts as pending; the feed lists it at once)',
      security: BEARER,
      request: { params: IdParam, ...jsonBody(LiveItemInput) },
      responses: { 201: json(LiveItemView, 'Created.'), ...WRITE_PROBLEMS },
    }),
    async (c) => {
      const record = await createLiveItem(
        editorContext(c),
        c.req.valid('param').id,
        timesOf(c.req.valid('json')) as LiveItemFields,
      );
      await liveItemChanged(c, record);
      const body = liveItemView(record.item);
      await tagRecord(c, body);
      return c.json(body, 201);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/live-items/{id}',
      tags,
      summary: 'Read a live item',
      request: { params: IdParam },
      responses: { 200: json(LiveItemView, 'The live item.'), ...READ_PROBLEMS },
    }),
    async (c) => {
      const body = liveItemView((await getLiveItem(editorContext(c), c.req.valid('param').id)).item);
      if ((await tagRecord(c, body)) === 'not-modified') return c.body(null, 304);
      return c.json(body, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'patch',
      path: '/live-items/{id}',
      tags,
      summary:
        'Edit a live item or move its status: live sends Podping reason=live, ended reason=liveEnd (never back)',
      security: BEARER,
      request: { params: IdParam, ...jsonBody(LiveItemPatch) },
      responses: { 200: json(LiveItemView, 'Updated.'), ...WRITE_PROBLEMS },
    }),
    async (c) => {
      const { record, reason } = await updateLiveItem(
        editorContext(c),
        c.req.valid('param').id,
        timesOf(c.req.valid('json')) as LiveItemChange,
        writeCondition(c),
      );
      await liveItemChanged(c, record, reason);
      return written(c, liveItemView(record.item));
    },
  );

  api.openapi(
    createRoute({
      method: 'delete',
      path: '/live-items/{id}',
      tags,
      summary: 'Delete a live item (it leaves the feed)',
      security: BEARER,
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted.' }, ...WRITE_PROBLEMS },
    }),
    async (c) => {
      const { showId } = await deleteLiveItem(editorContext(c), c.req.valid('param').id, writeCondition(c));
      await changed(c, { shows: [showId], news: false });
      return c.body(null, 204);
    },
  );

  return api;
}
