// shows and episodes: the podcast side of the catalogue.
import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  unique,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import {
  EPISODE_TYPES,
  type FundingLink,
  type License,
  type Location,
  type Person,
  type PodrollItem,
  PUBLICATION_STATUSES,
  SHOW_ACCESS,
  SHOW_MEDIUMS,
  SHOW_TYPES,
  type ShowCategory,
  type SocialInteract,
  type Soundbite,
  type TxtRecord,
  type UpdateFrequency,
} from '../../domain/vocabulary.ts';
import { users } from './accounts.ts';
import { createdAt, oneOf, slugCheck, statusCheck, updatedAt, version } from './columns.ts';
import { mediaAssets } from './media-assets.ts';

export const shows = sqliteTable(
  'shows',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull().unique(),
    /** `podcast:guid`: UUIDv5 of the first feed URL, stored once so it survives moves. */
    podcastGuid: text('podcast_guid').notNull().unique(),
    title: text('title').notNull(),
    subtitle: text('subtitle').notNull().default(''),
    description: text('description').notNull(),
    language: text('language').notNull().default('en'),
    /** Website of the show; the show page when empty. */
    link: text('link'),
    author: text('author').notNull(),
    ownerName: text('owner_name'),
    ownerEmail: text('owner_email'),
    artworkAssetId: integer('artwork_asset_id').references(() => mediaAssets.id, { onDelete: 'restrict' }),
    categories: text('categories', { mode: 'json' }).$type<ShowCategory[]>().notNull().default([]),
    explicit: integer('explicit', { mode: 'boolean' }).notNull().default(false),
    type: text('type', { enum: SHOW_TYPES }).notNull().default('episodic'),
    copyright: text('copyright'),
    locked: integer('locked', { mode: 'boolean' }).notNull().default(false),
    funding: text('funding', { mode: 'json' }).$type<FundingLink[]>().notNull().default([]),
    /** Set when the show moves to another feed URL: `itunes:new-feed-url` and a 301. */
    newFeedUrl: text('new_feed_url'),
    complete: integer('complete', { mode: 'boolean' }).notNull().default(false),
    block: integer('block', { mode: 'boolean' }).notNull().default(false),
    medium: text('medium', { enum: SHOW_MEDIUMS }).notNull().default('podcast'),
    persons: text('persons', { mode: 'json' }).$type<Person[]>().notNull().default([]),
    txt: text('txt', { mode: 'json' }).$type<TxtRecord[]>().notNull().default([]),
    podroll: text('podroll', { mode: 'json' }).$type<PodrollItem[]>().notNull().default([]),
    updateFrequency: text('update_frequency', { mode: 'json' }).$type<UpdateFrequency>(),
    /**
     * `subscribers`: only private subscriber feeds carry its audio (public feed and bare media
     * refuse). Checked by the API (a CHECK would rebuild the table, which D1's foreign keys forbid).
     */
    access: text('access', { enum: SHOW_ACCESS }).notNull().default('public'),
    license: text('license', { mode: 'json' }).$type<License>(),
    location: text('location', { mode: 'json' }).$type<Location>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    check('shows_slug', slugCheck('slug')),
    check('shows_title', sql`length(${t.title}) > 0`),
    check('shows_description', sql`length(${t.description}) > 0`),
    check('shows_author', sql`length(${t.author}) > 0`),
    check('shows_language', sql`length(${t.language}) BETWEEN 2 AND 35`),
    check('shows_type', oneOf('type', SHOW_TYPES)),
    check('shows_guid', sql`length(${t.podcastGuid}) = 36`),
  ],
);

export const episodes = sqliteTable(
  'episodes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    showId: integer('show_id')
      .notNull()
      .references(() => shows.id, { onDelete: 'restrict' }),
    /** The item `guid`: set once, never changed after publication (podcast apps key on it). */
    guid: text('guid').notNull().unique(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    /** Plain-text summary (`itunes:summary`, `description` fallback). */
    summary: text('summary').notNull().default(''),
    /** Show notes as HTML (`content:encoded`), sanitised on the way out. */
    contentHtml: text('content_html').notNull().default(''),
    status: text('status', { enum: PUBLICATION_STATUSES }).notNull().default('draft'),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
    season: integer('season'),
    number: integer('number'),
    type: text('type', { enum: EPISODE_TYPES }).notNull().default('full'),
    /** null: inherits the show's setting. */
    explicit: integer('explicit', { mode: 'boolean' }),
    imageAssetId: integer('image_asset_id').references(() => mediaAssets.id, { onDelete: 'set null' }),
    audioAssetId: integer('audio_asset_id').references(() => mediaAssets.id, { onDelete: 'restrict' }),
    transcriptAssetId: integer('transcript_asset_id').references(() => mediaAssets.id, {
      onDelete: 'set null',
    }),
    /** Editor-supplied chapters document; when null, chapters come from the audio file. */
    chaptersAssetId: integer('chapters_asset_id').references(() => mediaAssets.id, { onDelete: 'set null' }),
    persons: text('persons', { mode: 'json' }).$type<Person[]>().notNull().default([]),
    block: integer('block', { mode: 'boolean' }).notNull().default(false),
    soundbites: text('soundbites', { mode: 'json' }).$type<Soundbite[]>().notNull().default([]),
    socialInteract: text('social_interact', { mode: 'json' }).$type<SocialInteract[]>().notNull().default([]),
    /** null: the show's licence. */
    license: text('license', { mode: 'json' }).$type<License>(),
    location: text('location', { mode: 'json' }).$type<Location>(),
    /** The user who created it (null: the ADMIN_TOKEN or before accounts existed); contributors edit only their own drafts. */
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    unique('episodes_show_slug').on(t.showId, t.slug),
    check('episodes_slug', slugCheck('slug')),
    check('episodes_title', sql`length(${t.title}) > 0`),
    check('episodes_guid', sql`length(${t.guid}) > 0`),
    check('episodes_status', statusCheck),
    check('episodes_published_at', sql`${t.status} = 'draft' OR ${t.publishedAt} IS NOT NULL`),
    // An episode goes out with an enclosure or not at all.
    check('episodes_audio', sql`${t.status} = 'draft' OR ${t.audioAssetId} IS NOT NULL`),
    check('episodes_season', sql`${t.season} IS NULL OR ${t.season} > 0`),
    check('episodes_number', sql`${t.number} IS NULL OR ${t.number} > 0`),
    check('episodes_type', oneOf('type', EPISODE_TYPES)),
    index('episodes_listing_idx').on(t.showId, t.status, t.publishedAt),
  ],
);

/**
 * Other encodings of an episode's audio (`podcast:alternateEnclosure`): a smaller MP3, an Opus
 * file. The episode's own `audio_asset_id` stays the main enclosure.
 */
export const episodeAlternates = sqliteTable(
  'episode_alternates',
  {
    episodeId: integer('episode_id')
      .notNull()
      .references(() => episodes.id, { onDelete: 'cascade' }),
    assetId: integer('asset_id')
      .notNull()
      .references(() => mediaAssets.id, { onDelete: 'restrict' }),
    position: integer('position').notNull(),
    title: text('title').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.episodeId, t.assetId] }),
    uniqueIndex('episode_alternates_position').on(t.episodeId, t.position),
    check('episode_alternates_position_check', sql`${t.position} >= 0`),
  ],
);
