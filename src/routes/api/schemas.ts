// The admin API's request and response shapes (zod), from which validation and the OpenAPI document come.
import { z } from '@hono/zod-openapi';
import { appleCategoryProblem } from '../../domain/apple-categories.ts';
import { EPISODE_TYPES, SHOW_ACCESS, SHOW_MEDIUMS, SHOW_TYPES } from '../../domain/vocabulary.ts';
import { decimalId, httpUrl, mergePatchOf, text, xmlString } from './schema-kit.ts';
import {
  episodeTagFields,
  License,
  Location,
  SocialInteractView,
  Soundbite,
  showTagFields,
} from './tag-schemas.ts';

const slug = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,199}$/,
    'must be lower-case letters, digits and hyphens, starting with a letter or digit',
  )
  .openapi({ example: 'tide-mill-turns-again' });
const dateTime = z.iso.datetime({ offset: true }).openapi({ example: '2026-11-26T09:00:00Z' });

export const IdParam = z.object({
  id: decimalId().openapi({ param: { name: 'id', in: 'path' }, example: '1' }),
});
export const ListQuery = z.object({
  page: z
    .string()
    .regex(/^[1-9]\d{0,5}$/, 'must be a whole number from 1, in decimal digits')
    .default('1')
    .transform(Number)
    .openapi({ param: { name: 'page', in: 'query' } }),
});

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

const author = z.strictObject({
  name: text(200).min(1),
  url: httpUrl.optional(),
  email: z.email().optional(),
});
const person = z.strictObject({
  name: text(200).min(1),
  role: text(100).optional(),
  group: text(100).optional(),
  url: httpUrl.optional(),
  imageUrl: httpUrl.optional(),
});
const category = z
  .strictObject({ category: text(200), subcategory: text(200).optional() })
  .superRefine((value, ctx) => {
    const problem = appleCategoryProblem(value.category, value.subcategory);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

// ---- sections
export const SectionInput = z
  .strictObject({
    slug,
    name: text(200).min(1),
    description: text(2000).default(''),
    position: z.number().int().min(0).max(10_000).default(0),
  })
  .openapi('SectionInput');
export const SectionPatch = mergePatchOf(SectionInput).openapi('SectionPatch');
export const SectionView = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    position: z.number().int(),
    url: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Section');

// ---- articles
export const ArticleInput = z
  .strictObject({
    slug,
    headline: text(500).min(1),
    standfirst: text(2000).default(''),
    bodyHtml: text(500_000).default(''),
    authors: z.array(author).max(20).default([]),
    sectionId: z.number().int().positive(),
    tags: z.array(text(100).min(1)).max(50).default([]),
    imageAlt: text(500).default(''),
  })
  .openapi('ArticleInput');
export const ArticlePatch = mergePatchOf(ArticleInput).openapi('ArticlePatch');
export const ArticleView = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    guid: z.string(),
    headline: z.string(),
    standfirst: z.string(),
    bodyHtml: z.string().openapi({ description: 'As written; pages and feeds show it sanitised.' }),
    authors: z.array(author),
    sectionId: z.number().int(),
    tags: z.array(z.string()),
    image: z
      .object({ url: z.string(), width: z.number().nullable(), height: z.number().nullable() })
      .nullable(),
    imageAlt: z.string(),
    status: z.enum(['draft', 'scheduled', 'published']),
    publishedAt: z.string().nullable(),
    episodeIds: z.array(z.number().int()).openapi({ description: 'Paired episodes, in order.' }),
    url: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Article');
export const PairingInput = z
  .strictObject({ episodeIds: z.array(z.number().int().positive()).max(50) })
  .openapi('Pairing', { description: 'The episodes the article carries, in the order shown.' });

// ---- publication
export const PublishInput = z
  .strictObject({
    at: dateTime.optional().openapi({
      description: 'When to publish: omitted or in the past publishes now; in the future schedules.',
    }),
  })
  .openapi('Publish');

// ---- shows
export const ShowInput = z
  .strictObject({
    slug,
    title: text(500).min(1),
    subtitle: text(500).default(''),
    description: xmlString()
      .min(1)
      .refine(
        (v) => new TextEncoder().encode(v).byteLength <= 4000,
        'must be at most 4000 bytes (Apple Podcasts)',
      ),
    language: z
      .string()
      .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en or en-GB'),
    link: httpUrl.optional(),
    author: text(500).min(1),
    ownerName: text(200).optional(),
    ownerEmail: z.email().optional(),
    categories: z.array(category).min(1).max(3),
    explicit: z.boolean().default(false),
    type: z.enum(SHOW_TYPES).default('episodic'),
    copyright: text(500).optional(),
    locked: z.boolean().default(false),
    funding: z
      .array(z.strictObject({ url: httpUrl, title: text(128).min(1) }))
      .max(10)
      .default([]),
    newFeedUrl: httpUrl.nullable().optional(),
    complete: z.boolean().default(false),
    block: z.boolean().default(false),
    access: z
      .enum(SHOW_ACCESS)
      .openapi({
        description:
          '`subscribers`: the public feed and the bare audio URLs answer 404 and pages show no players; ' +
          'only private subscriber feeds (POST /shows/{id}/subscribers) carry the audio.',
      })
      .default('public'),
    medium: z.enum(SHOW_MEDIUMS).default('podcast'),
    persons: z.array(person).max(50).default([]),
    txt: z
      .array(z.strictObject({ value: text(4000).min(1), purpose: text(128).optional() }))
      .max(10)
      .default([]),
    podroll: z
      .array(z.strictObject({ feedGuid: z.uuid(), feedUrl: httpUrl.optional() }))
      .max(50)
      .default([]),
    updateFrequency: z
      .strictObject({
        rrule: text(500).min(1),
        label: text(200).min(1),
        complete: z.boolean().optional(),
        dtstart: text(100).optional(),
      })
      .nullable()
      .optional(),
    ...showTagFields,
  })
  .openapi('ShowInput');
export const ShowPatch = mergePatchOf(ShowInput).openapi('ShowPatch');
export const ShowView = ShowInput.extend({
  id: z.number().int(),
  podcastGuid: z.string(),
  artwork: z
    .object({ url: z.string(), width: z.number().nullable(), height: z.number().nullable() })
    .nullable(),
  feedUrl: z.string(),
  url: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
}).openapi('Show');

// ---- episodes
export const EpisodeInput = z
  .strictObject({
    showId: z.number().int().positive(),
    slug,
    guid: text(500)
      .min(1)
      .optional()
      .openapi({ description: 'Kept forever once published; generated (urn:uuid) when omitted.' }),
    title: text(500).min(1),
    summary: text(4000).default(''),
    contentHtml: text(500_000).default(''),
    season: z.number().int().positive().nullable().optional(),
    number: z.number().int().positive().nullable().optional(),
    type: z.enum(EPISODE_TYPES).default('full'),
    explicit: z.boolean().nullable().optional(),
    block: z.boolean().default(false),
    persons: z.array(person).max(50).default([]),
    ...episodeTagFields,
  })
  .openapi('EpisodeInput');
export const EpisodePatch = mergePatchOf(EpisodeInput.omit({ showId: true })).openapi('EpisodePatch');
const assetView = z.object({
  id: z.number().int(),
  url: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
});
export const EpisodeView = z
  .object({
    id: z.number().int(),
    showId: z.number().int(),
    slug: z.string(),
    guid: z.string(),
    title: z.string(),
    summary: z.string(),
    contentHtml: z.string(),
    season: z.number().int().nullable(),
    number: z.number().int().nullable(),
    type: z.enum(EPISODE_TYPES),
    explicit: z.boolean().nullable(),
    block: z.boolean(),
    persons: z.array(person),
    soundbites: z.array(Soundbite),
    socialInteract: z.array(SocialInteractView),
    license: License.nullable(),
    location: Location.nullable(),
    status: z.enum(['draft', 'scheduled', 'published']),
    publishedAt: z.string().nullable(),
    audio: assetView
      .extend({
        durationSeconds: z.number(),
        durationText: z.string(),
        codec: z.string().nullable(),
        bitrate: z.number().nullable(),
      })
      .nullable(),
    image: assetView.nullable(),
    transcript: assetView.nullable(),
    chapters: assetView.nullable(),
    alternates: z.array(assetView.extend({ title: z.string() })),
    url: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Episode');

export const listOf = <T extends z.ZodType>(item: T, name: string) =>
  z
    .object({
      items: z.array(item),
      total: z.number().int(),
      page: z.number().int(),
      pageSize: z.number().int(),
    })
    .openapi(name);
