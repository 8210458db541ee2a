// The admin API's shapes for the Podcast Index tags apps read: soundbites, socialInteract, license, location, live items.
import { z } from '@hono/zod-openapi';
import {
  geoUriProblem,
  isCountryCode,
  LOCATION_RELS,
  OSM_ID,
  SOCIAL_PROTOCOLS,
  SOUNDBITE_MAX_SECONDS,
  SOUNDBITE_MIN_SECONDS,
  TAG_TEXT_MAX,
  wellKnownLicense,
} from '../../domain/podcast-tag-rules.ts';
import { httpUrl, text, xmlString } from './schema-kit.ts';

/** Schemes a listener's app must never be sent to, whatever the field. */
const UNSAFE_SCHEMES = /^(javascript|data|vbscript|file|blob):/i;

/** An absolute URI of any scheme apps follow (`https:`, `at:`, `nostr:`, `lightning:`…). */
const anyUri = xmlString()
  .max(2000)
  .refine(
    // at://did:plc:…/… is no WHATWG URL (a colon in its authority): only http(s) must parse as one.
    (v) =>
      /^[a-z][a-z0-9+.-]*:\S+$/i.test(v) &&
      !UNSAFE_SCHEMES.test(v) &&
      (!/^https?:/i.test(v) || URL.canParse(v)),
    'must be an absolute URI such as https://…, at://… or nostr:… (no spaces; not javascript: or data:)',
  );

export const Soundbite = z
  .strictObject({
    startSeconds: z.number().min(0).max(1_000_000),
    // A refinement, not min/max: its message (with the unit and the tag) reaches studio forms as written.
    durationSeconds: z
      .number()
      .refine(
        (v) => v >= SOUNDBITE_MIN_SECONDS && v <= SOUNDBITE_MAX_SECONDS,
        `must be from ${SOUNDBITE_MIN_SECONDS} to ${SOUNDBITE_MAX_SECONDS} seconds (podcast:soundbite)`,
      )
      .openapi({ minimum: SOUNDBITE_MIN_SECONDS, maximum: SOUNDBITE_MAX_SECONDS }),
    title: text(TAG_TEXT_MAX).optional(),
  })
  .openapi('Soundbite', {
    description: 'A 15–120 s moment of the audio apps may play as a preview; it must end within the audio.',
  });

export const SocialInteract = z
  .strictObject({
    protocol: z.enum(SOCIAL_PROTOCOLS),
    uri: anyUri.optional().openapi({ description: 'The root post of the discussion (not for `disabled`).' }),
    accountId: text(TAG_TEXT_MAX).min(1).optional(),
    accountUrl: httpUrl.optional(),
    priority: z.number().int().min(0).max(1000).optional(),
  })
  .superRefine((v, ctx) => {
    const extras = (['uri', 'accountId', 'accountUrl', 'priority'] as const).filter(
      (k) => v[k] !== undefined,
    );
    if (v.protocol === 'disabled' && extras.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: [extras[0] as string],
        message: 'must be absent: protocol disabled says comments are off and carries nothing else',
      });
    }
    if (v.protocol !== 'disabled' && v.uri === undefined) {
      ctx.addIssue({ code: 'custom', path: ['uri'], message: `is required for protocol ${v.protocol}` });
    }
  })
  .openapi('SocialInteract', { description: 'Where listeners discuss it (podcast:socialInteract).' });

/** As stored and shown: the protocol as written (the API accepts only SOCIAL_PROTOCOLS). */
export const SocialInteractView = z.object({
  protocol: z.string(),
  uri: z.string().optional(),
  accountId: z.string().optional(),
  accountUrl: z.string().optional(),
  priority: z.number().optional(),
});

export const SocialInteracts = z
  .array(SocialInteract)
  .max(10)
  .refine(
    (list) => list.length <= 1 || list.every((s) => s.protocol !== 'disabled'),
    'protocol disabled turns comments off: it cannot stand beside other entries',
  );

export const License = z
  .strictObject({
    name: text(TAG_TEXT_MAX).regex(/^\S(.*\S)?$/, 'must not be empty or start or end with spaces'),
    url: httpUrl.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.url === undefined && !wellKnownLicense(v.name)) {
      ctx.addIssue({
        code: 'custom',
        path: ['url'],
        message: `is required: "${v.name}" is no well-known licence identifier (such as CC-BY-4.0 or CC0-1.0), so give the URL of the licence text`,
      });
    }
  })
  .transform((v) => ({ ...v, name: wellKnownLicense(v.name) ?? v.name }))
  .openapi('License', {
    description:
      'podcast:license: a Creative Commons SPDX identifier (CC-BY-4.0, CC0-1.0…; url optional) or any licence name with the url of its text.',
  });

export const Location = z
  .strictObject({
    name: text(TAG_TEXT_MAX).regex(/^\S(.*\S)?$/, 'must not be empty or start or end with spaces'),
    rel: z.enum(LOCATION_RELS).optional(),
    geo: xmlString()
      .max(TAG_TEXT_MAX)
      .superRefine((v, ctx) => {
        const problem = geoUriProblem(v);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .optional(),
    osm: z
      .string()
      .regex(OSM_ID, 'must be an OpenStreetMap type and id such as R113314 (N node, W way, R relation)')
      .optional(),
    country: z
      .string()
      .refine(isCountryCode, 'must be an ISO 3166-1 alpha-2 country code such as GB or US')
      .transform((v) => v.toUpperCase())
      .optional(),
  })
  .openapi('Location', { description: 'podcast:location: the place the content is about (or made in).' });

/** What an episode takes beyond its text: soundbites, discussion, licence and place. */
export const episodeTagFields = {
  soundbites: z.array(Soundbite).max(20).default([]),
  socialInteract: SocialInteracts.default([]),
  license: License.nullable().optional().openapi({ description: 'null: the show’s licence applies.' }),
  location: Location.nullable().optional(),
};

/** What a show takes: its licence and place. */
export const showTagFields = {
  license: License.nullable().optional(),
  location: Location.nullable().optional(),
};
