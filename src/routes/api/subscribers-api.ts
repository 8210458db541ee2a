// /api/v1/shows/{id}/subscribers: private feeds of a show: add one (its URL shown once), list with counts, revoke.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  addSubscriber,
  listSubscribers,
  revokeSubscriber,
  type SubscriberContext,
} from '../../catalog/subscribers/manage-subscribers.ts';
import type { AppEnv } from '../../deps.ts';
import {
  apiRouter,
  BEARER,
  editorContext,
  json,
  jsonBody,
  READ_PROBLEMS,
  WRITE_PROBLEMS,
} from './openapi-helpers.ts';
import { decimalId, text } from './schema-kit.ts';
import { IdParam } from './schemas.ts';

const tags = ['Subscribers'];

const SubscriberInput = z
  .strictObject({
    name: text(200).min(1).openapi({ example: 'Ada Lovelace' }),
    email: z.email().max(320).openapi({ example: 'ada@example.com' }),
  })
  .openapi('SubscriberInput');

const SubscriberView = z
  .object({
    id: z.number().int(),
    showId: z.number().int(),
    name: z.string(),
    email: z.string(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
    networksToday: z
      .number()
      .int()
      .openapi({ description: 'Networks (IPv4 /24, IPv6 /48) that used the token today (UTC).' }),
    downloads: z
      .number()
      .int()
      .openapi({ description: 'Audio downloads in the last 30 days (requests from the first byte).' }),
    feedFetches: z.number().int().openapi({ description: 'Feed fetches in the last 30 days.' }),
    sharedWarning: z
      .boolean()
      .openapi({ description: 'More networks today than SUBSCRIBER_MAX_NETWORKS: probably a shared link.' }),
  })
  .openapi('Subscriber');

const Created = z
  .object({
    id: z.number().int(),
    feedUrl: z
      .string()
      .openapi({ description: 'The private feed URL. Shown this once: only a hash of its token is kept.' }),
    subscriber: SubscriberView,
  })
  .openapi('SubscriberCreated');

const SubscriberParams = z.object({
  id: decimalId().openapi({ param: { name: 'id', in: 'path' }, example: '1' }),
  sid: decimalId().openapi({ param: { name: 'sid', in: 'path' }, example: '7' }),
});

export function subscriberContext(c: Context<AppEnv>): SubscriberContext {
  return {
    ...editorContext(c),
    hashToken: c.var.runtime.hashToken,
    maxNetworks: c.var.deps.config.subscriberMaxNetworks,
  };
}

/** Never cached anywhere: the list changes with every request to a private feed. */
const NO_STORE = { 'cache-control': 'private, no-store' } as const;

export function subscribersApi() {
  const api = apiRouter();

  api.openapi(
    createRoute({
      method: 'post',
      path: '/shows/{id}/subscribers',
      tags,
      summary: 'Add a subscriber: a private feed URL with its own token (at least 128 random bits)',
      security: BEARER,
      request: { params: IdParam, ...jsonBody(SubscriberInput) },
      responses: { 201: json(Created, 'Created; the feed URL is in no other answer.'), ...WRITE_PROBLEMS },
    }),
    async (c) => {
      const { subscriber, feedUrl } = await addSubscriber(
        subscriberContext(c),
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      return c.json({ id: subscriber.id, feedUrl, subscriber }, 201, NO_STORE);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/shows/{id}/subscribers',
      tags,
      summary: 'List a show’s subscribers with their counts (never their tokens)',
      security: BEARER,
      request: { params: IdParam },
      responses: {
        200: json(z.object({ items: z.array(SubscriberView) }), 'Newest first.'),
        ...READ_PROBLEMS,
      },
    }),
    async (c) =>
      c.json({ items: await listSubscribers(subscriberContext(c), c.req.valid('param').id) }, 200, NO_STORE),
  );

  api.openapi(
    createRoute({
      method: 'delete',
      path: '/shows/{id}/subscribers/{sid}',
      tags,
      summary: 'Revoke a subscriber: the next request with their token answers 404',
      security: BEARER,
      request: { params: SubscriberParams },
      responses: { 204: { description: 'Revoked (or already).' }, ...WRITE_PROBLEMS },
    }),
    async (c) => {
      const { id, sid } = c.req.valid('param');
      await revokeSubscriber(subscriberContext(c), id, sid);
      return c.body(null, 204);
    },
  );

  return api;
}
