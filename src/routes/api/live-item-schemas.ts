// The admin API's shapes for live items (podcast:liveItem): plan one, move its status, read it.
import { z } from '@hono/zod-openapi';
import { LIVE_STATUSES } from '../../domain/vocabulary.ts';
import { httpUrl, mergePatchOf, text } from './schema-kit.ts';

const dateTime = z.iso.datetime({ offset: true }).openapi({ example: '2026-11-26T09:00:00Z' });

const liveItemFields = {
  guid: text(500)
    .min(1)
    .optional()
    .openapi({ description: 'Apps take a new GUID for a new stream; generated (urn:uuid) when omitted.' }),
  title: text(500).min(1),
  summary: text(4000).default(''),
  startAt: dateTime.openapi({ description: 'When the stream is meant to start.' }),
  endAt: dateTime.nullable().optional().openapi({ description: 'When it is meant to end: after startAt.' }),
  streamUrl: httpUrl.openapi({ description: 'The stream itself (podwire does not relay live audio).' }),
  streamType: z
    .string()
    .regex(
      /^[a-z]+\/[a-z0-9.+-]{1,100}$/i,
      'must be a media type such as audio/mpeg or application/x-mpegURL',
    )
    .default('audio/mpeg'),
  contentLink: httpUrl
    .nullable()
    .optional()
    .openapi({ description: 'A page where the stream plays in a browser; the show page when omitted.' }),
  chatUrl: httpUrl.nullable().optional(),
};

export const LiveItemInput = z
  .strictObject(liveItemFields)
  .superRefine((v, ctx) => {
    if (v.endAt && Date.parse(v.endAt) <= Date.parse(v.startAt)) {
      ctx.addIssue({ code: 'custom', path: ['endAt'], message: 'must be after startAt' });
    }
  })
  .openapi('LiveItemInput');

const { guid: _guid, ...editable } = liveItemFields;
export const LiveItemPatch = mergePatchOf(
  z.strictObject({
    ...editable,
    status: z.enum(LIVE_STATUSES).openapi({
      description:
        'pending → live → ended (or pending → ended); never back. live and ended send Podping notices.',
    }),
  }),
).openapi('LiveItemPatch');

export const LiveItemView = z
  .object({
    id: z.number().int(),
    showId: z.number().int(),
    guid: z.string(),
    title: z.string(),
    summary: z.string(),
    status: z.enum(LIVE_STATUSES),
    startAt: z.string(),
    endAt: z.string().nullable(),
    streamUrl: z.string(),
    streamType: z.string(),
    contentLink: z.string().nullable(),
    chatUrl: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('LiveItem');
