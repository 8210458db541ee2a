// The imports API's request and response shapes (zod), for validation and the OpenAPI document.
import { z } from '@hono/zod-openapi';
import { xmlString } from './schema-kit.ts';

export const ImportInput = z
  .strictObject({
    url: xmlString()
      .max(2000)
      .refine(
        (v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol),
        'must be an absolute http(s) URL',
      )
      .openapi({ example: 'https://old-host.example/feed.xml' }),
    showSlug: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,199}$/, 'must be lower-case letters, digits and hyphens')
      .optional()
      .openapi({
        description:
          'Import into this show (made if missing); omitted: found by podcast:guid or an earlier import, else made.',
      }),
    ownerEmail: z
      .email()
      .optional()
      .openapi({ description: "For a podcast:locked feed: its owner's email (itunes:owner/itunes:email)." }),
    iOwnThisFeed: z
      .boolean()
      .optional()
      .openapi({ description: 'For a podcast:locked feed: you state that you own it.' }),
  })
  .openapi('ImportInput');

export const ImportJobView = z
  .object({
    id: z.number().int(),
    url: z.string().openapi({ description: 'This job, to GET.' }),
    source: z.string().openapi({ description: 'The address asked for.' }),
    feedUrl: z.string().nullable().openapi({
      description: 'Where the feed was read, after permanent redirects and itunes:new-feed-url.',
    }),
    status: z.enum(['queued', 'running', 'done', 'failed', 'refused']),
    show: z
      .object({ id: z.number().int(), slug: z.string(), title: z.string(), feedUrl: z.string() })
      .nullable(),
    showStatus: z.string().nullable(),
    progress: z.object({ total: z.number().int(), done: z.number().int() }),
    summary: z.object({
      new: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      failed: z.number().int(),
    }),
    failures: z.array(z.object({ guid: z.string(), title: z.string(), reason: z.string() })),
    warnings: z.array(z.string()),
    error: z.string().nullable().openapi({
      description: 'Why the import was refused or failed (the address and rule, for a refusal).',
    }),
    movingSteps: z
      .array(z.string())
      .openapi({ description: 'Once done: what to do at the old host to finish the move.' }),
    createdAt: z.string(),
    updatedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi('ImportJob');
